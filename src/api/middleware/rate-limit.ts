// Rate limiting per API key (or per client address, for requests without a valid key), with the
// counts in Redis so the limit holds across API replicas. Over the limit: 429 with Retry-After.
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { RequestHandler } from 'express';
import { RedisStore, type RedisReply, type SendCommandClusterDetails } from 'rate-limit-redis';
import { isCluster, primaries, type RedisClient } from '../../store/redis';
import { HttpError } from '../errors';
import type { Logger } from 'pino';
import type { ApiKeys } from './auth';

/**
 * rate-limit-redis keeps the SHA of its Lua script in a promise made at start-up; when Redis was
 * away then, that promise stays rejected and every later count fails. This store loads the
 * script again after any failure, so the limiter recovers with Redis.
 */
class RecoveringRedisStore extends RedisStore {
  override async increment(key: string) {
    try {
      return await super.increment(key);
    } catch (error) {
      this.incrementScriptSha = this.loadIncrementScript();
      this.incrementScriptSha.catch(() => undefined); // the next call reports it, if it persists
      throw error;
    }
  }
}

export interface RateLimitOptions {
  redis: RedisClient;
  /** Prefix of the counters' keys (keys.rateLimit). */
  keyPrefix: string;
  keys: ApiKeys;
  /** Requests per window; 0 turns limiting off. */
  limit: number;
  windowMs: number;
  logger: Logger;
}

/**
 * The store's commands: EVALSHA of its scripts on one counter's key, and SCRIPT LOAD. On one
 * Redis both simply go to it. In a cluster an EVALSHA goes to its key's primary, while a SCRIPT
 * LOAD (no key) would reach one node picked at random: it is sent to every primary connected,
 * so the script is there wherever a counter lives. A primary away gets it when it is back: its
 * first EVALSHA answers NOSCRIPT, and the store loads the script again (as after a restart).
 */
async function sendCommand(redis: RedisClient, { command }: SendCommandClusterDetails): Promise<RedisReply> {
  const [name, ...args] = command;
  if (isCluster(redis) && name.toUpperCase() === 'SCRIPT') {
    const nodes = primaries(redis).filter((node) => !['reconnecting', 'close', 'end'].includes(node.status));
    if (nodes.length === 0) throw new Error('Connection is closed: no primary of the cluster is connected');
    const replies = await Promise.all(nodes.map((node) => node.call(name, ...args)));
    return replies[0] as RedisReply;
  }
  return redis.call(name, ...args) as Promise<RedisReply>;
}

export function rateLimiter(options: RateLimitOptions): RequestHandler {
  const { redis, keys } = options;
  if (options.limit === 0) return (_req, _res, next) => next();
  return rateLimit({
    windowMs: options.windowMs,
    limit: options.limit,
    standardHeaders: 'draft-6',
    legacyHeaders: false,
    // A valid key is its own bucket, wherever it comes from; anything else counts per address
    // (IPv6 per /56 network), so guessing keys is limited as well.
    keyGenerator: (req) => {
      const key = keys.identify(req);
      return key ? `key:${key}` : `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`;
    },
    // Redis unreachable: let the request through. Whatever needs Redis answers 503 anyway, and
    // /ready and /metrics can still say what is wrong.
    passOnStoreError: true,
    // Debug only: while Redis is away every request would log it, and the API logs the outage once.
    logger: {
      error: (error, message) => options.logger.debug({ err: error instanceof Error ? error.message : error }, message ?? 'rate limiter'),
      warn: (error, message) => options.logger.warn({ err: error instanceof Error ? error.message : error }, message ?? 'rate limiter'),
    },
    store: new RecoveringRedisStore({ prefix: options.keyPrefix, sendCommandCluster: (details) => sendCommand(redis, details) }),
    handler: (_req, res, next) => {
      const window = Math.ceil(options.windowMs / 1000);
      const retryAfter = String(res.getHeader('Retry-After') ?? window);
      next(new HttpError(429, 'rate_limited', `Too many requests: at most ${options.limit} per ${window} s; retry in ${retryAfter} s`));
    },
  });
}
