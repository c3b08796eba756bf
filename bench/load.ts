// The load scenario of `npm run bench`: autocannon posts real-size, distinct articles to
// POST /articles for BENCH_LOAD_SECONDS (30) over BENCH_LOAD_CONNECTIONS (50) connections,
// against the API and BENCH_LOAD_WORKERS (2) worker processes as `npm run api` and
// `npm run worker` run them, on a private redis-server with its append-only file. It reports
// the accepted requests/s, their latency (p50, p99), the errors, and how long the workers take
// to drain the backlog afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { loadConfig, projectRoot } from '../src/config';
import { freePort, startRedisServer } from '../src/entrypoints/private-redis';
import { countFreshWorkers } from '../src/queue/heartbeat';
import { createAnalysisQueue } from '../src/queue/queue';
import { keysFor } from '../src/store/keys';
import { closeRedis, createRedis } from '../src/store/redis';
import { generatedArticle } from './articles';

export interface LoadOptions {
  seconds: number;
  connections: number;
  workers: number;
  /** Extra environment for the API and the workers (LOG_LEVEL, RATE_LIMIT ...). */
  env?: Record<string, string>;
}

export interface LoadResult {
  requestsPerSecond: number;
  accepted: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** Jobs still waiting when the load stopped. */
  backlog: number;
  drainSeconds: number;
  /** Articles analysed per second, from the first POST to the end of the drain. */
  analysedPerSecond: number;
  articleBytes: number;
  /** CPU spent per accepted article, ms, from the first POST to the end of the drain: the API process, the worker processes (their analysis threads included), Redis. */
  cpuPerArticle: { api: number; workers: number; redis: number };
}

const CLOCK_TICKS = 100; // Linux's USER_HZ: /proc/<pid>/stat counts CPU in 1/100 s

/** CPU seconds a process (all its threads) has used, from /proc (Linux). */
function processCpu(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS; // utime, stime
  } catch {
    return NaN;
  }
}

async function redisCpu(redis: ReturnType<typeof createRedis>): Promise<number> {
  const info = await redis.info('cpu');
  return Number(/used_cpu_sys:([\d.]+)/.exec(info)?.[1]) + Number(/used_cpu_user:([\d.]+)/.exec(info)?.[1]);
}

const ROOT = projectRoot();

function spawnNode(script: string, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [path.join(ROOT, script)], { env, stdio: ['ignore', 'ignore', 'inherit'] });
}

async function stop(children: ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map((child) =>
      child.exitCode !== null ? undefined : new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
    ),
  );
}

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Article bodies made distinct by a serial number, from a pool of generated news articles. */
function articleBodies(): { next: () => string; averageBytes: number } {
  const pool = Array.from({ length: 200 }, (_, i) => generatedArticle(5_000_000 + i));
  let serial = 0;
  const next = () => {
    const base = pool[serial % pool.length];
    serial++;
    return JSON.stringify({ title: `${base.title} (${serial})`, text: `Report ${serial}. ${base.text}`, publishedAt: '2020-03-01' });
  };
  const averageBytes = pool.reduce((sum, a) => sum + a.text.length, 0) / pool.length;
  return { next, averageBytes };
}

export async function loadScenario(options: LoadOptions): Promise<LoadResult> {
  const port = await freePort();
  const settings = {
    KEY_PREFIX: 'load',
    PORT: String(port),
    LOG_LEVEL: 'info',
    // A limit far above the load: the limiter's Redis round trip stays in the measure.
    RATE_LIMIT: '10000000',
    ...options.env,
  };
  // A bad setting stops here, before anything is started (the URL is the private Redis's below).
  loadConfig({ ...process.env, ...settings, REDIS_URL: 'redis://127.0.0.1:6379' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stance-load-'));
  const redisServer = await startRedisServer({ dir, appendOnly: true });
  const env = {
    ...process.env,
    REDIS_URL: redisServer.url,
    ...settings,
  };
  const config = loadConfig(env);
  const redis = createRedis(config.redisUrl);
  const queue = createAnalysisQueue(config, redis);
  const children: ChildProcess[] = [];
  try {
    children.push(spawnNode('dist/src/entrypoints/api.js', env));
    for (let i = 0; i < options.workers; i++) children.push(spawnNode('dist/workers/analysis-worker.js', env));
    const url = `http://127.0.0.1:${port}`;
    await until(async () => (await fetch(`${url}/health`).then((r) => r.ok, () => false)), 60_000, 'the API did not start');
    await until(async () => (await countFreshWorkers(redis, keysFor(config.keyPrefix), config.heartbeatMaxAgeSeconds)) >= options.workers, 60_000, 'the workers did not start');

    const bodies = articleBodies();
    const cpuBefore = { api: processCpu(children[0].pid), workers: children.slice(1).map((c) => processCpu(c.pid)), redis: await redisCpu(redis) };
    const started = performance.now();
    const result = await autocannon({
      url,
      connections: options.connections,
      duration: options.seconds,
      requests: [
        {
          method: 'POST',
          path: '/articles',
          headers: { 'content-type': 'application/json' },
          setupRequest: (request) => ({ ...request, body: bodies.next() }),
        },
      ],
    });
    const loadEnded = performance.now();
    const backlog = Object.values(await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized')).reduce((a, b) => a + b, 0);
    // Without workers (BENCH_LOAD_WORKERS=0: the API alone) nothing drains.
    if (options.workers > 0) await until(async () => {
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      return Object.values(counts).every((n) => n === 0);
    }, 3_600_000, 'the backlog did not drain');
    const drained = options.workers > 0 ? performance.now() : NaN;
    const accepted = result['2xx'];
    const perArticle = (seconds: number) => (seconds * 1000) / Math.max(1, accepted);
    const cpuPerArticle = {
      api: perArticle(processCpu(children[0].pid) - cpuBefore.api),
      workers: perArticle(children.slice(1).reduce((sum, c, i) => sum + processCpu(c.pid) - cpuBefore.workers[i], 0)),
      redis: perArticle((await redisCpu(redis)) - cpuBefore.redis),
    };
    return {
      requestsPerSecond: result.requests.average,
      accepted,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
      backlog,
      drainSeconds: (drained - loadEnded) / 1000,
      analysedPerSecond: accepted / ((drained - started) / 1000),
      articleBytes: bodies.averageBytes,
      cpuPerArticle,
    };
  } finally {
    await stop(children);
    await queue.close();
    await closeRedis(redis);
    await redisServer.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
