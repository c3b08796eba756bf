// `npm run bench -- summary`: GET /stance/summary and /stance/timeline latency as the store
// grows to BENCH_SUMMARY_PAIRS directed pairs (default 10k, 100k, 1M), against a private
// redis-server filled through the store's own scripts: articles registered and their analyses
// recorded by ArticleStore, as the API and the workers do. The analyses are made up (no NLP:
// the point is the store): 25 stances per generated 4 KB article, a third between a few
// hundred recurring actors, the rest with a person named in that article alone — the mix that
// makes real news add ~16 new pairs per article. Also prints what recording costs Redis.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type Redis from 'ioredis';
import type { Analysis, StanceOut } from '../src/analysis/types';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/entrypoints/logger';
import { startRedisServer } from '../src/entrypoints/private-redis';
import { startApi } from '../src/entrypoints/start-api';
import { mulberry32 } from '../src/ml/random';
import { articleIdFor, jobIdFor } from '../src/store/article-id';
import { ArticleStore } from '../src/store/article-store';
import { createRedis } from '../src/store/redis';
import { generatedArticle } from './articles';

const SIZES = (process.env.BENCH_SUMMARY_PAIRS ?? '10000,100000,1000000').split(',').map(Number);
const STANCES_PER_ARTICLE = 25;
const REQUESTS = 200;
const COUNTRIES = ['IRN', 'USA', 'SYR', 'RUS', 'TUR', 'ISR', 'CHN', 'FRA', 'GBR', 'DEU', 'SAU', 'EGY', 'IRQ', 'LBN', 'YEM', 'QAT', 'JOR', 'UKR', 'IND', 'PAK'];
const ROLES = ['', 'GOV', 'MIL', 'OPP', 'REB', 'BUS', 'MED', 'LEG', 'JUD', 'CVL'];
const RECURRING = COUNTRIES.flatMap((c) => ROLES.map((r) => c + r)); // 200 actors

/** A made-up analysis of a text: stances whose evidence is sentences of the text. */
function madeUpAnalysis(text: string, articleNo: number, random: () => number): Analysis {
  const sentences: { start: number; end: number }[] = [];
  for (const match of text.matchAll(/[^.!?]+[.!?]/g)) sentences.push({ start: match.index ?? 0, end: (match.index ?? 0) + match[0].length });
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const stances = new Map<string, StanceOut>();
  let person = 0;
  while (stances.size < STANCES_PER_ARTICLE) {
    const recurring = random() < 1 / 3;
    const a = pick(RECURRING);
    const b = recurring ? pick(RECURRING) : `name:person-${articleNo}-${person++ % 6}`;
    if (a === b) continue;
    const [source, target] = random() < 0.5 ? [a, b] : [b, a];
    const score = Math.round((random() * 2 - 1) * 1000) / 1000;
    const evidence = Array.from({ length: 1 + Math.floor(random() * 2) }, () => {
      const s = pick(sentences);
      return { ...s, text: text.slice(s.start, s.end), score };
    });
    stances.set(`${source}>${target}`, { source, target, score, polarity: score > 0.1 ? 1 : score < -0.1 ? -1 : 0, confidence: random(), evidence });
  }
  const ids = [...new Set([...stances.values()].flatMap((s) => [s.source, s.target]))];
  return { quotes: [], actors: ids.map((id) => ({ id, name: id, type: 'country', mentions: [] })), stances: [...stances.values()] };
}

function get(url: string, agent: http.Agent): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`${url}: ${res.statusCode}`))));
      })
      .on('error', reject);
  });
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Records articles until the store holds `pairs` pairs; resolves with the ms Redis spent per article (INFO commandstats). */
async function fillTo(store: ArticleStore, redis: Redis, pairs: number, state: { next: number }): Promise<{ articles: number; redisMsPerArticle: number }> {
  const random = mulberry32(state.next + 1);
  const cpu = async () => {
    const info = await redis.info('cpu');
    return Number(/used_cpu_sys:([\d.]+)/.exec(info)?.[1]) + Number(/used_cpu_user:([\d.]+)/.exec(info)?.[1]);
  };
  const cpuBefore = await cpu();
  let articles = 0;
  const receivedAt = new Date();
  while ((await store.pairCount()) < pairs) {
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        const no = state.next++;
        const { title, text } = generatedArticle(no + 10_000, 12);
        const article = { title: `${title} ${no}`, text, publishedAt: new Date(Date.UTC(2019, 0, 1) + (no % 730) * 86_400_000).toISOString() };
        const id = articleIdFor(article);
        await store.register([{ id, jobId: jobIdFor(id), article }], receivedAt);
        await store.recordAnalysis({ id, version: 1, publishedAt: article.publishedAt, receivedAt: receivedAt.toISOString(), text }, madeUpAnalysis(text, no, random));
        articles += 1;
      }),
    );
  }
  return { articles, redisMsPerArticle: ((await cpu()) - cpuBefore) * 1000 / Math.max(1, articles) };
}

export async function summaryAtScale(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stance-summary-'));
  const server = await startRedisServer({ dir, appendOnly: false });
  const redis = createRedis(server.url);
  const env = { ...process.env, REDIS_URL: server.url, KEY_PREFIX: 'scale', LOG_LEVEL: 'warn', PORT: '0' };
  const config = loadConfig(env);
  const store = new ArticleStore(redis, config.keyPrefix);
  const api = await startApi(config, createLogger({ logLevel: 'warn' }));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  console.log(`\nThe summary at scale: a private redis-server filled through ArticleStore (${STANCES_PER_ARTICLE} stances per generated article), GET through the API in this process, ${REQUESTS} requests each, one at a time`);
  const state = { next: 0 };
  try {
    for (const size of SIZES) {
      const filled = await fillTo(store, redis, size, state);
      const pairs = await store.pairCount();
      const used = Number(/used_memory:(\d+)/.exec(await redis.info('memory'))?.[1]);
      console.log(`  ${pairs} pairs from ${state.next} articles (${(used / 1e6).toFixed(0)} MB used_memory); recording cost Redis ${filled.redisMsPerArticle.toFixed(2)} ms of CPU per article`);
      const page2 = JSON.parse(await new Promise<string>((resolve) => http.get(`${api.url}/stance/summary?limit=50`, (res) => { let body = ''; res.on('data', (c) => (body += c)); res.on('end', () => resolve(body)); }))).nextCursor as string;
      const queries: [string, string][] = [
        ['first page (limit=50)', '/stance/summary?limit=50'],
        ['second page (cursor)', `/stance/summary?limit=50&cursor=${page2}`],
        ['sort=recent', '/stance/summary?limit=50&sort=recent'],
        ['sort=-mean', '/stance/summary?limit=50&sort=-mean'],
        ['source=IRNGOV', '/stance/summary?limit=50&source=IRNGOV'],
        ['source=IRN*', '/stance/summary?limit=50&source=IRN*'],
        ['actor=USA*', '/stance/summary?limit=50&actor=USA*'],
        ['minArticles=5', '/stance/summary?limit=50&minArticles=5'],
        ['timeline, one pair', '/stance/timeline?source=IRN&target=USA&interval=week'],
        ['timeline, actor=SYRGOV', '/stance/timeline?actor=SYRGOV&interval=month'],
      ];
      for (const [label, query] of queries) {
        const times: number[] = [];
        for (let i = 0; i < REQUESTS; i++) times.push(await get(`${api.url}${query}`, agent));
        times.sort((a, b) => a - b);
        console.log(`    ${label.padEnd(26)} p50 ${quantile(times, 0.5).toFixed(1).padStart(6)} ms  p99 ${quantile(times, 0.99).toFixed(1).padStart(6)} ms`);
      }
    }
  } finally {
    agent.destroy();
    await api.close();
    await redis.quit();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
