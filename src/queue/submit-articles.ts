// The API's use case: accept articles for analysis. Each article gets its id from its content;
// one the store already knows is not queued again (a failed one is retried). New articles are
// queued with one bulk add, under job ids made from their ids, so even two API replicas racing
// on the same article queue it once.
import type { SubmittedArticle, ArticleStatus, ArticleStore } from '../store/article-store';
import { articleIdFor, jobIdFor } from '../store/article-id';
import { ANALYSE, type AnalysisJobData, type AnalysisQueue } from './queue';

export interface Submission {
  articleId: string;
  jobId: string;
  status: ArticleStatus;
  /** True when the article was known before this request (nothing new was accepted for it). */
  duplicate: boolean;
}

export async function submitArticles(
  articles: SubmittedArticle[],
  deps: { store: ArticleStore; queue: AnalysisQueue },
  requestId?: string,
): Promise<Submission[]> {
  const { store, queue } = deps;
  const ids = articles.map((article) => articleIdFor(article));
  // The same article twice in one request is registered once; later copies are duplicates.
  const unique = [...new Map(articles.map((article, i) => [ids[i], article]))];
  const registrations = await store.register(unique.map(([id, article]) => ({ id, jobId: jobIdFor(id), article })));

  const toQueue: string[] = [];
  const submissions = new Map<string, Submission>();
  for (const [i, [articleId]] of unique.entries()) {
    const registration = registrations[i];
    if (registration === 'failed') await retryFailed(articleId, deps, requestId);
    // A known article still queued is added again: a no-op while its job exists, and a repair
    // if the job was lost (say, the API stopped between registering and queueing).
    if (registration === 'created' || registration === 'queued') toQueue.push(articleId);
    submissions.set(articleId, {
      articleId,
      jobId: jobIdFor(articleId),
      status: registration === 'completed' ? 'completed' : 'queued',
      duplicate: registration !== 'created',
    });
  }
  // One job: a plain add (addBulk wraps even one job in a MULTI, which costs more than the add).
  if (toQueue.length === 1) await queue.add(ANALYSE, jobData(toQueue[0], requestId), { jobId: jobIdFor(toQueue[0]) });
  else if (toQueue.length > 1) {
    await queue.addBulk(
      toQueue.map((articleId) => ({ name: ANALYSE, data: jobData(articleId, requestId), opts: { jobId: jobIdFor(articleId) } })),
    );
  }
  return ids.map((id, i) => {
    const submission = submissions.get(id) as Submission;
    return ids.indexOf(id) === i ? submission : { ...submission, duplicate: true };
  });
}

/** A failed article posted again: its failed job is retried, or queued anew if it was trimmed. */
async function retryFailed(
  articleId: string,
  deps: { store: ArticleStore; queue: AnalysisQueue },
  requestId: string | undefined,
): Promise<void> {
  await deps.store.markQueued(articleId);
  const job = await deps.queue.getJob(jobIdFor(articleId));
  if (job && (await job.isFailed())) await job.retry('failed');
  else await deps.queue.add(ANALYSE, jobData(articleId, requestId), { jobId: jobIdFor(articleId) });
}

function jobData(articleId: string, requestId: string | undefined): AnalysisJobData {
  return requestId === undefined ? { articleId } : { articleId, requestId };
}
