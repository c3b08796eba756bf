// The worker's use case: read the article, analyse it, record the analysis and its stance
// contributions. A plain async function of the job, as BullMQ wants its processors.
import { UnrecoverableError, type Job } from 'bullmq';
import { analyze } from '../analysis';
import type { Models } from '../models';
import type { ArticleStore } from '../store/article-store';
import { resultOf, type AnalysisJobData, type AnalysisJobResult } from './queue';

export type AnalysisJob = Job<AnalysisJobData, AnalysisJobResult>;

export const ANALYSED_PROGRESS = 50;

export function createAnalysisProcessor(deps: { store: ArticleStore; models: Models }) {
  const { store, models } = deps;
  return async function analyseArticle(job: AnalysisJob): Promise<AnalysisJobResult> {
    const { articleId } = job.data;
    try {
      const article = await store.get(articleId);
      if (!article) throw new UnrecoverableError(`article ${articleId} is not in the store`);
      const analysis = analyze(
        { text: article.text, title: article.title, publishedAt: article.publishedAt, entities: article.entities },
        models,
      );
      // One progress report (each is a round trip): analysed, being recorded. The API shows a
      // completed job as 100.
      await job.updateProgress(ANALYSED_PROGRESS);
      await store.recordAnalysis(article, analysis);
      return resultOf(articleId, analysis);
    } catch (error) {
      if (error instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
        await store.markFailed(articleId, error instanceof Error ? error.message : String(error));
      }
      throw error;
    }
  };
}
