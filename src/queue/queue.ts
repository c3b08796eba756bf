// The analysis queue: one BullMQ job per article, its id derived from the article id, so an
// article already waiting or running is not queued twice. Finished jobs are trimmed from
// BullMQ; the article's record in the store keeps the outcome for good.
import { Queue, type JobsOptions } from 'bullmq';
import type { RedisClient } from '../store/redis';
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

/**
 * BullMQ's prefix: `<prefix>:bull` on one Redis, as it always was (jobs queued before an upgrade
 * stay where the workers look). In Redis Cluster a hash tag around it, `{<prefix>:bull}`, as
 * BullMQ's documentation requires: its scripts touch many keys of a queue at once, and the tag
 * puts all of them in one slot. A tag of its own, apart from the store's keys, so the queue's
 * slot is not also the one of the store's busiest keys.
 */
export function queuePrefix(config: Pick<Config, 'keyPrefix' | 'redisClusterNodes'>): string {
  const prefix = keysFor(config.keyPrefix).queuePrefix;
  return config.redisClusterNodes && !/\{[^}]+\}/.test(prefix) ? `{${prefix}}` : prefix;
}

/** The queue the API adds to. `connection` may be shared with the store. */
export function createAnalysisQueue(config: Config, connection: RedisClient): AnalysisQueue {
  return new Queue<AnalysisJobData, AnalysisJobResult, typeof ANALYSE>(config.queue.name, {
    connection,
    prefix: queuePrefix(config),
    defaultJobOptions: analysisJobOptions(config),
  });
}

/** What a finished job reports: counts; the analysis itself is at GET /articles/:id. */
export function resultOf(articleId: string, counts: AnalysisCounts): AnalysisJobResult {
  return { articleId, quotes: counts.quotes, actors: counts.actors, stances: counts.stances };
}
