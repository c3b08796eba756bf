// Worker heartbeats: each worker stamps its id in a sorted set every few seconds, with Redis's
// own clock (no skew between machines). /ready counts the workers seen recently. The set
// expires on its own when every worker is gone.
import { redisAnswersNow, type RedisClient } from '../store/redis';
import type { Keys } from '../store/keys';

/** KEYS[1] workers set · ARGV: worker id, ttl ms. Forgets workers silent for a day. */
const BEAT = `
local now = redis.call('TIME')
local ms = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
redis.call('ZADD', KEYS[1], ms, ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ms - 86400000)
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return ms
`;

/** KEYS[1] workers set · ARGV: max age ms. The number of workers that beat within it. */
const COUNT_FRESH = `
local now = redis.call('TIME')
local ms = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
return redis.call('ZCOUNT', KEYS[1], ms - tonumber(ARGV[1]), '+inf')
`;

export interface Heartbeat {
  stop(): Promise<void>;
}

/** Beats now and every `intervalSeconds`; stop() removes the worker from the set. */
export async function startHeartbeat(
  redis: RedisClient,
  keys: Keys,
  workerId: string,
  intervalSeconds: number,
  onError: (error: unknown) => void,
): Promise<Heartbeat> {
  const ttlMs = intervalSeconds * 3000;
  const beat = () => redis.eval(BEAT, 1, keys.workers, workerId, ttlMs);
  await beat();
  const timer = setInterval(() => beat().catch(onError), intervalSeconds * 1000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await redis.zrem(keys.workers, workerId).catch(onError);
    },
  };
}

export async function countFreshWorkers(redis: RedisClient, keys: Keys, maxAgeSeconds: number): Promise<number> {
  return (await redis.eval(COUNT_FRESH, 1, keys.workers, maxAgeSeconds * 1000)) as number;
}

export interface Readiness {
  redis: boolean;
  /** Workers with a fresh heartbeat. */
  workers: number;
}

/** `redis: false` when Redis (every primary of a cluster) does not answer, or the heartbeats cannot be read. */
export async function checkReadiness(redis: RedisClient, keys: Keys, maxAgeSeconds: number): Promise<Readiness> {
  if (!(await redisAnswersNow(redis))) return { redis: false, workers: 0 };
  try {
    return { redis: true, workers: await countFreshWorkers(redis, keys, maxAgeSeconds) };
  } catch {
    return { redis: false, workers: 0 };
  }
}
