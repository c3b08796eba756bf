// The API's use case: accept articles for analysis. Each article gets its id from its content.
// A new article is queued with one bulk add, under a job id made from its id, so even two API
// replicas racing on the same article queue it once. A known one is queued again when it needs
// an analysis it will not otherwise get: posted with new metadata, failed, or lost (queued in
// the store while BullMQ has no live job for it).
import type { SubmittedArticle, ArticleStatus, ArticleStore } from '../store/article-store';
import { articleIdFor, jobIdFor } from '../store/article-id';
import { ANALYSE, type AnalysisJobData, type AnalysisQueue } from './queue';

export interface Submission {
  articleId: string;
  jobId: string;
  status: ArticleStatus;
  /** True when the article was known before this request with the same metadata. */
  duplicate: boolean;
  /** True when the article was known with other metadata: it takes this request's and is analysed again. */
  updated: boolean;
}

export async function submitArticles(
  articles: SubmittedArticle[],
  deps: { store: ArticleStore; queue: AnalysisQueue },
  requestId?: string,
): Promise<Submission[]> {
  const { store, queue } = deps;
  const ids = articles.map((article) => articleIdFor(article));
  // The same article twice in one request is registered once, with its last metadata; later
  // copies are duplicates.
  const unique = [...new Map(articles.map((article, i) => [ids[i], article]))];
  const registrations = await store.register(unique.map(([id, article]) => ({ id, jobId: jobIdFor(id), article })));

  const created: string[] = [];
  const known: string[] = [];
  const submissions = new Map<string, Submission>();
  for (const [i, [articleId]] of unique.entries()) {
    const registration = registrations[i];
    if (registration === 'created') created.push(articleId);
    else if (registration !== 'completed') known.push(articleId);
    submissions.set(articleId, {
      articleId,
      jobId: jobIdFor(articleId),
      status: registration === 'completed' ? 'completed' : 'queued',
      duplicate: registration !== 'created' && registration !== 'updated',
      updated: registration === 'updated',
    });
  }
  // One job: a plain add (addBulk wraps even one job in a MULTI, which costs more than the add).
  if (created.length === 1) await queue.add(ANALYSE, jobData(created[0], requestId), { jobId: jobIdFor(created[0]) });
  else if (created.length > 1) {
    await queue.addBulk(
      created.map((articleId) => ({ name: ANALYSE, data: jobData(articleId, requestId), opts: { jobId: jobIdFor(articleId) } })),
    );
  }
  await Promise.all(known.map((articleId) => ensureJob(queue, articleId, requestId)));
  return ids.map((id, i) => {
    const submission = submissions.get(id) as Submission;
    return ids.indexOf(id) === i ? submission : { ...submission, duplicate: true, updated: false };
  });
}

/**
 * Makes sure a job will analyse the article as the store now has it. A job waiting, delayed or
 * running reads the article when it starts (a running one whose record turns out stale has its
 * article queued again when it ends: see job-outcomes.ts); a finished or missing job is replaced
 * by a new one. BullMQ takes a job id again only once the old job is removed; should another
 * replica replace it at the same time, one of the two adds is a no-op.
 */
export async function ensureJob(queue: AnalysisQueue, articleId: string, requestId?: string): Promise<void> {
  const jobId = jobIdFor(articleId);
  const state = await queue.getJobState(jobId);
  if (state === 'completed' || state === 'failed') await queue.remove(jobId);
  else if (state !== 'unknown') return;
  await queue.add(ANALYSE, jobData(articleId, requestId), { jobId });
}

function jobData(articleId: string, requestId: string | undefined): AnalysisJobData {
  return requestId === undefined ? { articleId } : { articleId, requestId };
}
