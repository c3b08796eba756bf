// Redis connections and the small helpers every user of them needs.
import Redis, { type RedisOptions } from 'ioredis';

/**
 * A connection to REDIS_URL. `blocking` connections (BullMQ workers and queue events) must
 * wait for Redis forever; the others give a command up after a few tries. `failFast` ones (the
 * API's) refuse a command at once while disconnected, so the API answers 503 in a moment
 * rather than after the retries.
 */
export function createRedis(url: string, options: { blocking?: boolean; failFast?: boolean; name?: string } = {}): Redis {
  const common: RedisOptions = {
    connectionName: options.name,
    // RESP2 replies, the shapes BullMQ's scripts and ours are written for (ioredis 6 defaults to RESP3).
    protocol: 2,
    // Reconnect with a capped back-off, forever: Redis restarts must not need our restart.
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  };
  if (options.blocking) return new Redis(url, { ...common, maxRetriesPerRequest: null });
  return new Redis(url, { ...common, maxRetriesPerRequest: 2, enableOfflineQueue: !options.failFast });
}

/** Resolves when the connection is ready, or after `timeoutMs` (true: ready). */
export async function whenReady(redis: Redis, timeoutMs: number): Promise<boolean> {
  if (redis.status === 'ready') return true;
  return new Promise((resolve) => {
    const timer = setTimeout(() => done(false), timeoutMs);
    const onReady = () => done(true);
    function done(ready: boolean) {
      clearTimeout(timer);
      redis.off('ready', onReady);
      resolve(ready);
    }
    redis.on('ready', onReady);
  });
}

/** Pipeline or transaction replies without their error slots; the first error is thrown. */
export function pipelineResults(replies: [Error | null, unknown][] | null): unknown[] {
  return (replies ?? []).map(([error, value]) => {
    if (error) throw error;
    return value;
  });
}

/** Closes a connection politely, or drops it when Redis cannot be reached. */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === 'end') return;
  try {
    await redis.quit();
  } catch {
    redis.disconnect();
  }
}
