// The BullMQ worker around the analysis processor.
import { Worker } from 'bullmq';
import type Redis from 'ioredis';
import type { Config } from '../config';
import { keysFor } from '../store/keys';
import type { AnalysisJob } from './analyse-article';
import type { AnalysisJobData, AnalysisJobResult } from './queue';

export type AnalysisWorker = Worker<AnalysisJobData, AnalysisJobResult>;

/** `connection` must be a blocking one (createRedis(url, { blocking: true })). */
export function createAnalysisWorker(
  config: Config,
  processor: (job: AnalysisJob) => Promise<AnalysisJobResult>,
  connection: Redis,
): AnalysisWorker {
  return new Worker<AnalysisJobData, AnalysisJobResult>(config.queue.name, processor, {
    connection,
    prefix: keysFor(config.keyPrefix).queuePrefix,
    concurrency: config.worker.concurrency,
    // A worker that dies (SIGKILL, power loss) leaves its jobs locked: once the lock expires,
    // the next stalled-jobs check of any worker puts them back in the queue.
    lockDuration: config.worker.lockMs,
    stalledInterval: config.worker.stalledIntervalMs,
    maxStalledCount: config.worker.maxStalled,
  });
}
