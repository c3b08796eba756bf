// What the pool and its threads say to each other.
import type { Article } from '../analysis/types';

export interface ToThread {
  article: Article;
}

export type FromThread =
  | { type: 'ready' }
  | { type: 'load-failed'; error: string }
  /** The analysis as JSON text. */
  | { type: 'done'; analysis: string }
  | { type: 'failed'; error: string };
