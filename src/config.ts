// The service's configuration: read from environment variables once at start-up, validated
// with zod, with one clear line per bad value. Every entry point calls loadConfig() and hands
// the result down; nothing else reads process.env.
import fs from 'node:fs';
import path from 'node:path';
import bytes from 'bytes';
import { z } from 'zod';
import { DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_MS } from './analysis-pool/pool';

const NAME = /^[A-Za-z0-9_-]{1,40}$/;
/** What an Authorization: Bearer token may hold (RFC 6750's token68 characters). */
const API_KEY = /^[A-Za-z0-9\-._~+/=]+$/;
/** Variables whose values never appear in messages. */
const SECRETS = new Set(['API_KEYS', 'ADMIN_API_KEYS']);
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const integer = (min: number, max: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

const redisUrl = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'redis:' || url.protocol === 'rediss:') && url.hostname !== '';
    } catch {
      return false;
    }
  },
  { error: 'must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379' },
);

/** A Redis Cluster node: `host:port` (an IPv6 address in brackets: `[::1]:7000`). */
export interface RedisNode {
  host: string;
  port: number;
}

const NODE = /^(?:\[([0-9A-Fa-f:.]+)\]|([A-Za-z0-9._-]+)):(\d{1,5})$/;

/** REDIS_CLUSTER_NODES: `host:port,host:port,…`, each checked, the first bad one named. */
const clusterNodes = z.string().transform((value, ctx) => {
  const items = value.split(',').map((item) => item.trim());
  const nodes: RedisNode[] = [];
  for (const item of items) {
    const match = NODE.exec(item);
    const port = match ? Number(match[3]) : NaN;
    if (!match || port < 1 || port > 65535) {
      ctx.addIssue({
        code: 'custom',
        message: `${item === '' ? 'an empty entry' : JSON.stringify(item)} is not host:port (port 1-65535); ` +
          'give the cluster\'s nodes as host:port,host:port,…, e.g. 10.0.0.1:7000,10.0.0.2:7000',
      });
      return z.NEVER;
    }
    nodes.push({ host: match[1] ?? match[2], port });
  }
  return nodes;
});

/** A comma-separated list: "a, b,c" → ["a", "b", "c"]; empty items are dropped. */
const list = z.string().transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean));

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
}

const keyList = list
  .refine((keys) => keys.every((key) => key.length >= 16), { error: 'each key must be at least 16 characters' })
  .refine((keys) => keys.every((key) => API_KEY.test(key)), { error: 'keys may hold letters, digits and -._~+/= only' });

const byteSize = z
  .string()
  .refine((value) => { const n = bytes.parse(value); return n !== null && n > 0; }, {
    error: 'must be a size such as 1mb, 512kb or 1048576',
  })
  .transform((value) => bytes.parse(value) as number);

const envSchema = z.object({
  REDIS_URL: redisUrl.default('redis://127.0.0.1:6379'),
  REDIS_CLUSTER_NODES: clusterNodes.optional(),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: integer(0, 65535).default(8080),
  KEY_PREFIX: z.string().regex(NAME, 'must be 1-40 letters, digits, _ or -').default('stance'),
  QUEUE_NAME: z.string().regex(NAME, 'must be 1-40 letters, digits, _ or -').default('articles'),
  BODY_LIMIT: byteSize.default(1024 * 1024),
  BATCH_MAX_ARTICLES: integer(1, 10_000).default(1000),
  WORKER_CONCURRENCY: integer(1, 64).default(2),
  JOB_ATTEMPTS: integer(1, 50).default(3),
  JOB_BACKOFF_MS: integer(0, 3_600_000).default(1000),
  KEEP_COMPLETED_JOBS: integer(0, 1_000_000).default(1000),
  KEEP_FAILED_JOBS: integer(0, 1_000_000).default(10_000),
  JOB_LOCK_MS: integer(1000, 3_600_000).default(30_000),
  JOB_STALLED_INTERVAL_MS: integer(500, 3_600_000).default(30_000),
  JOB_MAX_STALLED: integer(0, 100).default(1),
  HEARTBEAT_SECONDS: integer(1, 3600).default(5),
  ANALYSIS_TIMEOUT_MS: integer(100, 3_600_000).default(DEFAULT_TIMEOUT_MS),
  ANALYSIS_MEMORY_MB: integer(128, 65_536).default(DEFAULT_MEMORY_MB),
  ARTICLE_RETENTION_DAYS: integer(0, 36_500).default(0),
  SHUTDOWN_TIMEOUT_MS: integer(100, 600_000).default(10_000),
  PRIVATE_REDIS: z.enum(['auto', 'never'], { error: 'must be auto or never' }).default('auto'),
  DATA_DIR: z.string().min(1).default('data'),
  ACTORS_FILE: z.string().min(1).optional(),
  MODELS_DIR: z.string().min(1).optional(),
  API_KEYS: keyList.optional(),
  ADMIN_API_KEYS: keyList.optional(),
  RATE_LIMIT: integer(0, 10_000_000).default(6000),
  RATE_LIMIT_WINDOW_SECONDS: integer(1, 86_400).default(60),
  CORS_ORIGINS: list
    .refine((origins) => origins.every((o) => o === '*' || isOrigin(o)), {
      error: 'must be * or comma-separated origins such as https://example.org',
    })
    .optional(),
  TRUST_PROXY: integer(0, 10).default(0),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  /** The Redis to use; with `redisClusterNodes`, only its user, password and rediss:// (TLS) count. */
  redisUrl: string;
  /** Redis Cluster's nodes (REDIS_CLUSTER_NODES), any of them: the client finds the rest. Unset: one Redis at redisUrl. */
  redisClusterNodes?: RedisNode[];
  http: { host: string; port: number; bodyLimitBytes: number; batchMaxArticles: number };
  /** One prefix for every Redis key the service writes, BullMQ's included. */
  keyPrefix: string;
  queue: {
    name: string;
    attempts: number;
    backoffMs: number;
    keepCompleted: number;
    keepFailed: number;
  };
  worker: {
    /** Jobs one worker process runs at once: as many analysis threads. */
    concurrency: number;
    heartbeatSeconds: number;
    /** How long a job's lock lasts; a worker renews it while it works (BullMQ lockDuration). */
    lockMs: number;
    /** How often workers look for jobs whose lock expired (a dead worker's) and put them back. */
    stalledIntervalMs: number;
    /** How often a job may be found stalled before it fails. */
    maxStalled: number;
  };
  security: {
    /** Keys accepted in `Authorization: Bearer`; empty (and no admin keys): no authentication. */
    apiKeys: string[];
    /** Keys that also open the queue dashboard; they are API keys as well. */
    adminApiKeys: string[];
    /** Requests per window per API key (or per client address without one); 0: no limit. */
    rateLimit: number;
    rateLimitWindowMs: number;
    /** Origins allowed to call the API from a browser (CORS); empty: none. */
    corsOrigins: string[];
    /** Proxies in front of the API whose X-Forwarded-For is believed (express's trust proxy). */
    trustProxy: number;
  };
  analysis: {
    /** Longest time one article's analysis may take; past it the article fails for good. */
    timeoutMs: number;
    /** Heap limit of each analysis thread (MB); an article past it fails for good. */
    memoryMb: number;
  };
  /**
   * Days an article's text and analysis are kept after it arrived; then they are let go, while
   * its record (metadata, status, counts), its part of the summary and the evidence the pairs
   * kept stay. 0: kept for ever.
   */
  retentionDays: number;
  /** A worker whose last heartbeat is older than this is not counted by /ready. */
  heartbeatMaxAgeSeconds: number;
  shutdownTimeoutMs: number;
  privateRedis: 'auto' | 'never';
  dataDir: string;
  models: { actorsFile?: string; modelsDir?: string };
  logLevel: (typeof LOG_LEVELS)[number];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration; throws a ConfigError listing every bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set": `PORT= npm start` keeps the default.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0]);
        const shown = SECRETS.has(name) ? '(value hidden)' : JSON.stringify(env[name]);
        return `${name}=${shown}: ${issue.message}`;
      }),
    );
  }
  const e = parsed.data;
  // Redis Cluster has database 0 alone: a URL naming another cannot be meant for it.
  const url = new URL(e.REDIS_URL);
  const database = url.pathname.replace(/^\//, '');
  if (e.REDIS_CLUSTER_NODES && database !== '' && database !== '0') {
    if (url.password) url.password = '***';
    throw new ConfigError([
      `REDIS_URL=${JSON.stringify(url.toString())}: names database ${database}, but Redis Cluster (REDIS_CLUSTER_NODES is set) has database 0 only; ` +
        'with REDIS_CLUSTER_NODES, REDIS_URL gives only the user, the password and rediss:// (TLS)',
    ]);
  }
  return {
    redisUrl: e.REDIS_URL,
    ...(e.REDIS_CLUSTER_NODES && { redisClusterNodes: e.REDIS_CLUSTER_NODES }),
    http: { host: e.HOST, port: e.PORT, bodyLimitBytes: e.BODY_LIMIT, batchMaxArticles: e.BATCH_MAX_ARTICLES },
    keyPrefix: e.KEY_PREFIX,
    queue: {
      name: e.QUEUE_NAME,
      attempts: e.JOB_ATTEMPTS,
      backoffMs: e.JOB_BACKOFF_MS,
      keepCompleted: e.KEEP_COMPLETED_JOBS,
      keepFailed: e.KEEP_FAILED_JOBS,
    },
    worker: {
      concurrency: e.WORKER_CONCURRENCY,
      heartbeatSeconds: e.HEARTBEAT_SECONDS,
      lockMs: e.JOB_LOCK_MS,
      stalledIntervalMs: e.JOB_STALLED_INTERVAL_MS,
      maxStalled: e.JOB_MAX_STALLED,
    },
    security: {
      apiKeys: e.API_KEYS ?? [],
      adminApiKeys: e.ADMIN_API_KEYS ?? [],
      rateLimit: e.RATE_LIMIT,
      rateLimitWindowMs: e.RATE_LIMIT_WINDOW_SECONDS * 1000,
      corsOrigins: e.CORS_ORIGINS ?? [],
      trustProxy: e.TRUST_PROXY,
    },
    analysis: { timeoutMs: e.ANALYSIS_TIMEOUT_MS, memoryMb: e.ANALYSIS_MEMORY_MB },
    retentionDays: e.ARTICLE_RETENTION_DAYS,
    heartbeatMaxAgeSeconds: 3 * e.HEARTBEAT_SECONDS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    privateRedis: e.PRIVATE_REDIS,
    dataDir: path.resolve(projectRoot(), e.DATA_DIR),
    models: { actorsFile: e.ACTORS_FILE, modelsDir: e.MODELS_DIR },
    logLevel: e.LOG_LEVEL,
  };
}

/** The folder holding package.json: the same from src/ (ts-jest) and from dist/src/ (node). */
export function projectRoot(from: string = __dirname): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${from}`);
    dir = parent;
  }
  return dir;
}
