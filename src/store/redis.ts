// Redis connections and the small helpers every user of them needs.
import Redis, { type RedisOptions } from 'ioredis';

/**
 * A connection to REDIS_URL. `blocking` connections (BullMQ workers and queue events) must
 * wait for Redis forever; the others give a command up after a few tries, so the API can
 * answer "unavailable" instead of hanging while Redis is away.
 */
export function createRedis(url: string, options: { blocking?: boolean; name?: string } = {}): Redis {
  const common: RedisOptions = {
    connectionName: options.name,
    // RESP2 replies, the shapes BullMQ's scripts and ours are written for (ioredis 6 defaults to RESP3).
    protocol: 2,
    // Reconnect with a capped back-off, forever: Redis restarts must not need our restart.
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  };
  return new Redis(url, options.blocking ? { ...common, maxRetriesPerRequest: null } : { ...common, maxRetriesPerRequest: 2 });
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
