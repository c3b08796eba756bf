// Assembles and starts an analysis worker: the BullMQ worker, its store connection and its
// heartbeat. Models are loaded by the caller (once per process) and passed in.
import os from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Config } from '../config';
import type { Models } from '../models';
import { createAnalysisProcessor } from '../queue/analyse-article';
import { startHeartbeat } from '../queue/heartbeat';
import { createAnalysisWorker, type AnalysisWorker } from '../queue/worker';
import { ArticleStore } from '../store/article-store';
import { closeRedis, createRedis } from '../store/redis';
import type { Logger } from './logger';

export interface RunningWorker {
  id: string;
  worker: AnalysisWorker;
  /** Takes no new job, waits for the active ones, stops the heartbeat and closes Redis. */
  close(): Promise<void>;
}

export async function startWorker(config: Config, models: Models, logger: Logger): Promise<RunningWorker> {
  const id = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const log = logger.child({ component: 'worker', workerId: id });
  const redis = createRedis(config.redisUrl, { name: 'stance-worker-store' });
  const blocking = createRedis(config.redisUrl, { blocking: true, name: 'stance-worker' });
  const store = new ArticleStore(redis, config.keyPrefix);
  const worker = createAnalysisWorker(config, createAnalysisProcessor({ store, models }), blocking);
  worker.on('completed', (job, result) => log.info({ jobId: job.id, ...result, ms: elapsed(job) }, 'analysed'));
  worker.on('failed', (job, error) =>
    log.warn({ jobId: job?.id, attempt: job?.attemptsMade, err: error.message }, 'analysis failed'),
  );
  worker.on('error', (error) => log.error({ err: error }, 'worker error'));
  await worker.waitUntilReady();
  const heartbeat = await startHeartbeat(redis, store.keys, id, config.worker.heartbeatSeconds, (error) =>
    log.warn({ err: error }, 'heartbeat failed'),
  );
  log.info({ concurrency: config.worker.concurrency, queue: config.queue.name }, 'worker started');
  return {
    id,
    worker,
    async close() {
      await worker.close();
      await heartbeat.stop();
      await closeRedis(redis);
      await closeRedis(blocking);
    },
  };
}

function elapsed(job: { processedOn?: number; finishedOn?: number }): number | undefined {
  return job.processedOn && job.finishedOn ? job.finishedOn - job.processedOn : undefined;
}
