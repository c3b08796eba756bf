// The analysis queue: one BullMQ job per article, its id derived from the article id, so an
// article already waiting or running is not queued twice. Finished jobs are trimmed from
// BullMQ; the article's record in the store keeps the outcome for good.
import { Queue, type JobsOptions } from 'bullmq';
import type Redis from 'ioredis';
import type { Config } from '../config';
import type { AnalysisCounts } from '../store/article-store';
import { keysFor } from '../store/keys';

export const ANALYSE = 'analyse';

export interface AnalysisJobData {
  articleId: string;
  /** The id of the HTTP request that queued the job, so the worker's logs join the API's. */
  requestId?: string;
}

export interface AnalysisJobResult {
  articleId: string;
  quotes: number;
  actors: number;
  stances: number;
}

export type AnalysisQueue = Queue<AnalysisJobData, AnalysisJobResult, typeof ANALYSE>;

export function analysisJobOptions(config: Config): JobsOptions {
  return {
    attempts: config.queue.attempts,
    backoff: { type: 'exponential', delay: config.queue.backoffMs },
    removeOnComplete: { count: config.queue.keepCompleted },
    removeOnFail: { count: config.queue.keepFailed },
  };
}

/** The queue the API adds to. `connection` may be shared with the store. */
export function createAnalysisQueue(config: Config, connection: Redis): AnalysisQueue {
  return new Queue<AnalysisJobData, AnalysisJobResult, typeof ANALYSE>(config.queue.name, {
    connection,
    prefix: keysFor(config.keyPrefix).queuePrefix,
    defaultJobOptions: analysisJobOptions(config),
  });
}

/** What a finished job reports: counts; the analysis itself is at GET /articles/:id. */
export function resultOf(articleId: string, counts: AnalysisCounts): AnalysisJobResult {
  return { articleId, quotes: counts.quotes, actors: counts.actors, stances: counts.stances };
}
