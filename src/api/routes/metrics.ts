// GET /metrics: Prometheus metrics of the API (HTTP latency, process), the queue (jobs by state)
// and every worker (articles analysed, failures, job duration), summed from their snapshots.
import { Router } from 'express';
import { redisAnswersNow, type RedisClient } from '../../store/redis';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { AnalysisQueue } from '../../queue/queue';
import { readWorkerMetrics, sumRegistries } from '../../metrics/snapshots';
import { workerMetrics } from '../../metrics/worker-metrics';
import type { Keys } from '../../store/keys';

const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized'] as const;

/** The API's registry: its own metrics plus the worker metrics at zero (so they always show). */
export function apiRegistry(queue: AnalysisQueue, redis: RedisClient): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'stance_api_' });
  workerMetrics(registry);
  new Gauge({
    name: 'stance_redis_up',
    help: '1 when Redis (every primary of a cluster) answered the API while these metrics were collected, else 0',
    registers: [registry],
    async collect() {
      this.set((await redisAnswersNow(redis)) ? 1 : 0);
    },
  });
  new Gauge({
    name: 'stance_queue_jobs',
    help: 'Analysis jobs in the queue, by state (completed and failed: those BullMQ still keeps)',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      // Redis away: no queue figures (stance_redis_up says why); the API's own still show.
      try {
        const counts = await queue.getJobCounts(...QUEUE_STATES);
        for (const state of QUEUE_STATES) this.set({ state }, counts[state] ?? 0);
      } catch {
        this.reset();
      }
    },
  });
  return registry;
}

export function metricsRouter(deps: { registry: Registry; redis: RedisClient; keys: Keys }): Router {
  const router = Router();
  router.get('/metrics', async (_req, res) => {
    const own = await deps.registry.getMetricsAsJSON();
    const workers = await readWorkerMetrics(deps.redis, deps.keys).catch(() => []);
    const summed = sumRegistries([own as never, ...workers]);
    res.type(summed.contentType).send(await summed.metrics());
  });
  return router;
}
