// The BullMQ worker around the analysis processor.
import { Worker } from 'bullmq';
import type { RedisClient } from '../store/redis';
import type { Config } from '../config';
import type { AnalysisJob } from './analyse-article';
import { queuePrefix, type AnalysisJobData, type AnalysisJobResult } from './queue';

export type AnalysisWorker = Worker<AnalysisJobData, AnalysisJobResult>;

/** `connection` must be a blocking one (createRedis(config, { blocking: true })). */
export function createAnalysisWorker(
  config: Config,
  processor: (job: AnalysisJob) => Promise<AnalysisJobResult>,
  connection: RedisClient,
): AnalysisWorker {
  return new Worker<AnalysisJobData, AnalysisJobResult>(config.queue.name, processor, {
    connection,
    prefix: queuePrefix(config),
    concurrency: config.worker.concurrency,
    // A worker that dies (SIGKILL, power loss) leaves its jobs locked: once the lock expires,
    // the next stalled-jobs check of any worker puts them back in the queue.
    lockDuration: config.worker.lockMs,
    stalledInterval: config.worker.stalledIntervalMs,
    maxStalledCount: config.worker.maxStalled,
  });
}
