// Evidence of stance and how it adds up: every piece is one source's attitude toward one
// target in one span of text, scored in [-1, 1] with a confidence; an actor pair's stance is the
// confidence-weighted mean of its evidence, and its polarity the sign outside a neutral band.
import { slugify } from '../../../models/actors';
import { partitionPoint } from '../../sorted';
import type { Span } from '../../types';

/**
 * The author of the article, as a source. Lower case and namespaced like the ids of names the
 * dictionary does not know (name:arnor): no dictionary id or CAMEO code can be it ("AUTHOR" read
 * as one: AUT + HOR, "Austrian HOR").
 */
export const AUTHOR = 'author:article';
export const AUTHOR_NAME = 'the author';

/** Where the author's stances appear in an analysis: its id and name as a source. */
export interface Author {
  id: string;
  name: string;
}

/** The namespace of a publisher's id as the author (publisher:reuters): no dictionary id or name id can be one. */
export const PUBLISHER_PREFIX = 'publisher:';
const MAX_PUBLISHER_SLUG = 80;

/**
 * The author of an article from its `source` (the publisher, as the caller names it): the
 * publisher, with a stable id from its name (publisher:the-new-york-times), and else, or for a
 * source with no letter or digit to name it by, AUTHOR, "the author".
 */
export function authorOf(source?: string): Author {
  const name = source?.trim().replace(/\s+/g, ' ') ?? '';
  // At most 80 characters of slug: an actor id the API takes is at most 100 long.
  const slug = slugify(name).slice(0, MAX_PUBLISHER_SLUG).replace(/-+$/, '');
  return slug ? { id: `${PUBLISHER_PREFIX}${slug}`, name } : { id: AUTHOR, name: AUTHOR_NAME };
}
/** |score| at or below this is neutral. */
export const NEUTRAL_BAND = 0.1;

export interface Evidence extends Span {
  source: string;
  target: string;
  score: number;
  confidence: number;
  /** Index of the statement this evidence came from. */
  statement?: number;
}

export interface StancePair {
  source: string;
  target: string;
  score: number;
  polarity: -1 | 0 | 1;
  /** The most confident piece of evidence of the score's sign (of any, for a neutral score), in [0, 1]. */
  confidence: number;
  evidence: Evidence[];
}

/** Pairs by their evidence; a pair less confident than `minConfidence` is not polar. */
export function aggregate(evidence: Evidence[], minConfidence = 0): StancePair[] {
  const byPair = new Map<string, Evidence[]>();
  for (const e of evidence) {
    const key = `${e.source}\u0000${e.target}`;
    const list = byPair.get(key);
    if (list) list.push(e);
    else byPair.set(key, [e]);
  }
  const pairs: StancePair[] = [];
  for (const list of byPair.values()) {
    const score = weightedMean(list);
    const polarity = polarityOf(score);
    let confidence = 0;
    for (const e of list) if (polarity === 0 || Math.sign(e.score) === polarity) confidence = Math.max(confidence, e.confidence);
    pairs.push({ source: list[0].source, target: list[0].target, score, polarity: confidence >= minConfidence ? polarity : 0, confidence, evidence: list });
  }
  return pairs;
}

/**
 * A look-up of the evidence whose span covers a given span, in the evidence's order: the target
 * model asks it for each of up to a thousand caller's entities, which must not each read all
 * the evidence of the article.
 */
export function coveringEvidence(evidence: Evidence[]): (s: Span) => Evidence[] {
  // The distinct spans in order of start, each with its evidence's indices, and the furthest
  // end that the spans up to each one reach: past it, no earlier span covers anything.
  const bySpan = new Map<string, { start: number; end: number; indices: number[] }>();
  evidence.forEach((e, i) => {
    const key = `${e.start}:${e.end}`;
    const span = bySpan.get(key);
    if (span) span.indices.push(i);
    else bySpan.set(key, { start: e.start, end: e.end, indices: [i] });
  });
  const spans = [...bySpan.values()].sort((a, b) => a.start - b.start);
  const reach: number[] = [];
  spans.forEach((s, k) => reach.push(Math.max(s.end, k > 0 ? reach[k - 1] : s.end)));
  return (s) => {
    const found: number[] = [];
    for (let k = partitionPoint(spans.length, (n) => spans[n].start <= s.start) - 1; k >= 0 && reach[k] >= s.end; k--) {
      if (spans[k].end >= s.end) found.push(...spans[k].indices);
    }
    return found.sort((a, b) => a - b).map((i) => evidence[i]);
  };
}

export function weightedMean(list: Evidence[]): number {
  let sum = 0, weight = 0;
  for (const e of list) {
    sum += e.score * e.confidence;
    weight += e.confidence;
  }
  return weight ? sum / weight : 0;
}

/**
 * The most pieces of evidence of one kind that one span (a sentence, a statement) gives. Real
 * text gives 72 at most (a sentence naming 70 people); the bound keeps the result's size in
 * proportion to the text's when a sentence is nothing but names and stance verbs.
 */
export const MAX_EVIDENCE_PER_SPAN = 128;

/** Counts the evidence given for each span, spans taken in text order; refuses past MAX_EVIDENCE_PER_SPAN. */
export class SpanBudget {
  private start = -1;
  private used = 0;

  /** Takes a place for one more piece of evidence over span `s`: false when the span has given its share. */
  take(s: Span): boolean {
    if (s.start !== this.start) {
      this.start = s.start;
      this.used = 0;
    }
    return this.used++ < MAX_EVIDENCE_PER_SPAN;
  }
}

export const polarityOf = (score: number): -1 | 0 | 1 => (score > NEUTRAL_BAND ? 1 : score < -NEUTRAL_BAND ? -1 : 0);
export const clamp = (x: number): number => Math.max(-1, Math.min(1, x));
