// Bodies built to flood the store (bench/flood-articles.ts), analysed with the service's
// defaults and recorded in the suite's Redis: one article's hash and its pairs stay bounded,
// and a default read of it stays small.
import type Redis from 'ioredis';
import { endlessSentence, pairFlood, quoteFlood } from '../../bench/flood-articles';
import { analyze, DEFAULT_OUTPUT_CAPS } from '../../src/analysis';
import { loadModels, type Models } from '../../src/models';
import { ArticleStore } from '../../src/store/article-store';
import { articleIdFor, jobIdFor } from '../../src/store/article-id';
import { createRedis } from '../../src/store/redis';
import { testConfig } from '../setup/helpers';

const MB = 1_000_000;
let models: Models;
let redis: Redis;
let store: ArticleStore;

beforeAll(() => {
  models = loadModels();
  const config = testConfig();
  redis = createRedis(config.redisUrl);
  store = new ArticleStore(redis, config.keyPrefix);
});
afterAll(async () => {
  await redis.quit();
});

/** Registers, analyses and records the text; the Redis bytes of its hash and the pairs it added. */
async function record(text: string) {
  const pairsBefore = await store.pairCount();
  const id = articleIdFor({ text });
  await store.register([{ id, jobId: jobIdFor(id), article: { text } }]);
  const article = await store.get(id, ['text']);
  if (!article) throw new Error('the article was not registered');
  expect(await store.recordAnalysis(article, analyze({ text }, models))).toBe('recorded');
  return {
    id,
    hashBytes: Number(await redis.memory('USAGE', store.keys.article(id), 'SAMPLES', '0')),
    pairsAdded: (await store.pairCount()) - pairsBefore,
  };
}

it.each([
  ['thousands of quotes', quoteFlood],
  ['thousands of invented names', pairFlood],
  ['one endless sentence naming them', () => endlessSentence()],
])('keeps an article of %s to a few MB of Redis and its default read small', async (_name, body) => {
  const { id, hashBytes, pairsAdded } = await record(body());
  expect(hashBytes).toBeLessThan(3 * MB); // the text itself is up to 1 MB
  expect(pairsAdded).toBeLessThanOrEqual(DEFAULT_OUTPUT_CAPS.pairs);
  const stored = await store.get(id);
  expect(stored?.text).toBeUndefined();
  expect(stored?.analysis).toBeUndefined();
  expect(stored?.counts?.quotes).toBeLessThanOrEqual(DEFAULT_OUTPUT_CAPS.statements);
  expect(JSON.stringify(stored).length).toBeLessThan(1000);
}, 60_000);
