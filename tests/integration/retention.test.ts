// Retention (ARTICLE_RETENTION_DAYS) lets old articles' texts and analyses go while the summary
// and the evidence its pairs kept stay; and a recording cut short between the article record
// and its pairs is finished by settle().
import type Redis from 'ioredis';
import type { Analysis } from '../../src/analysis/types';
import { packPart } from '../../src/store/article-codec';
import { ArticleStore, countsOf, type StoredArticle } from '../../src/store/article-store';
import { articleIdFor, jobIdFor } from '../../src/store/article-id';
import { pairLine, type ScriptCall } from '../../src/store/pair-writer';
import { createRedis } from '../../src/store/redis';
import { testConfig } from '../setup/helpers';

const DAY = 86_400_000;
let redis: Redis;
let store: ArticleStore;

beforeEach(() => {
  redis = createRedis(testConfig().redisUrl);
  store = new ArticleStore(redis, testConfig().keyPrefix);
});
afterEach(async () => {
  await redis.quit();
});

/** An analysis whose stances cite the given sentences of the text. */
function analysisOf(text: string, stances: [string, string, string, number][]): Analysis {
  const ids = [...new Set(stances.flatMap(([s, t]) => [s, t]))];
  return {
    quotes: [],
    actors: ids.map((id) => ({ id, name: `Name of ${id}`, type: 'country', mentions: [] })),
    stances: stances.map(([source, target, sentence, score]) => {
      const start = text.indexOf(sentence);
      return { source, target, score, polarity: score > 0 ? 1 : -1, confidence: 0.9, evidence: [{ start, end: start + sentence.length, text: sentence, score }] };
    }),
  };
}

async function posted(text: string, receivedAt: Date, publishedAt = '2019-02-25'): Promise<StoredArticle & { text: string }> {
  const id = articleIdFor({ text });
  await store.register([{ id, jobId: jobIdFor(id), article: { text, publishedAt } }], receivedAt);
  return { ...((await store.get(id)) as StoredArticle), text };
}

it('lets the texts and analyses of articles past the retention go, and keeps the summary and its evidence', async () => {
  const old = new Date(Date.now() - 100 * DAY);
  const texts = ['Iran condemned the strikes. Talks stalled.', 'Iran praised the envoy. Nothing else.', 'Syria thanked Russia warmly.'];
  const articles = [await posted(texts[0], old), await posted(texts[1], old), await posted(texts[2], new Date())];
  await store.recordAnalysis(articles[0], analysisOf(texts[0], [['IRN', 'USA', 'Iran condemned the strikes.', -0.8]]));
  await store.recordAnalysis(articles[1], analysisOf(texts[1], [['IRN', 'USA', 'Iran praised the envoy.', 0.4]]));
  await store.recordAnalysis(articles[2], analysisOf(texts[2], [['SYR', 'RUS', 'Syria thanked Russia warmly.', 0.7]]));
  const summary = await store.summary();
  const pair = await store.pairArticles('IRN', 'USA', 10);

  expect(await store.expireBefore(new Date(Date.now() - 30 * DAY))).toBe(2);
  expect(await store.expireBefore(new Date(Date.now() - 30 * DAY))).toBe(0); // swept already
  const gone = await store.get(articles[0].id, ['text', 'stances']);
  expect(gone).toMatchObject({ id: articles[0].id, status: 'completed', expired: true, counts: { stances: 1 } });
  expect(gone?.text).toBeUndefined();
  expect(gone?.analysis).toEqual({});
  expect((await store.get(articles[2].id, ['text']))?.text).toBe(texts[2]);
  // The summary, its evidence texts included, is what it was; so is the pair's list of articles.
  expect(await store.summary()).toEqual(summary);
  expect(await store.pairArticles('IRN', 'USA', 10)).toEqual(pair);

  // Posted again with other metadata, an expired article gets its text back and is analysed again, counted once.
  expect(await store.register([{ id: articles[0].id, jobId: articles[0].jobId, article: { text: texts[0], publishedAt: '2019-03-01' } }])).toEqual(['updated']);
  const again = (await store.get(articles[0].id, ['text'])) as StoredArticle;
  expect(again.text).toBe(texts[0]);
  await store.recordAnalysis(again, analysisOf(texts[0], [['IRN', 'USA', 'Iran condemned the strikes.', -0.6]]));
  const row = (await store.summary({ source: 'IRN' })).pairs[0];
  expect(row).toMatchObject({ articles: 2, mean: -0.1 });
});

it('finishes a recording cut short after the article record (settle)', async () => {
  const text = 'Turkey warned Syria. Turkey praised Qatar.';
  const article = await posted(text, new Date());
  await store.recordAnalysis(article, analysisOf(text, [['TUR', 'SYR', 'Turkey warned Syria.', -0.5]]));
  // A new analysis whose record was written, and then the worker died: no pair was updated.
  const next = analysisOf(text, [['TUR', 'QAT', 'Turkey praised Qatar.', 0.5]]);
  await redis.sadd(store.keys.unsettled, article.id);
  const call = redis as unknown as Record<string, ScriptCall>;
  await call.stanceRecordAnalysis(
    store.keys.article(article.id), article.version, new Date().toISOString(), JSON.stringify(countsOf(next)),
    packPart([], text), packPart(next.actors, text), packPart(next.stances, text), '', pairLine('TUR', 'QAT'),
  );
  expect((await store.summary()).pairs.map((p) => `${p.source.id}>${p.target.id}`)).toEqual(['TUR>SYR']);
  expect(await store.settle()).toBe(1);
  expect((await store.summary()).pairs.map((p) => `${p.source.id}>${p.target.id} ${p.mean}`)).toEqual(['TUR>QAT 0.5']);
  expect(await redis.smembers(store.keys.unsettled)).toEqual([]);
  expect(await store.settle()).toBe(0);
});
