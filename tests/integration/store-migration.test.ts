// A store written by the first release (layout 1: the posted article and the whole analysis as
// two JSON fields of the article's hash) is upgraded when the service starts: nothing is lost,
// the summary stays as it was, a repeat posting is still a duplicate, and an update still
// replaces the article's contribution rather than adding to it.
import type Redis from 'ioredis';
import { generatedArticle } from '../../bench/articles';
import { analyze } from '../../src/analysis';
import { startApi, type RunningApi } from '../../src/entrypoints/start-api';
import { startWorker, type RunningWorker } from '../../src/entrypoints/start-worker';
import { loadModels } from '../../src/models';
import { ArticleStore } from '../../src/store/article-store';
import { articleIdFor, jobIdFor } from '../../src/store/article-id';
import { migrateStore, STORE_LAYOUT } from '../../src/store/migrate';
import { createRedis } from '../../src/store/redis';
import { eventually, http, silentLogger, testConfig } from '../setup/helpers';

let redis: Redis;
let api: RunningApi | undefined;
let worker: RunningWorker | undefined;
afterEach(async () => {
  await api?.close();
  await worker?.close();
  await redis.quit();
});

/** Articles as the first release stored them: analysed (with their pairs) or failed. */
async function layoutOneStore(prefix: string, redisUrl: string) {
  redis = createRedis(redisUrl);
  const store = new ArticleStore(redis, prefix);
  const models = loadModels();
  const analysed = { ...generatedArticle(21), publishedAt: '2019-03-01', source: 'Wire' };
  const failed = { text: 'The envoy said nothing of note.', url: 'https://example.org/a' };
  const analysedId = articleIdFor(analysed);
  const failedId = articleIdFor(failed);
  await store.register([
    { id: analysedId, jobId: jobIdFor(analysedId), article: analysed },
    { id: failedId, jobId: jobIdFor(failedId), article: failed },
  ]);
  // The pairs as both layouts keep them, then the article hashes rewritten as layout 1 had them.
  const analysis = analyze(analysed, models);
  await store.recordAnalysis({ id: analysedId, version: 1, publishedAt: analysed.publishedAt, receivedAt: new Date().toISOString() }, analysis);
  const receivedAt = await redis.hget(store.keys.article(analysedId), 'receivedAt');
  const tallies = await redis.hget(store.keys.article(analysedId), 'tallies');
  await redis.del(store.keys.article(analysedId), store.keys.article(failedId), `${prefix}:store-layout`, store.keys.articles);
  await redis.hset(store.keys.article(analysedId), {
    article: JSON.stringify(analysed), receivedAt, jobId: jobIdFor(analysedId), status: 'completed',
    analysis: JSON.stringify(analysis), analysedAt: '2019-03-01T10:00:00.000Z', tallies,
  });
  await redis.hset(store.keys.article(failedId), {
    article: JSON.stringify(failed), receivedAt, jobId: jobIdFor(failedId), status: 'failed', error: 'tokeniser ran off the end of the text',
  });
  return { store, analysed, analysedId, failedId, analysis };
}

it('upgrades a first-release store at start: articles, analyses and the summary as they were', async () => {
  const config = testConfig();
  const old = await layoutOneStore(config.keyPrefix, config.redisUrl);
  api = await startApi(config, silentLogger);
  const summaryBefore = await old.store.summary();

  const article = await http(api.url, 'GET', `/articles/${old.analysedId}?include=all`);
  expect(article.status).toBe(200);
  expect(article.body).toMatchObject({
    id: old.analysedId, title: old.analysed.title, text: old.analysed.text, publishedAt: '2019-03-01', source: 'Wire',
    status: 'completed', analysedAt: '2019-03-01T10:00:00.000Z',
  });
  expect(article.body.analysis).toEqual(JSON.parse(JSON.stringify({ quotes: old.analysis.quotes, actors: old.analysis.actors, stances: old.analysis.stances })));
  expect((await http(api.url, 'GET', `/articles/${old.failedId}`)).body).toMatchObject({ status: 'failed', error: 'tokeniser ran off the end of the text' });
  expect(await redis.get(`${config.keyPrefix}:store-layout`)).toBe(String(STORE_LAYOUT));
  expect(await migrateStore(redis, old.store.keys)).toBe(0); // once is enough
  // Both are in the list of recent articles, which the first release did not keep.
  expect(await redis.zrange(old.store.keys.articles, '0', '-1')).toEqual(expect.arrayContaining([old.analysedId, old.failedId]));

  // A repeat is a duplicate; new metadata re-analyses the article and replaces its contribution.
  const repeat = await http(api.url, 'POST', '/articles', { json: old.analysed });
  expect(repeat).toMatchObject({ status: 200, body: { duplicate: true, status: 'completed' } });
  worker = await startWorker(config, silentLogger);
  const moved = await http(api.url, 'POST', '/articles', { json: { ...old.analysed, publishedAt: '2019-04-01' } });
  expect(moved.status).toBe(202);
  await eventually(async () => {
    const reply = await http(api!.url, 'GET', `/articles/${old.analysedId}`);
    return reply.body.status === 'completed' && reply.body.publishedAt === '2019-04-01' ? true : undefined;
  });
  const summaryAfter = await old.store.summary();
  expect(summaryAfter.pairs.map((p) => [p.source.id, p.target.id, p.articles])).toEqual(summaryBefore.pairs.map((p) => [p.source.id, p.target.id, p.articles]));
  expect(summaryAfter.pairs.every((p) => p.firstSeen.startsWith('2019-04-01'))).toBe(true);
}, 60_000);

it('packs a layout-2 store at start (plain JSON fields): the same answers, a fraction of the memory', async () => {
  const config = testConfig();
  redis = createRedis(config.redisUrl);
  const store = new ArticleStore(redis, config.keyPrefix);
  const models = loadModels();
  const article = { ...generatedArticle(22), publishedAt: '2019-05-01', entities: [{ start: 0, end: 5 }] };
  const id = articleIdFor(article);
  await store.register([{ id, jobId: jobIdFor(id), article }]);
  const analysis = analyze(article, models);
  await store.recordAnalysis({ id, version: 1, publishedAt: article.publishedAt, receivedAt: new Date().toISOString() }, analysis);
  const summaryBefore = await store.summary();
  // The hash as layout 2 wrote it: the text and each part as plain fields.
  const key = store.keys.article(id);
  await redis.hdel(key, 'packed:text', 'packed:quotes', 'packed:actors', 'packed:stances', 'packed:entities');
  await redis.hset(key, {
    text: article.text, 'analysis:quotes': JSON.stringify(analysis.quotes), 'analysis:actors': JSON.stringify(analysis.actors),
    'analysis:stances': JSON.stringify(analysis.stances), 'analysis:entities': JSON.stringify(analysis.entities),
  });
  await redis.set(`${config.keyPrefix}:store-layout`, '2');
  const plainBytes = Number(await redis.memory('USAGE', key, 'SAMPLES', '0'));

  api = await startApi(config, silentLogger);
  expect(await redis.hkeys(key)).not.toEqual(expect.arrayContaining(['text']));
  expect(Number(await redis.memory('USAGE', key, 'SAMPLES', '0'))).toBeLessThan(plainBytes / 3);
  const reply = await http(api.url, 'GET', `/articles/${id}?include=all`);
  expect(reply.body).toMatchObject({ id, text: article.text, status: 'completed', counts: { quotes: analysis.quotes.length } });
  expect(reply.body.analysis).toEqual(JSON.parse(JSON.stringify(analysis)));
  expect(await store.summary()).toEqual(summaryBefore);
  expect(await redis.get(`${config.keyPrefix}:store-layout`)).toBe(String(STORE_LAYOUT));
}, 60_000);
