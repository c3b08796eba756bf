// `npm run build && node dist/bench/flood.js`: what the bodies built to flood the store
// (bench/flood-articles.ts) cost once stored: Redis bytes (the article's hash and everything it
// added), the record script's time in Redis, GET /articles/:id (default and ?include=all) and
// the unfiltered summary, against a private redis-server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyze } from '../src/analysis';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/entrypoints/logger';
import { startRedisServer } from '../src/entrypoints/private-redis';
import { startApi } from '../src/entrypoints/start-api';
import { loadModels } from '../src/models';
import { articleIdFor, jobIdFor } from '../src/store/article-id';
import { createRedis } from '../src/store/redis';
import { endlessSentence, pairFlood, quoteFlood } from './flood-articles';

const BODIES: [string, string][] = [
  ['quote flood', quoteFlood()],
  ['pair flood', pairFlood()],
  ['endless sentence', endlessSentence()],
];

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stance-flood-'));
  const server = await startRedisServer({ dir, appendOnly: false });
  const models = loadModels();
  const api = await startApi(loadConfig({ REDIS_URL: server.url, KEY_PREFIX: 'flood', PORT: '0', LOG_LEVEL: 'silent' }), createLogger({ logLevel: 'silent' }));
  const redis = createRedis(server.url);
  try {
    await redis.config('SET', 'slowlog-log-slower-than', '0');
    for (const [name, text] of BODIES) {
      await redis.flushall();
      await redis.slowlog('RESET');
      const before = await usedMemory(redis);
      const id = articleIdFor({ text });
      await api.store.register([{ id, jobId: jobIdFor(id), article: { text } }]);
      const article = await api.store.get(id, ['text']);
      if (!article) throw new Error('not registered');
      const analysis = analyze({ text, title: article.title }, models);
      await api.store.recordAnalysis(article, analysis);
      const recordMs = await scriptMs(redis);
      const articleBytes = Number(await redis.memory('USAGE', api.store.keys.article(id), 'SAMPLES', '0'));
      const allBytes = (await usedMemory(redis)) - before;
      const getDefault = await timedGet(`${api.url}/articles/${id}`);
      const getAll = await timedGet(`${api.url}/articles/${id}?include=all`);
      const summary = await timedGet(`${api.url}/stance/summary`);
      console.log(
        `${name} (${(text.length / 1000).toFixed(0)} KB): ${analysis.quotes.length} quotes, ${analysis.stances.length} pairs, ` +
          `${analysis.actors.length} actors · article hash ${mb(articleBytes)}, all its keys ${mb(allBytes)} · ` +
          `record script ${recordMs.toFixed(1)} ms · GET default ${mb(getDefault.bytes)} in ${getDefault.ms} ms, ` +
          `include=all ${mb(getAll.bytes)} in ${getAll.ms} ms · summary ${summary.ms} ms`,
      );
    }
  } finally {
    await redis.quit();
    await api.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function usedMemory(redis: ReturnType<typeof createRedis>): Promise<number> {
  return Number(/used_memory:(\d+)/.exec(await redis.info('memory'))?.[1]);
}

/** The longest script run in the slow log (every command is logged): the record script's. */
async function scriptMs(redis: ReturnType<typeof createRedis>): Promise<number> {
  const entries = (await redis.slowlog('GET', '1000')) as [number, number, number, string[]][];
  const scripts = entries.filter((e) => /^(EVALSHA|EVAL)$/i.test(e[3][0]));
  return Math.max(...scripts.map((e) => e[2])) / 1000;
}

/** The fastest of five reads, and its size. */
async function timedGet(url: string): Promise<{ ms: number; bytes: number }> {
  let best = { ms: Infinity, bytes: 0 };
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const body = await (await fetch(url)).text();
    const ms = Math.round(performance.now() - started);
    if (ms < best.ms) best = { ms, bytes: Buffer.byteLength(body) };
  }
  return best;
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
