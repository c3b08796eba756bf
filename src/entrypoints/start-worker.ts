// Assembles and starts an analysis worker: the pool of analysis threads (each loads the models),
// the BullMQ worker, its store connection and its heartbeat.
import os from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Config } from '../config';
import type { Analysis, Article } from '../analysis/types';
import { AnalysisPool } from '../analysis-pool/pool';
import { createAnalysisProcessor } from '../queue/analyse-article';
import { publishSnapshots } from '../metrics/snapshots';
import { workerMetrics } from '../metrics/worker-metrics';
import { startHeartbeat } from '../queue/heartbeat';
import { startMaintenance } from '../queue/maintenance';
import { followJobOutcomes, isFinalFailure } from '../queue/job-outcomes';
import { createAnalysisQueue } from '../queue/queue';
import { createAnalysisWorker, type AnalysisWorker } from '../queue/worker';
import { ArticleStore } from '../store/article-store';
import { migrateStore } from '../store/migrate';
import { closeRedis, createRedis } from '../store/redis';
import type { Logger } from './logger';

export interface RunningWorker {
  id: string;
  worker: AnalysisWorker;
  /** Takes no new job, waits for the active ones, stops the heartbeat and closes Redis. */
  close(): Promise<void>;
}

export interface StartWorkerOptions {
  /**
   * The analysis to run instead of the pool's (the fault tests inject failures this way). By
   * default a pool of WORKER_CONCURRENCY threads, each article within ANALYSIS_TIMEOUT_MS.
   */
  analyse?: (article: Article) => Promise<Analysis>;
}

export async function startWorker(config: Config, logger: Logger, options: StartWorkerOptions = {}): Promise<RunningWorker> {
  const id = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const log = logger.child({ component: 'worker', workerId: id });
  // Threads first: a worker whose models cannot load should not take jobs.
  const startedAt = Date.now();
  const pool = options.analyse
    ? undefined
    : await AnalysisPool.start({
        threads: config.worker.concurrency,
        timeoutMs: config.analysis.timeoutMs,
        memoryMb: config.analysis.memoryMb,
        models: config.models,
      });
  if (pool) log.info({ threads: config.worker.concurrency, ms: Date.now() - startedAt }, 'analysis threads ready');
  const analyse = options.analyse ?? ((article: Article) => (pool as AnalysisPool).analyse(article));
  const redis = createRedis(config, { name: 'stance-worker-store' });
  const blocking = createRedis(config, { blocking: true, name: 'stance-worker' });
  const store = new ArticleStore(redis, config.keyPrefix);
  // Before the first job: a store of an earlier layout is brought up to date (migrate.ts).
  const migrated = await migrateStore(redis, store.keys);
  if (migrated) log.info({ articles: migrated }, 'store upgraded to the current layout');
  const worker = createAnalysisWorker(config, createAnalysisProcessor({ store, analyse }), blocking);
  // For queueing an article again whose job completed with a stale record.
  const queue = createAnalysisQueue(config, redis);
  queue.on('error', (error) => log.debug({ err: error.message }, 'queue connection error')); // the worker logs the outage
  const outcomes = followJobOutcomes(worker, { store, queue }, (error, job) =>
    log.error({ err: error, jobId: job.id, reqId: job.data.requestId }, 'the article\'s record could not follow its job'),
  );
  const metrics = workerMetrics();
  // reqId: the id of the request that queued the job, as in the API's log lines.
  worker.on('completed', (job, result) => {
    const ms = elapsed(job);
    metrics.analysed.inc();
    if (ms !== undefined) metrics.jobDuration.observe(ms / 1000);
    log.info({ jobId: job.id, reqId: job.data.requestId, ...result, ms }, 'analysed');
  });
  worker.on('failed', (job, error) => {
    metrics.attemptsFailed.inc();
    const final = isFinalFailure(job, error);
    if (final) metrics.jobsFailed.inc();
    log.warn({ jobId: job?.id, reqId: job?.data.requestId, attempt: job?.attemptsMade, final, err: error.message }, 'analysis failed');
  });
  worker.on('stalled', (jobId) => log.warn({ jobId }, 'job stalled (its worker stopped answering): queued again'));
  worker.on('error', (error) => log.error({ err: error }, 'worker error'));
  await worker.waitUntilReady();
  const heartbeat = await startHeartbeat(redis, store.keys, id, config.worker.heartbeatSeconds, (error) =>
    log.warn({ err: error }, 'heartbeat failed'),
  );
  const snapshots = publishSnapshots(redis, store.keys, id, metrics.registry, config.worker.heartbeatSeconds, (error) =>
    log.warn({ err: error }, 'metrics snapshot failed'),
  );
  const maintenance = startMaintenance(store, {
    retentionDays: config.retentionDays,
    onDone: ({ settled, expired }) => {
      if (settled || expired) log.info({ settled, expired }, 'store upkeep: recordings finished, articles let go');
    },
    onError: (error) => log.warn({ err: error }, 'store upkeep failed'),
  });
  log.info({ concurrency: config.worker.concurrency, queue: config.queue.name }, 'worker started');
  return {
    id,
    worker,
    async close() {
      await worker.close();
      await pool?.close();
      await outcomes.settled();
      await queue.close();
      await heartbeat.stop();
      await snapshots.stop();
      await maintenance.stop();
      await closeRedis(redis);
      await closeRedis(blocking);
    },
  };
}

function elapsed(job: { processedOn?: number; finishedOn?: number }): number | undefined {
  return job.processedOn && job.finishedOn ? job.finishedOn - job.processedOn : undefined;
}
