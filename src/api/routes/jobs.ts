// GET /jobs/:id: the analysis job of an article. While BullMQ still holds the job its live
// state is shown; once the job is trimmed, the article's record tells how it ended.
import { Router } from 'express';
import type { ArticleStore, StoredArticle } from '../../store/article-store';
import { articleIdOfJob } from '../../store/article-id';
import { resultOf, type AnalysisQueue } from '../../queue/queue';
import { HttpError } from '../errors';
import { jobIdParam, parse } from '../schemas';

export function jobsRouter(deps: { store: ArticleStore; queue: AnalysisQueue }): Router {
  const router = Router();

  router.get('/jobs/:id', async (req, res) => {
    const id = parse(jobIdParam, req.params.id, 'id');
    const articleId = articleIdOfJob(id) as string;
    // The state first, then the job: BullMQ writes a job's outcome (result, tries, reason) in
    // the same step that moves it, so data read after the state is at least as new as it. (The
    // other order showed a job completed without its result, or failed with a try too few.)
    const state = await deps.queue.getJobState(id);
    const job = state === 'unknown' ? undefined : await deps.queue.getJob(id);
    if (job) {
      res.json({
        id,
        articleId,
        state,
        progress: state === 'completed' ? 100 : job.progress,
        attempts: job.attemptsMade,
        createdAt: isoOrNull(job.timestamp),
        finishedAt: isoOrNull(job.finishedOn),
        ...(state === 'completed' && { result: job.returnvalue }),
        // A job waiting for its next try keeps the reason of the last failure.
        ...(job.failedReason && { error: job.failedReason }),
      });
      return;
    }
    const article = await deps.store.get(articleId);
    if (!article || article.jobId !== id) throw new HttpError(404, 'not_found', `No job with id ${id}`);
    res.json(fromRecord(article));
  });

  return router;
}

function fromRecord(article: StoredArticle) {
  const finished = article.status === 'completed' || article.status === 'failed';
  return {
    id: article.jobId,
    articleId: article.id,
    // A queued article without a job lost it; posting the article again queues it anew.
    state: finished ? article.status : 'unknown',
    progress: article.status === 'completed' ? 100 : 0,
    attempts: null,
    createdAt: article.receivedAt,
    finishedAt: article.analysedAt ?? null,
    ...(article.counts && article.status === 'completed' && { result: resultOf(article.id, article.counts) }),
    ...(article.error && { error: article.error }),
  };
}

function isoOrNull(ms: number | undefined): string | null {
  return ms ? new Date(ms).toISOString() : null;
}
