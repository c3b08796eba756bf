// Worker metrics travel through Redis: each worker writes its registry's JSON under its id in
// one hash, and the API reads them all and sums them (prom-client's AggregatorRegistry, made for
// exactly this: one process answering for several). A worker's last snapshot is kept for a day
// after it stops, so totals do not fall when a worker exits.
import type { RedisClient } from '../store/redis';
import { AggregatorRegistry, type MetricObjectWithValues, type MetricValue, type Registry } from 'prom-client';
import type { Keys } from '../store/keys';

type MetricsJson = MetricObjectWithValues<MetricValue<string>>[];

const KEEP_MS = 24 * 3600 * 1000;

interface Snapshot {
  at: number;
  metrics: MetricsJson;
}

export interface SnapshotPublisher {
  /** Publishes one last snapshot and stops. */
  stop(): Promise<void>;
}

/** Publishes `registry` under `workerId` now and every `intervalSeconds`. */
export function publishSnapshots(
  redis: RedisClient,
  keys: Keys,
  workerId: string,
  registry: Registry,
  intervalSeconds: number,
  onError: (error: unknown) => void,
): SnapshotPublisher {
  const publish = async () => {
    const snapshot: Snapshot = { at: Date.now(), metrics: (await registry.getMetricsAsJSON()) as MetricsJson };
    await redis.hset(keys.workerMetrics, workerId, JSON.stringify(snapshot));
  };
  const timer = setInterval(() => publish().catch(onError), intervalSeconds * 1000);
  timer.unref();
  publish().catch(onError);
  return {
    async stop() {
      clearInterval(timer);
      await publish().catch(onError);
    },
  };
}

/** The workers' metrics, summed; snapshots older than a day are dropped. */
export async function readWorkerMetrics(redis: RedisClient, keys: Keys, now = Date.now()): Promise<MetricsJson[]> {
  const all = await redis.hgetall(keys.workerMetrics);
  const fresh: MetricsJson[] = [];
  const stale: string[] = [];
  for (const [workerId, json] of Object.entries(all)) {
    const snapshot = JSON.parse(json) as Snapshot;
    if (now - snapshot.at > KEEP_MS) stale.push(workerId);
    else fresh.push(snapshot.metrics);
  }
  if (stale.length) await redis.hdel(keys.workerMetrics, ...stale);
  return fresh;
}

/** One registry holding the sum of every registry's metrics given. */
export function sumRegistries(snapshots: MetricsJson[]): Registry {
  return AggregatorRegistry.aggregate(snapshots);
}
