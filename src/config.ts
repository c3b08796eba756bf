// The service's configuration: read from environment variables once at start-up, validated
// with zod, with one clear line per bad value. Every entry point calls loadConfig() and hands
// the result down; nothing else reads process.env.
import fs from 'node:fs';
import path from 'node:path';
import bytes from 'bytes';
import { z } from 'zod';

const NAME = /^[A-Za-z0-9_-]{1,40}$/;
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

const byteSize = z
  .string()
  .refine((value) => { const n = bytes.parse(value); return n !== null && n > 0; }, {
    error: 'must be a size such as 1mb, 512kb or 1048576',
  })
  .transform((value) => bytes.parse(value) as number);

const envSchema = z.object({
  REDIS_URL: redisUrl.default('redis://127.0.0.1:6379'),
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
  HEARTBEAT_SECONDS: integer(1, 3600).default(5),
  SHUTDOWN_TIMEOUT_MS: integer(100, 600_000).default(10_000),
  PRIVATE_REDIS: z.enum(['auto', 'never'], { error: 'must be auto or never' }).default('auto'),
  DATA_DIR: z.string().min(1).default('data'),
  ACTORS_FILE: z.string().min(1).optional(),
  MODELS_DIR: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  redisUrl: string;
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
  worker: { concurrency: number; heartbeatSeconds: number };
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
        return `${name}=${JSON.stringify(env[name])}: ${issue.message}`;
      }),
    );
  }
  const e = parsed.data;
  return {
    redisUrl: e.REDIS_URL,
    http: { host: e.HOST, port: e.PORT, bodyLimitBytes: e.BODY_LIMIT, batchMaxArticles: e.BATCH_MAX_ARTICLES },
    keyPrefix: e.KEY_PREFIX,
    queue: {
      name: e.QUEUE_NAME,
      attempts: e.JOB_ATTEMPTS,
      backoffMs: e.JOB_BACKOFF_MS,
      keepCompleted: e.KEEP_COMPLETED_JOBS,
      keepFailed: e.KEEP_FAILED_JOBS,
    },
    worker: { concurrency: e.WORKER_CONCURRENCY, heartbeatSeconds: e.HEARTBEAT_SECONDS },
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
