// The worker's use case: read the article, analyse it, record the analysis and its stance
// contributions. A plain async function of the job, as BullMQ wants its processors.
import { UnrecoverableError, type Job } from 'bullmq';
import { analyze } from '../analysis';
import type { Models } from '../models';
import type { ArticleStore } from '../store/article-store';
import { resultOf, type AnalysisJobData, type AnalysisJobResult } from './queue';

export type AnalysisJob = Job<AnalysisJobData, AnalysisJobResult>;

export function createAnalysisProcessor(deps: { store: ArticleStore; models: Models }) {
  const { store, models } = deps;
  return async function analyseArticle(job: AnalysisJob): Promise<AnalysisJobResult> {
    const { articleId } = job.data;
    try {
      const article = await store.get(articleId);
      if (!article) throw new UnrecoverableError(`article ${articleId} is not in the store`);
      await job.updateProgress(10);
      const analysis = analyze(
        { text: article.text, title: article.title, publishedAt: article.publishedAt, entities: article.entities },
        models,
      );
      await job.updateProgress(80);
      await store.recordAnalysis(article, analysis);
      await job.updateProgress(100);
      return resultOf(articleId, analysis);
    } catch (error) {
      if (error instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
        await store.markFailed(articleId, error instanceof Error ? error.message : String(error));
      }
      throw error;
    }
  };
}
