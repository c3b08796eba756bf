// What becomes of an article when its job ends, decided here for every way a job ends: the
// processor's error on its last try, an unrecoverable one, or BullMQ's stalled-jobs check
// failing a job whose workers died under it too often (that one never reaches the processor:
// the next worker to take the job fails it at once, and only its `failed` event tells).
import type { ArticleStore } from '../store/article-store';
import type { AnalysisJob } from './analyse-article';
import type { AnalysisQueue } from './queue';
import { ensureJob } from './submit-articles';
import type { AnalysisWorker } from './worker';

/** True when BullMQ will not try the job again: unrecoverable, or its last try. */
export function isFinalFailure(job: AnalysisJob | undefined, error: Error): boolean {
  return !job || error.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
}

/**
 * Keeps the store in step with the worker's jobs: an article whose job failed for good is
 * marked failed with the reason; one still queued when its job completed (posted with new
 * metadata during the analysis, which made the record stale) is queued again.
 */
export function followJobOutcomes(
  worker: AnalysisWorker,
  deps: { store: ArticleStore; queue: AnalysisQueue },
  onError: (error: unknown, job: AnalysisJob) => void,
): { settled(): Promise<void> } {
  const pending = new Set<Promise<void>>();
  const follow = (job: AnalysisJob, work: Promise<void>) => {
    const done = work.catch((error: unknown) => onError(error, job)).finally(() => pending.delete(done));
    pending.add(done);
  };
  worker.on('failed', (job, error) => {
    if (job && isFinalFailure(job, error)) follow(job, deps.store.markFailed(job.data.articleId, error.message));
  });
  worker.on('completed', (job) => follow(job, requeueIfChanged(job, deps)));
  return {
    /** Resolves once the store has followed every job that ended so far (before closing it). */
    async settled() {
      await Promise.all(pending);
    },
  };
}

async function requeueIfChanged(job: AnalysisJob, deps: { store: ArticleStore; queue: AnalysisQueue }): Promise<void> {
  const article = await deps.store.get(job.data.articleId);
  if (article?.status === 'queued') await ensureJob(deps.queue, job.data.articleId, job.data.requestId);
}
