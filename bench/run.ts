// `npm run bench`: how fast the analysis and the service are on this machine.
//   1. analyze() in-process, articles/s, on the example article and generated news articles
//   2. wink-nlp readDoc alone on the same texts (the floor every analysis pays), and what a job
//      pays for running the analysis on a worker thread of the pool
//   3. the whole path, HTTP → queue → worker process(es) → Redis, against a private
//      redis-server: articles/s for a burst, and POST-to-result p50/p99 at a steady pace
//   4. load: autocannon on POST /articles against the API and two worker processes (bench/load.ts)
//   5. store: Redis memory and keys per article (bench/footprint.ts)
//   6. summary: GET /stance/summary and /stance/timeline latency at 10k, 100k and 1M pairs (bench/summary-scale.ts)
// Sections: `npm run bench -- analyze service load store summary` (all when none is named).
// Settings (environment): BENCH_SECONDS (the in-process comparisons, default 20, half each), BENCH_ARTICLES
// (burst size, default 400), BENCH_WORKERS (worker process counts, default "1,2"),
// BENCH_LOAD_SECONDS (30), BENCH_LOAD_CONNECTIONS (50), BENCH_LOAD_WORKERS (2), BENCH_SUMMARY_PAIRS
// ("10000,100000,1000000").
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { QueueEvents } from 'bullmq';
import { analyze } from '../src/analysis';
import { AnalysisPool, DEFAULT_MEMORY_MB } from '../src/analysis-pool/pool';
import { loadConfig, projectRoot, type Config } from '../src/config';
import { createLogger } from '../src/entrypoints/logger';
import { startRedisServer } from '../src/entrypoints/private-redis';
import { startApi, type RunningApi } from '../src/entrypoints/start-api';
import { loadModels, type Models } from '../src/models';
import { loadFullNlp } from '../src/models/nlp';
import { countFreshWorkers } from '../src/queue/heartbeat';
import { keysFor } from '../src/store/keys';
import { createRedis } from '../src/store/redis';
import { generatedArticle } from './articles';
import { storeFootprint } from './footprint';
import { summaryAtScale } from './summary-scale';
import { loadScenario } from './load';
import { loadTimes, passCosts } from './passes';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const BURST = Number(process.env.BENCH_ARTICLES ?? 400);
const WORKER_COUNTS = (process.env.BENCH_WORKERS ?? '1,2').split(',').map(Number);
const LOAD = {
  seconds: Number(process.env.BENCH_LOAD_SECONDS ?? 30),
  connections: Number(process.env.BENCH_LOAD_CONNECTIONS ?? 50),
  workers: Number(process.env.BENCH_LOAD_WORKERS ?? 2),
};
const SECTIONS = process.argv.slice(2).length ? process.argv.slice(2) : ['analyze', 'service', 'load', 'store', 'summary'];
const EXAMPLE = path.resolve(projectRoot(), '../shared/examples/assad-visits-iran.txt');

interface Text {
  title?: string;
  text: string;
  publishedAt?: string;
}

/** Real news when the evaluation data sits beside the project: timed only, never copied. */
const NEWS = path.resolve(projectRoot(), '../shared/eval/data/quotes-dev.jsonl');
const NEWS_ARTICLES = 300;

function newsTexts(): Text[] {
  if (!fs.existsSync(NEWS)) return [];
  const lines = fs.readFileSync(NEWS, 'utf8').split('\n').filter(Boolean).slice(0, NEWS_ARTICLES);
  return lines.map((line) => {
    const { text, publishedAt } = JSON.parse(line) as Text;
    return { text, publishedAt };
  });
}

function benchTexts(): Text[] {
  const texts: Text[] = Array.from({ length: 49 }, (_, i) => generatedArticle(i + 1));
  if (fs.existsSync(EXAMPLE)) texts.unshift({ text: fs.readFileSync(EXAMPLE, 'utf8'), publishedAt: '2019-02-25' });
  return texts;
}

/**
 * Rounds of every text through each of `works` in turn, for about `seconds` in all; per round,
 * each work's articles per second.
 */
function alternatingRounds(texts: Text[], seconds: number, works: ((t: Text) => void)[]): number[][] {
  for (const work of works) for (const t of texts.slice(0, 5)) work(t); // warm-up
  const rounds: number[][] = [];
  const start = process.hrtime.bigint();
  const budget = BigInt(Math.round(seconds * 1e9));
  while (rounds.length < 3 || process.hrtime.bigint() - start < budget) {
    rounds.push(works.map((work) => {
      const from = process.hrtime.bigint();
      for (const t of texts) work(t);
      return texts.length / (Number(process.hrtime.bigint() - from) / 1e9);
    }));
  }
  return rounds;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function inProcess(models: Models, texts: Text[], about: string, withPasses: boolean): Promise<void> {
  const kb = texts.reduce((sum, t) => sum + t.text.length, 0) / texts.length / 1024;
  console.log(`\nIn-process, one core, ${texts.length} texts (${about}), mean ${kb.toFixed(1)} KB`);
  // wink-nlp as it comes (every pipe), not the leaner engine the analysis loads.
  const wink = loadFullNlp().engine;
  // Rounds that alternate the two, each over every text: a slow spell of a shared machine (GC,
  // a neighbour) then falls on both alike, and the median round is the figure.
  const rounds = alternatingRounds(texts, SECONDS / 2, [(t) => analyze(t, models), (t) => wink.readDoc(t.text)]).map(([analysed, read]) => ({ analysed, read, ratio: analysed / read }));
  rounds.sort((a, b) => a.ratio - b.ratio);
  const median = rounds[Math.floor(rounds.length / 2)];
  const pct = (r: number) => `${(r * 100).toFixed(0)}%`;
  console.log(`  analyze()               ${median.analysed.toFixed(0).padStart(6)} articles/s`);
  console.log(`  wink readDoc alone      ${median.read.toFixed(0).padStart(6)} articles/s`);
  console.log(
    `  analyze() is ${pct(median.ratio)} of readDoc's speed (median of ${rounds.length} rounds, each all texts through both; ` +
      `middle half of the rounds ${pct(rounds[Math.floor(rounds.length / 4)].ratio)}–${pct(rounds[Math.floor((3 * rounds.length) / 4)].ratio)})`,
  );
  if (!withPasses) return;
  console.log('  per pass, ms per article:');
  for (const [pass, cost] of Object.entries(passCosts(models, texts))) console.log(`    ${pass.padEnd(46)} ${cost.toFixed(2)}`);
}

/**
 * What running analyze() on a thread of the pool (as the workers and the CLI do) costs per
 * article: one thread, articles one after another, against analyze() in this process, in
 * alternating rounds; and how long the calling thread is busy per article (posting the article,
 * reading the JSON answer), from its event loop's utilisation.
 */
async function threadCost(models: Models, texts: Text[]): Promise<void> {
  const pool = await AnalysisPool.start({ threads: 1, timeoutMs: 60_000, memoryMb: DEFAULT_MEMORY_MB });
  try {
    for (const t of texts.slice(0, 5)) {
      analyze(t, models);
      await pool.analyse(t);
    }
    const rounds: { inProcess: number; onThread: number; callerBusy: number }[] = [];
    const deadline = Date.now() + (SECONDS / 2) * 1000;
    while (rounds.length < 3 || Date.now() < deadline) {
      let from = process.hrtime.bigint();
      for (const t of texts) analyze(t, models);
      const inProcess = Number(process.hrtime.bigint() - from) / 1e6 / texts.length;
      const loop = performance.eventLoopUtilization();
      from = process.hrtime.bigint();
      for (const t of texts) await pool.analyse(t);
      const onThread = Number(process.hrtime.bigint() - from) / 1e6 / texts.length;
      const callerBusy = performance.eventLoopUtilization(loop).active / texts.length;
      rounds.push({ inProcess, onThread, callerBusy });
    }
    const median = (pick: (r: (typeof rounds)[number]) => number) => rounds.map(pick).sort((a, b) => a - b)[Math.floor(rounds.length / 2)];
    const cost = median((r) => r.onThread - r.inProcess);
    console.log(`  on a worker thread of the pool (as the workers run it), ms per article, median of ${rounds.length} rounds:`);
    console.log(`    analyze() in this process                    ${median((r) => r.inProcess).toFixed(2)}`);
    console.log(`    pool.analyse(), one thread, one at a time    ${median((r) => r.onThread).toFixed(2)}  (+${cost.toFixed(2)} per job: the message, JSON.stringify on the thread, JSON.parse here)`);
    console.log(`    the caller's event loop busy                 ${median((r) => r.callerBusy).toFixed(2)}  (the rest of the time it is free)`);
  } finally {
    await pool.close();
  }
}

/** Starts `count` worker processes (the built `npm run worker`) and waits for their heartbeats. */
async function startWorkers(config: Config, env: NodeJS.ProcessEnv, count: number): Promise<ChildProcess[]> {
  const script = path.join(projectRoot(), 'dist/workers/analysis-worker.js');
  const children = Array.from({ length: count }, () => spawn(process.execPath, [script], { env, stdio: ['ignore', 'ignore', 'inherit'] }));
  const redis = createRedis(config.redisUrl);
  try {
    const deadline = Date.now() + 60_000;
    while ((await countFreshWorkers(redis, keysFor(config.keyPrefix), config.heartbeatMaxAgeSeconds)) < count) {
      if (Date.now() > deadline) throw new Error('workers did not start within 60 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await redis.quit();
  }
  return children;
}

async function stopWorkers(children: ChildProcess[]): Promise<void> {
  await Promise.all(children.map((child) => new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  })));
}

/** Job completions as the queue's events report them, matched to whoever waits for them. */
class Completions {
  private readonly finished = new Map<string, number | Error>();
  private readonly waiting = new Map<string, { resolve: (at: number) => void; reject: (e: Error) => void }>();

  settle(jobId: string, outcome: number | Error): void {
    const waiter = this.waiting.get(jobId);
    if (!waiter) return void this.finished.set(jobId, outcome);
    this.waiting.delete(jobId);
    if (outcome instanceof Error) waiter.reject(outcome);
    else waiter.resolve(outcome);
  }

  /** When the job completed (performance.now()), even if that was before the call. */
  wait(jobId: string): Promise<number> {
    const outcome = this.finished.get(jobId);
    if (outcome instanceof Error) return Promise.reject(outcome);
    if (outcome !== undefined) return Promise.resolve(outcome);
    return new Promise((resolve, reject) => this.waiting.set(jobId, { resolve, reject }));
  }
}

/** Keep-alive connections for the benchmark's clients (node:http: lighter than fetch). */
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

/** POSTs an article; resolves once it is accepted, with its job id and when it was sent. */
function post(api: RunningApi, article: Text): Promise<{ jobId: string; sent: number }> {
  const body = JSON.stringify(article);
  const sent = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.request(`${api.url}/articles`, {
      method: 'POST',
      agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    request.on('error', reject);
    request.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => {
        const reply = JSON.parse(text) as { jobId?: string };
        if (response.statusCode !== 202 || !reply.jobId) reject(new Error(`POST /articles answered ${response.statusCode}: ${text}`));
        else resolve({ jobId: reply.jobId, sent });
      });
    });
    request.end(body);
  });
}

/** ms from sending the POST to the job's completion. */
async function postToResult(api: RunningApi, completions: Completions, article: Text): Promise<number> {
  const { jobId, sent } = await post(api, article);
  return (await completions.wait(jobId)) - sent;
}

async function endToEnd(redisUrl: string, workers: number, seedBase: number): Promise<void> {
  const env = { ...process.env, REDIS_URL: redisUrl, KEY_PREFIX: `bench${workers}`, LOG_LEVEL: 'warn', PORT: '0', WORKER_CONCURRENCY: '2' };
  const config = loadConfig(env);
  const children = await startWorkers(config, env, workers);
  const api = await startApi(config, createLogger({ logLevel: 'warn' }));
  const events = new QueueEvents(config.queue.name, { connection: { url: redisUrl }, prefix: keysFor(config.keyPrefix).queuePrefix });
  await events.waitUntilReady();
  const completions = new Completions();
  events.on('completed', ({ jobId }) => completions.settle(jobId, performance.now()));
  events.on('failed', ({ jobId, failedReason }) => completions.settle(jobId, new Error(`job ${jobId} failed: ${failedReason}`)));
  try {
    // A burst: everything posted at once (8 connections), then wait for the queue to drain.
    let next = 0;
    const burstStart = performance.now();
    const analysed: Promise<number>[] = [];
    const poster = async () => {
      while (next < BURST) {
        const { jobId } = await post(api, generatedArticle(seedBase + next++));
        analysed.push(completions.wait(jobId));
      }
    };
    await Promise.all(Array.from({ length: 8 }, poster));
    const accepted = BURST / ((performance.now() - burstStart) / 1000);
    await Promise.all(analysed);
    const burstSeconds = (performance.now() - burstStart) / 1000;

    // Steady: two clients, each posting its next article when the previous one is analysed.
    const steady: number[] = [];
    const client = async (offset: number) => {
      for (let i = 0; i < 50; i++) steady.push(await postToResult(api, completions, generatedArticle(seedBase + BURST + offset + 2 * i)));
    };
    await Promise.all([client(0), client(1)]);
    steady.sort((a, b) => a - b);
    console.log(
      `  ${workers} worker process${workers > 1 ? 'es' : '  '}  burst of ${BURST}: ${(BURST / burstSeconds).toFixed(0).padStart(4)} articles/s analysed ` +
        `(POSTs accepted at ${accepted.toFixed(0)}/s);  steady, 2 clients: POST→result p50 ${percentile(steady, 50).toFixed(0)} ms, ` +
        `p99 ${percentile(steady, 99).toFixed(0)} ms`,
    );
  } finally {
    await events.close();
    await api.close();
    await stopWorkers(children);
  }
}

async function load(): Promise<void> {
  console.log(
    `\nLoad: autocannon, POST /articles, ${LOAD.connections} connections for ${LOAD.seconds} s, distinct generated articles; ` +
      `API process + ${LOAD.workers} worker processes (npm run api / npm run worker), private redis-server with AOF`,
  );
  const r = await loadScenario(LOAD);
  console.log(`  article text              ${(r.articleBytes / 1024).toFixed(1)} KB on average`);
  console.log(`  accepted                  ${r.requestsPerSecond.toFixed(0)} requests/s (${r.accepted} in all), p50 ${r.p50} ms, p99 ${r.p99} ms`);
  console.log(`  errors                    ${r.errors} connection errors or timeouts, ${r.non2xx} answers other than 2xx`);
  if (LOAD.workers === 0) return;
  console.log(
    `  backlog drained           ${r.backlog} jobs in ${r.drainSeconds.toFixed(1)} s after the load stopped ` +
      `(${(r.backlog / r.drainSeconds).toFixed(0)} articles/s with the machine to the workers)`,
  );
  console.log(`  analysed end to end       ${r.analysedPerSecond.toFixed(0)} articles/s (first POST to empty queue)`);
  const { api, workers, redis } = r.cpuPerArticle;
  console.log(`  CPU per article           API ${api.toFixed(2)} ms, workers ${workers.toFixed(2)} ms (analysis threads included), Redis ${redis.toFixed(2)} ms`);
  console.log(
    `  so one core of each keeps up with: API ${(1000 / api).toFixed(0)} POSTs/s, workers ${(1000 / workers).toFixed(0)} articles/s, ` +
      `Redis ${(1000 / redis).toFixed(0)} articles/s (Redis runs commands on one core: the ceiling of one primary)`,
  );
}

async function main(): Promise<void> {
  console.log(`stance benchmark: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);
  let models: Models | undefined;
  if (SECTIONS.includes('analyze') || SECTIONS.includes('service') || SECTIONS.includes('store')) {
    const started = Date.now();
    models = loadModels();
    console.log(`models loaded in ${Date.now() - started} ms (cold start of the process, all models)`);
    if (SECTIONS.includes('analyze')) {
      for (const [model, cost] of Object.entries(loadTimes())) console.log(`  ${model.padEnd(34)} ${cost.toFixed(0)} ms (warm reload)`);
      await inProcess(models, benchTexts(), 'example article + generated news', true);
      await threadCost(models, benchTexts());
      const news = newsTexts();
      if (news.length) await inProcess(models, news, `PolNeAR dev news articles, read from ${path.relative(projectRoot(), NEWS)}`, false);
    }
  }
  if (SECTIONS.includes('service')) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stance-bench-'));
    const redis = await startRedisServer({ dir, appendOnly: true });
    console.log(`\nHTTP → queue → worker → Redis (private redis-server with AOF, API in this process, WORKER_CONCURRENCY=2)`);
    try {
      for (const [i, workers] of WORKER_COUNTS.entries()) await endToEnd(redis.url, workers, 1_000_000 * (i + 1));
    } finally {
      await redis.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  if (SECTIONS.includes('load')) await load();
  if (SECTIONS.includes('store') && models) await storeFootprint(models, newsTexts());
  if (SECTIONS.includes('summary')) await summaryAtScale();
}

main()
  .then(() => agent.destroy())
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
