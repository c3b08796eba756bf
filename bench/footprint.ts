// `npm run bench -- store`: what an article costs the store, in Redis memory (INFO used_memory)
// and keys, against a private redis-server: PolNeAR dev articles when ../shared is beside the
// project, generated ones otherwise, registered and recorded through ArticleStore as the API and
// the worker do (BullMQ's own job keys, bounded by KEEP_COMPLETED_JOBS, come on top).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Redis from 'ioredis';
import { analyze } from '../src/analysis';
import { startRedisServer } from '../src/entrypoints/private-redis';
import type { Models } from '../src/models';
import { articleIdFor, jobIdFor } from '../src/store/article-id';
import { ArticleStore } from '../src/store/article-store';
import { createRedis } from '../src/store/redis';
import { generatedArticle } from './articles';

const ARTICLES = 200;

interface Text {
  title?: string;
  text: string;
  publishedAt?: string;
}

async function usedMemory(redis: Redis): Promise<number> {
  return Number(/used_memory:(\d+)/.exec(await redis.info('memory'))?.[1]);
}

/** Key kinds by the part of the name after the prefix (and the shard's hash tag): article, pair, ix:<index> (groups together), or the key itself. */
function kindOf(key: string, prefix: string): string {
  const rest = key.slice(prefix.length + 1).replace(/^\{[^}]*\}:/, '');
  if (rest.startsWith('article:')) return 'article';
  if (rest.startsWith('pair:')) return 'pair';
  if (rest.startsWith('ix:') || rest.startsWith('days:')) return rest.split(':').slice(0, 3).map((part, i) => (i === 2 ? '<id>' : part)).join(':');
  return rest;
}

export async function storeFootprint(models: Models, news: Text[]): Promise<void> {
  const texts: Text[] = news.length ? news.slice(0, ARTICLES) : Array.from({ length: ARTICLES }, (_, i) => generatedArticle(1000 + i));
  const about = news.length ? 'PolNeAR dev news articles' : 'generated articles';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stance-footprint-'));
  const server = await startRedisServer({ dir, appendOnly: false });
  const redis = createRedis(server.url);
  const prefix = 'footprint';
  try {
    const store = new ArticleStore(redis, prefix);
    const before = await usedMemory(redis);
    let textBytes = 0;
    for (const article of texts) {
      const id = articleIdFor(article);
      await store.register([{ id, jobId: jobIdFor(id), article }]);
      const receivedAt = new Date().toISOString();
      await store.recordAnalysis({ id, version: 1, publishedAt: article.publishedAt, receivedAt, text: article.text }, analyze(article, models));
      textBytes += Buffer.byteLength(article.text);
    }
    const bytes = (await usedMemory(redis)) - before;
    const keys = await redis.keys(`${prefix}:*`);
    const kinds = new Map<string, { keys: number; bytes: number }>();
    for (const key of keys) {
      const kind = kindOf(key, prefix);
      const entry = kinds.get(kind) ?? { keys: 0, bytes: 0 };
      entry.keys += 1;
      entry.bytes += Number(await redis.memory('USAGE', key, 'SAMPLES', '0'));
      kinds.set(kind, entry);
    }
    const n = texts.length;
    console.log(`\nThe store, ${n} ${about} (mean ${(textBytes / n / 1000).toFixed(1)} KB) registered and analysed`);
    console.log(`  ${(bytes / n / 1000).toFixed(1)} KB of Redis memory and ${(keys.length / n).toFixed(1)} keys per article (INFO used_memory, KEYS)`);
    for (const [kind, { keys: count, bytes: size }] of [...kinds].sort((a, b) => b[1].bytes - a[1].bytes)) {
      console.log(`    ${kind.padEnd(28)} ${(count / n).toFixed(2).padStart(6)} keys ${(size / n / 1000).toFixed(1).padStart(6)} KB per article (MEMORY USAGE)`);
    }
  } finally {
    await redis.quit();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
