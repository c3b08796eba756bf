// The store against the suite's real Redis: registration, analyses, and the stance summary's
// atomic, idempotent aggregates.
import Redis from 'ioredis';
import type { Analysis } from '../../src/analysis/types';
import { ArticleStore, type StoredArticle, type ArticleMetadata } from '../../src/store/article-store';
import { articleIdFor, jobIdFor } from '../../src/store/article-id';
import { createRedis } from '../../src/store/redis';
import { testConfig } from '../setup/helpers';

/** An analysis with the given stances; each evidence text gets the stance's score unless given. */
/** An analysis with these stances; evidence is a slice of `text` (the article's) where it occurs there. */
function analysisWith(stances: { source: string; target: string; score: number; confidence?: number; evidence?: [string, number][] }[], text = ''): Analysis {
  const ids = [...new Set(stances.flatMap((s) => [s.source, s.target]))];
  return {
    quotes: [],
    actors: ids.map((id) => ({ id, name: `Name of ${id}`, type: 'country', mentions: [] })),
    stances: stances.map((s) => ({
      source: s.source,
      target: s.target,
      score: s.score,
      polarity: s.score > 0 ? 1 : s.score < 0 ? -1 : 0,
      ...(s.confidence !== undefined && { confidence: s.confidence }),
      evidence: (s.evidence ?? [[`${s.source} about ${s.target}`, s.score]]).map(([piece, score]) => {
        const start = Math.max(0, text.indexOf(piece));
        return { start, end: start + piece.length, text: piece, score };
      }),
    })),
  };
}

let redis: Redis;
let store: ArticleStore;

beforeEach(() => {
  redis = createRedis(testConfig().redisUrl);
  store = new ArticleStore(redis, testConfig().keyPrefix);
});
afterEach(async () => {
  await redis.quit();
});

async function newArticle(text: string, publishedAt?: string): Promise<StoredArticle> {
  const id = articleIdFor({ text });
  await store.register([{ id, jobId: jobIdFor(id), article: { text, ...(publishedAt && { publishedAt }) } }]);
  return { ...((await store.get(id)) as StoredArticle), text };
}

describe('article ids', () => {
  it('are the same for the same title and text however they are spaced', () => {
    expect(articleIdFor({ title: 'A  visit', text: 'One.\n\nTwo. ' })).toBe(articleIdFor({ title: 'A visit', text: ' One. Two.' }));
  });
  it('differ when the text or the title differs', () => {
    const id = articleIdFor({ title: 'A', text: 'One.' });
    expect(articleIdFor({ title: 'B', text: 'One.' })).not.toBe(id);
    expect(articleIdFor({ title: 'A', text: 'Two.' })).not.toBe(id);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('registering articles', () => {
  it('creates an article once and reports the status it has afterwards', async () => {
    const id = articleIdFor({ text: 'The minister spoke.' });
    const article = { id, jobId: jobIdFor(id), article: { text: 'The minister spoke.', source: 'Wire' } };
    expect(await store.register([article])).toEqual(['created']);
    expect(await store.register([article, article])).toEqual(['queued', 'queued']);
    const stored = await store.get(id, ['text', 'stances']);
    expect(stored).toMatchObject({ id, jobId: `article-${id}`, status: 'queued', version: 1, text: 'The minister spoke.', source: 'Wire' });
    expect(stored?.analysis).toBeUndefined();
  });

  it('takes new metadata from a posting that brings it: one more version, queued again', async () => {
    const text = 'The envoy arrived.';
    const id = articleIdFor({ text });
    const posting = (metadata: ArticleMetadata) => [{ id, jobId: jobIdFor(id), article: { text, ...metadata } }];
    expect(await store.register(posting({ publishedAt: '2019-02-25', source: 'Wire' }))).toEqual(['created']);
    const first = (await store.get(id)) as StoredArticle;
    await store.recordAnalysis(first, analysisWith([{ source: 'IRN', target: 'USA', score: -0.5 }]));
    // The same metadata again (in another key order) is a repeat; other metadata is an update.
    expect(await store.register(posting({ source: 'Wire', publishedAt: '2019-02-25' }))).toEqual(['completed']);
    expect(await store.register(posting({ publishedAt: '2020-01-10', source: 'Wire', url: 'https://example.org/a' }))).toEqual(['updated']);
    const updated = await store.get(id, ['stances']);
    expect(updated).toMatchObject({ version: 2, status: 'queued', publishedAt: '2020-01-10', source: 'Wire', url: 'https://example.org/a' });
    expect(updated?.analysis?.stances).toHaveLength(1); // the previous analysis stays until the new one replaces it
    expect(await store.register(posting({ publishedAt: '2020-01-10', source: 'Wire', url: 'https://example.org/a' }))).toEqual(['queued']);
    // Dropping a field is a change too: a posting's metadata is the article's.
    expect(await store.register(posting({ publishedAt: '2020-01-10' }))).toEqual(['updated']);
    expect(await store.get(id)).toMatchObject({ version: 3, publishedAt: '2020-01-10' });
    expect((await store.get(id))?.source).toBeUndefined();
  });

  it('refuses an analysis of metadata replaced since (stale), however often it comes, and moves the article to its new date', async () => {
    const text = 'The envoy left.';
    const id = articleIdFor({ text });
    await store.register([{ id, jobId: jobIdFor(id), article: { text, publishedAt: '2019-02-25' } }]);
    const old = (await store.get(id)) as StoredArticle;
    await store.recordAnalysis(old, analysisWith([{ source: 'IRN', target: 'USA', score: -0.5 }]));
    await store.register([{ id, jobId: jobIdFor(id), article: { text, publishedAt: '2021-06-01' } }]);
    const current = (await store.get(id)) as StoredArticle;
    // A job that read the article before the update records too late: nothing changes.
    expect(await store.recordAnalysis(old, analysisWith([{ source: 'IRN', target: 'ISR', score: -0.9 }]))).toBe('stale');
    expect(await store.recordAnalysis(old, analysisWith([{ source: 'IRN', target: 'ISR', score: -0.9 }]))).toBe('stale');
    expect((await store.get(id))?.status).toBe('queued');
    expect((await store.summary()).pairs.map((p) => [p.source.id, p.target.id, p.firstSeen])).toEqual([['IRN', 'USA', '2019-02-25T00:00:00.000Z']]);
    // The analysis of the current version replaces the old contribution, at the new date.
    expect(await store.recordAnalysis(current, analysisWith([{ source: 'IRN', target: 'USA', score: -0.3 }]))).toBe('recorded');
    expect(await store.recordAnalysis(current, analysisWith([{ source: 'IRN', target: 'USA', score: -0.3 }]))).toBe('recorded');
    const { pairs } = await store.summary();
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({ articles: 1, mean: -0.3, firstSeen: '2021-06-01T00:00:00.000Z', lastSeen: '2021-06-01T00:00:00.000Z' });
    expect((await store.summary({ to: Date.parse('2020-01-01') })).pairs).toEqual([]);
  });

  it('marks only an article waiting for its analysis failed: an analysed one keeps its analysis', async () => {
    const article = await newArticle('Analysed, then its job failed.');
    await store.recordAnalysis(article, analysisWith([{ source: 'SYR', target: 'RUS', score: 0.4 }]));
    await store.markFailed(article.id, 'job stalled more than allowable limit');
    expect(await store.get(article.id)).toMatchObject({ status: 'completed', counts: { stances: 1 } });
    expect((await store.get(article.id))?.error).toBeUndefined();
    await store.markFailed('0'.repeat(32), 'nobody');
    expect(await redis.exists(store.keys.article('0'.repeat(32)))).toBe(0);
  });

  it('returns null for an unknown article', async () => {
    expect(await store.get('0'.repeat(32))).toBeNull();
  });

  it('refuses to record an analysis of an article it does not know', async () => {
    const ghost = { id: 'f'.repeat(32), version: 1, receivedAt: new Date().toISOString() };
    await expect(store.recordAnalysis(ghost, analysisWith([]))).rejects.toThrow(/unknown article/);
  });

  it('keeps a failure reason and clears it when the article is posted again', async () => {
    const article = await newArticle('A failing article.');
    await store.markFailed(article.id, 'boom');
    expect(await store.get(article.id)).toMatchObject({ status: 'failed', error: 'boom' });
    expect(await store.register([{ id: article.id, jobId: article.jobId, article: { text: 'A failing article.' } }])).toEqual(['retried']);
    const again = await store.get(article.id);
    expect(again?.status).toBe('queued');
    expect(again?.error).toBeUndefined();
  });
});

describe('the stance summary', () => {
  it('has one row per pair with mean, counts, dates, names and the strongest evidence', async () => {
    const a = await newArticle('Article one. Iran condemned Washington. A mild remark.', '2019-02-25');
    const b = await newArticle('Article two. Iran criticised the US.', '2019-03-01T12:00:00Z');
    await store.recordAnalysis(a, analysisWith([
      { source: 'IRN', target: 'USA', score: -0.6, evidence: [['Iran condemned Washington.', -0.8], ['A mild remark.', 0.01]] },
    ], a.text));
    await store.recordAnalysis(b, analysisWith([{ source: 'IRN', target: 'USA', score: -0.2, evidence: [['Iran criticised the US.', -0.3]] }], b.text));
    const { pairs } = await store.summary();
    expect(pairs).toEqual([
      {
        source: { id: 'IRN', name: 'Name of IRN' },
        target: { id: 'USA', name: 'Name of USA' },
        mean: -0.4,
        articles: 2,
        positive: 0,
        negative: 2,
        neutral: 1,
        firstSeen: '2019-02-25T00:00:00.000Z',
        lastSeen: '2019-03-01T12:00:00.000Z',
        evidence: [
          { articleId: a.id, text: 'Iran condemned Washington.', score: -0.8 },
          { articleId: b.id, text: 'Iran criticised the US.', score: -0.3 },
          { articleId: a.id, text: 'A mild remark.', score: 0.01 },
        ],
      },
    ]);
    expect((await store.get(a.id))?.status).toBe('completed');
  });

  it('counts a pair the analysis does not call polar (under its confidence threshold) as neutral', async () => {
    const article = await newArticle('Iran hinted at doubts about the US.');
    const analysis = analysisWith([{ source: 'IRN', target: 'USA', score: -0.4, confidence: 0.2 }], article.text);
    analysis.stances[0].polarity = 0;
    await store.recordAnalysis(article, analysis);
    expect((await store.summary()).pairs[0]).toMatchObject({ mean: 0, positive: 0, negative: 0, neutral: 1 });
  });

  it('counts an article once however often its analysis is recorded', async () => {
    const article = await newArticle('Recorded twice.');
    const analysis = analysisWith([{ source: 'SYR', target: 'IRN', score: 0.5 }]);
    await store.recordAnalysis(article, analysis);
    await store.recordAnalysis(article, analysis);
    await store.recordAnalysis(article, analysis);
    const [row] = (await store.summary()).pairs;
    expect(row).toMatchObject({ articles: 1, mean: 0.5, positive: 1, negative: 0 });
  });

  it('replaces an article\'s contribution when it is analysed again', async () => {
    const article = await newArticle('Analysed twice, differently.');
    const other = await newArticle('Another article.');
    await store.recordAnalysis(other, analysisWith([{ source: 'SYR', target: 'IRN', score: 0.2 }]));
    await store.recordAnalysis(article, analysisWith([
      { source: 'SYR', target: 'IRN', score: 0.8 },
      { source: 'IRN', target: 'ISR', score: -0.9 },
    ]));
    await store.recordAnalysis(article, analysisWith([{ source: 'SYR', target: 'IRN', score: -0.4 }]));
    const { pairs } = await store.summary();
    // IRN → ISR came only from the first analysis: it is gone, keys and all.
    expect(pairs.map((p) => `${p.source.id}>${p.target.id}`)).toEqual(['SYR>IRN']);
    expect(pairs[0]).toMatchObject({ articles: 2, mean: -0.1, positive: 1, negative: 1 });
    expect(await redis.exists(store.keys.pair('IRN', 'ISR'))).toBe(0);
  });

  it('is not double counted by workers recording the same article at once', async () => {
    const article = await newArticle('Raced over.');
    const others = await Promise.all([1, 2, 3, 4].map((n) => newArticle(`Other article ${n}.`)));
    const connections = Array.from({ length: 6 }, () => createRedis(testConfig().redisUrl));
    try {
      const stores = connections.map((c) => new ArticleStore(c, store.keys.prefix));
      await Promise.all([
        ...stores.map((s) => s.recordAnalysis(article, analysisWith([{ source: 'RUS', target: 'UKR', score: -0.5 }]))),
        ...others.map((o, i) => stores[i].recordAnalysis(o, analysisWith([{ source: 'RUS', target: 'UKR', score: -1 }]))),
      ]);
    } finally {
      await Promise.all(connections.map((c) => c.quit()));
    }
    const [row] = (await store.summary()).pairs;
    expect(row).toMatchObject({ articles: 5, mean: -0.9, negative: 5 });
  });

  it('filters by date range, counting only the articles published in it', async () => {
    const dates = ['2019-01-10', '2019-02-25T08:00:00Z', '2019-02-25T22:00:00Z', '2019-04-01'];
    const scores = [0.9, -0.5, -0.3, 0.1];
    for (const [i, date] of dates.entries()) {
      await store.recordAnalysis(await newArticle(`Dated article ${i}.`, date), analysisWith([{ source: 'TUR', target: 'SYR', score: scores[i] }]));
    }
    const day = (await store.summary({ from: Date.parse('2019-02-25'), to: Date.parse('2019-02-25') + 86_400_000 - 1 })).pairs;
    expect(day).toHaveLength(1);
    expect(day[0]).toMatchObject({ articles: 2, mean: -0.4, firstSeen: '2019-02-25T08:00:00.000Z', lastSeen: '2019-02-25T22:00:00.000Z' });
    expect((await store.summary({ from: Date.parse('2019-02-26') })).pairs[0]).toMatchObject({ articles: 1, mean: 0.1 });
    expect((await store.summary({ to: Date.parse('2019-01-31') })).pairs[0]).toMatchObject({ articles: 1, mean: 0.9 });
    expect((await store.summary({ from: Date.parse('2020-01-01') })).pairs).toEqual([]);
    // A range that covers everything agrees with the running totals.
    expect((await store.summary({ from: 0 })).pairs).toEqual((await store.summary()).pairs);
  });

  it('filters by source, target, either actor (with a trailing * for a code prefix) and minArticles', async () => {
    await store.recordAnalysis(await newArticle('F1.'), analysisWith([
      { source: 'IRNGOV', target: 'USA', score: -0.5 },
      { source: 'USA', target: 'IRN', score: -0.2 },
      { source: 'SYR', target: 'RUS', score: 0.6 },
    ]));
    await store.recordAnalysis(await newArticle('F2.'), analysisWith([{ source: 'SYR', target: 'RUS', score: 0.4 }]));
    const ids = async (filters: Parameters<ArticleStore['summary']>[0]) =>
      (await store.summary(filters)).pairs.map((p) => `${p.source.id}>${p.target.id}`).sort();
    expect(await ids({ source: 'USA' })).toEqual(['USA>IRN']);
    expect(await ids({ source: 'IRN' })).toEqual([]);
    expect(await ids({ source: 'IRN*' })).toEqual(['IRNGOV>USA']);
    expect(await ids({ target: 'RUS' })).toEqual(['SYR>RUS']);
    expect(await ids({ actor: 'USA' })).toEqual(['IRNGOV>USA', 'USA>IRN']);
    expect(await ids({ minArticles: 2 })).toEqual(['SYR>RUS']);
    expect(await ids({ limit: 1 })).toEqual(['SYR>RUS']);
  });

  it('counts only the articles whose stance for a pair is at least minConfidence confident', async () => {
    await store.recordAnalysis(await newArticle('C1.'), analysisWith([
      { source: 'IRN', target: 'USA', score: -0.6, confidence: 0.9 },
      { source: 'SYR', target: 'RUS', score: 0.5, confidence: 0.3 },
    ]));
    await store.recordAnalysis(await newArticle('C2.'), analysisWith([{ source: 'IRN', target: 'USA', score: -0.2, confidence: 0.4 }]));
    const rows = async (minConfidence?: number) =>
      (await store.summary({ minConfidence })).pairs.map((p) => `${p.source.id}>${p.target.id} ${p.articles} ${p.mean}`).sort();
    expect(await rows()).toEqual(['IRN>USA 2 -0.4', 'SYR>RUS 1 0.5']);
    expect(await rows(0.35)).toEqual(['IRN>USA 2 -0.4']);
    expect(await rows(0.5)).toEqual(['IRN>USA 1 -0.6']);
    expect(await rows(0.95)).toEqual([]);
  });

  it('keeps actor ids that are not plain codes out of key names, and gives them back intact', async () => {
    const odd = 'E:1 {x}*';
    await store.recordAnalysis(await newArticle('Odd ids.'), analysisWith([{ source: odd, target: 'USA', score: -0.3 }]));
    const { pairs } = await store.summary({ source: odd });
    expect(pairs[0].source).toEqual({ id: odd, name: `Name of ${odd}` });
    // Braces only in the shards' hash tags ({prefix:N}), which keys.ts puts there.
    const keys = (await redis.keys(`${store.keys.prefix}:*`)).map((k) => k.replace(/\{[^{}]+:\d+\}/, 'shard'));
    expect(keys.some((k) => k.includes(' ') || k.includes('{') || k.includes('}'))).toBe(false);
  });
});
