// The worker's use case: read the article, analyse it, record the analysis and its stance
// contributions. A plain async function of the job, as BullMQ wants its processors; the
// analysis itself runs on a thread of the pool (src/analysis-pool), within its time budget.
// What a failed or stale job means for its article is decided when the job ends (job-outcomes.ts).
import { UnrecoverableError, type Job } from 'bullmq';
import type { Analysis, Article } from '../analysis/types';
import { AnalysisCrashError, AnalysisTimeoutError } from '../analysis-pool/pool';
import { countsOf, type ArticleStore } from '../store/article-store';
import { resultOf, type AnalysisJobData, type AnalysisJobResult } from './queue';

export type AnalysisJob = Job<AnalysisJobData, AnalysisJobResult>;

export const ANALYSED_PROGRESS = 50;

export interface AnalysisProcessorDeps {
  store: ArticleStore;
  /** analyze() off the event loop: an AnalysisPool's analyse. */
  analyse: (article: Article) => Promise<Analysis>;
}

export function createAnalysisProcessor(deps: AnalysisProcessorDeps) {
  const { store, analyse } = deps;
  return async function analyseArticle(job: AnalysisJob): Promise<AnalysisJobResult> {
    const { articleId } = job.data;
    const article = await store.get(articleId, ['text']);
    if (!article?.text) throw new UnrecoverableError(`article ${articleId} is not in the store`);
    const analysis = await analyse({
      text: article.text,
      title: article.title,
      // An article posted without a date is read as of the day it arrived, the date the
      // summary files it under (dateOf): its people hold the offices of that day.
      publishedAt: article.publishedAt ?? article.receivedAt,
      source: article.source,
      entities: article.entities,
    }).catch((error: unknown) => {
      // Past the time budget or the memory limit: another try would end the same way.
      if (error instanceof AnalysisTimeoutError || error instanceof AnalysisCrashError) throw new UnrecoverableError(error.message);
      throw error;
    });
    // One progress report (each is a round trip): analysed, being recorded. The API shows a
    // completed job as 100.
    await job.updateProgress(ANALYSED_PROGRESS);
    // Stale when the article was posted with new metadata meanwhile: nothing is recorded, and
    // the article, queued again by that posting, is analysed anew once this job completes.
    await store.recordAnalysis(article, analysis);
    return resultOf(articleId, countsOf(analysis));
  };
}
