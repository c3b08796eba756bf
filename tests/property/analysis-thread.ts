// Runs analyze() in a worker thread with a deadline (see analysis-worker-thread.js): a test of a huge
// input fails in bounded time, with "took longer than", instead of blocking the suite.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Article } from '../../src/analysis/types';

export interface Timed {
  ms: number;
  /** Length of the result as JSON. */
  bytes: number;
  counts: { quotes: number; actors: number; stances: number };
}

export class AnalysisThread {
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;

  /** Analyses `article`; rejects when it throws, or when it takes longer than `deadlineMs`. */
  async analyse(article: Article, deadlineMs: number): Promise<Timed> {
    const worker = await this.start();
    return new Promise<Timed>((resolve, reject) => {
      const timer = setTimeout(() => {
        worker.off('message', onMessage);
        // The thread is stuck in analyze(): stop it; the next call starts a new one.
        void this.stop();
        reject(new Error(`analyze() took longer than ${deadlineMs} ms on ${article.text.length} characters`));
      }, deadlineMs);
      const onMessage = (reply: Timed & { error?: string }) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        if (reply.error) reject(new Error(`analyze() threw on ${article.text.length} characters: ${reply.error}`));
        else resolve(reply);
      };
      worker.on('message', onMessage);
      worker.postMessage({ article });
    });
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.ready = undefined;
    await worker?.terminate();
  }

  private async start(): Promise<Worker> {
    if (!this.worker) {
      const worker = new Worker(path.join(__dirname, 'analysis-worker-thread.js'));
      this.worker = worker;
      this.ready = new Promise((resolve, reject) => {
        worker.once('message', () => resolve());
        worker.once('error', reject);
      });
    }
    await this.ready;
    return this.worker as Worker;
  }
}
