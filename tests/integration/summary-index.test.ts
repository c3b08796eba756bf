// The summary read from the store's indexes (layout 4) against the summary worked out here from
// the analyses alone — the answers layout 3 gave, which added up every contribution: every
// sort, filter and page size, paged to the end through the cursors. Then a layout-3 store of
// the same articles, migrated at start, gives the same answers and keeps no layout-3 key.
import type Redis from 'ioredis';
import type { Analysis } from '../../src/analysis/types';
import { mulberry32 } from '../../src/ml/random';
import { packPart, packText } from '../../src/store/article-codec';
import { ArticleStore, type StoredArticle } from '../../src/store/article-store';
import { articleIdFor, jobIdFor } from '../../src/store/article-id';
import { contributionsOf, EVIDENCE_PER_PAIR, keptOrder, type Contribution } from '../../src/store/contributions';
import { migrateStore } from '../../src/store/migrate';
import { createRedis } from '../../src/store/redis';
import type { PairSummary, SummaryFilters, SummarySort, TimelineBucket } from '../../src/store/summary';
import { testConfig } from '../setup/helpers';

const ACTORS = ['IRN', 'IRNGOV', 'IRNMIL', 'USA', 'USAGOV', 'SYR', 'SYRREB', 'RUS', 'name:jane-roe', 'name:john-doe', 'author:article', 'E:1 {x}*'];
const SENTENCES = ['Iran condemned the sanctions.', 'The talks went well.', 'Washington warned Tehran.', 'A mild remark followed.', 'They praised the deal.'];

interface Made {
  article: StoredArticle & { text: string };
  analysis: Analysis;
}

/** Articles with random stances among IDS (and more people): many pairs of one article, ties of every kind. */
async function makeArticles(store: ArticleStore, count: number, seed: number, people = 0): Promise<Made[]> {
  const random = mulberry32(seed);
  const IDS = [...ACTORS, ...Array.from({ length: people }, (_, i) => `name:person-${i}`)];
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const made: Made[] = [];
  for (let i = 0; i < count; i++) {
    const text = Array.from({ length: 4 }, () => pick(SENTENCES)).join(' ') + ` Article ${seed}-${i}.`;
    const publishedAt = `2019-0${1 + Math.floor(random() * 3)}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    const id = articleIdFor({ text });
    await store.register([{ id, jobId: jobIdFor(id), article: { text, publishedAt } }]);
    const pairs = new Map<string, [string, string]>();
    for (let k = 0; k < 1 + Math.floor(random() * 5); k++) {
      const source = pick(IDS);
      const target = pick(IDS.filter((t) => t !== source));
      pairs.set(`${source}>${target}`, [source, target]);
    }
    const stances = [...pairs.values()].map(([source, target]) => {
      const score = Math.round((random() * 2 - 1) * 4) / 4; // quarters: equal means on purpose
      const evidence = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
        const sentence = pick(SENTENCES.filter((s) => text.includes(s)));
        const start = text.indexOf(sentence);
        return { start, end: start + sentence.length, text: sentence, score: Math.round((random() * 2 - 1) * 100) / 100 };
      });
      return { source, target, score, polarity: (score > 0 ? 1 : score < 0 ? -1 : 0) as -1 | 0 | 1, confidence: Math.round(random() * 100) / 100, evidence };
    });
    const analysis: Analysis = { quotes: [], actors: IDS.map((a) => ({ id: a, name: `Name of ${a}`, type: 'country', mentions: [] })), stances };
    const article = { ...((await store.get(id)) as StoredArticle), text };
    await store.recordAnalysis(article, analysis);
    made.push({ article, analysis });
  }
  return made;
}

/** The summary as the contributions add up, in the documented order. */
function expectedRows(made: Made[], filters: SummaryFilters): PairSummary[] {
  const byPair = new Map<string, { c: Contribution; articleId: string; text: string }[]>();
  for (const { article, analysis } of made) {
    for (const c of contributionsOf(analysis, Date.parse(article.publishedAt as string))) {
      const list = byPair.get(c.pair) ?? [];
      byPair.set(c.pair, list);
      list.push({ c, articleId: article.id, text: article.text });
    }
  }
  const is = (id: string, wanted?: string) => wanted === undefined || (wanted.endsWith('*') ? id.startsWith(wanted.slice(0, -1)) : id === wanted);
  const rows = [...byPair.values()].map((list) => {
    const { source, target } = list[0].c;
    const nanos = list.reduce((sum, { c }) => sum + Math.round(c.score * 1e9), 0);
    const dates = list.map(({ c }) => c.publishedAt);
    const evidence = list
      .flatMap(({ c, articleId, text }) => c.evidence.map((e) => ({ articleId, start: e.start, end: e.end, score: Math.round(e.score * 1e9) / 1e9, text: text.slice(e.start, e.end) })))
      .sort(keptOrder)
      .slice(0, EVIDENCE_PER_PAIR)
      .map(({ articleId, text, score }) => ({ articleId, text, score: Math.round(score * 1e4) / 1e4 }));
    return {
      source: { id: source, name: `Name of ${source}` },
      target: { id: target, name: `Name of ${target}` },
      mean: Math.floor(nanos / list.length / 1e5 + 0.5) / 1e4,
      articles: list.length,
      positive: list.reduce((s, { c }) => s + c.positive, 0),
      negative: list.reduce((s, { c }) => s + c.negative, 0),
      neutral: list.reduce((s, { c }) => s + c.neutral, 0),
      firstSeen: new Date(Math.min(...dates)).toISOString(),
      lastSeen: new Date(Math.max(...dates)).toISOString(),
      evidence,
    };
  });
  const bytes = (s: string) => Buffer.from(s, 'utf8');
  const ids = (a: PairSummary, b: PairSummary) => Buffer.compare(bytes(a.source.id), bytes(b.source.id)) || Buffer.compare(bytes(a.target.id), bytes(b.target.id));
  const key = (r: PairSummary, sort: SummarySort) =>
    sort === 'articles' ? -r.articles : sort === 'recent' ? -Date.parse(r.lastSeen) : sort === 'mean' ? r.mean : -r.mean;
  const sort = filters.sort ?? 'articles';
  return rows
    .filter((r) => is(r.source.id, filters.source) && is(r.target.id, filters.target))
    .filter((r) => filters.actor === undefined || is(r.source.id, filters.actor) || is(r.target.id, filters.actor))
    .filter((r) => r.articles >= (filters.minArticles ?? 1))
    .sort((a, b) => key(a, sort) - key(b, sort) || (sort === '-mean' ? -ids(a, b) : ids(a, b)));
}

/** The time line as the contributions add up: per day, each (pair, article) one vote. */
function expectedTimeline(made: Made[], filters: SummaryFilters): TimelineBucket[] {
  const rows = new Set(expectedRows(made, filters).map((r) => `${r.source.id}>${r.target.id}`));
  const days = new Map<string, { n: number; nanos: number; positive: number; negative: number; neutral: number }>();
  for (const { article, analysis } of made) {
    for (const c of contributionsOf(analysis, Date.parse(article.publishedAt as string))) {
      if (!rows.has(`${c.source}>${c.target}`)) continue;
      const day = new Date(c.publishedAt).toISOString().slice(0, 10);
      const b = days.get(day) ?? { n: 0, nanos: 0, positive: 0, negative: 0, neutral: 0 };
      days.set(day, b);
      b.n += 1;
      b.nanos += Math.round(c.score * 1e9);
      b.positive += c.positive;
      b.negative += c.negative;
      b.neutral += c.neutral;
    }
  }
  return [...days]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([start, b]) => ({ start, articles: b.n, mean: Math.round((b.nanos / b.n / 1e9) * 1e4) / 1e4, positive: b.positive, negative: b.negative, neutral: b.neutral }));
}

const TIMELINES: SummaryFilters[] = [
  { source: 'IRN' }, { source: 'IRNGOV' }, { target: 'USA*' }, { actor: 'SYR*' }, { actor: 'IRN*' }, { actor: 'USAGOV' },
  { actor: 'name:john-doe' }, { source: 'IRN*', target: 'USA*' }, { actor: 'IRNGOV*' },
];

/**
 * After a re-analysis took evidence back, a pair keeps the strongest of what it had kept (it
 * cannot fetch back pieces it let go): the rows but their evidence are exact, and the evidence is
 * some of the pair's pieces, strongest first.
 */
function expectAfterTakingBack(rows: PairSummary[], expected: PairSummary[], made: Made[]): void {
  const bare = (list: PairSummary[]) => list.map(({ evidence, ...row }) => row);
  expect(bare(rows)).toEqual(bare(expected));
  const pieces = new Set(made.flatMap(({ article, analysis }) => analysis.stances.flatMap((st) => st.evidence.map((e) => `${st.source}>${st.target} ${article.id} ${e.text} ${Math.round(e.score * 1e4) / 1e4}`))));
  for (const row of rows) {
    expect(row.evidence.length).toBeLessThanOrEqual(EVIDENCE_PER_PAIR);
    for (const e of row.evidence) expect(pieces.has(`${row.source.id}>${row.target.id} ${e.articleId} ${e.text} ${e.score}`)).toBe(true);
    expect(row.evidence.map((e) => -Math.abs(e.score))).toEqual(row.evidence.map((e) => -Math.abs(e.score)).sort((a, b) => a - b));
  }
}

/** Every page of the summary, following the cursors. */
async function allPages(store: ArticleStore, filters: SummaryFilters, limit: number): Promise<{ rows: PairSummary[]; totals: number[] }> {
  const rows: PairSummary[] = [];
  const totals: number[] = [];
  let after: SummaryFilters['after'];
  for (let page = 0; page < 1000; page++) {
    const { pairs, next, total } = await store.summary({ ...filters, limit, after });
    rows.push(...pairs);
    totals.push(total);
    if (!next) break;
    after = next;
  }
  return { rows, totals };
}

const FILTERS: SummaryFilters[] = [
  {}, { source: 'IRN*' }, { source: 'IRN' }, { source: 'IRNGOV' }, { target: 'USA*' }, { target: 'name:jane-roe' },
  { actor: 'SYR*' }, { actor: 'name:john-doe' }, { source: 'IRN*', target: 'USA*' }, { minArticles: 2 }, { source: 'E:1 {x}*' },
  { actor: 'IRN*', minArticles: 2 }, { actor: 'IRNGOV*' }, { actor: 'IRN' }, { target: 'IRN*', minArticles: 2 },
];
const SORTS: SummarySort[] = ['articles', 'recent', 'mean', '-mean'];

let redis: Redis;
let store: ArticleStore;
let made: Made[];
// One shard and more articles: every index spans several pages (scripts.ts PAGED_INDEX).
let paged: ArticleStore;
let pagedMade: Made[];

beforeAll(async () => {
  const config = testConfig();
  redis = createRedis(config.redisUrl);
  store = new ArticleStore(redis, config.keyPrefix);
  made = await makeArticles(store, 60, 7);
  paged = new ArticleStore(redis, `${config.keyPrefix}-paged`, 1);
  pagedMade = await makeArticles(paged, 150, 11, 30);
});
afterAll(async () => {
  await redis.quit();
});

describe('the summary from one shard whose indexes span several pages', () => {
  it('has indexes of several pages', async () => {
    expect(await redis.zcard(paged.keys.index(0, 'articles'))).toBeGreaterThan(2);
    expect(await redis.zcard(paged.keys.index(0, 'target~'))).toBeGreaterThan(1);
  });

  it.each(SORTS)('gives every row of every filter once, in the documented order, paged by cursors (sort %s)', async (sort) => {
    for (const filters of FILTERS) {
      const expected = expectedRows(pagedMade, { ...filters, sort });
      for (const limit of [3, 1000]) {
        const { rows, totals } = await allPages(paged, { ...filters, sort }, limit);
        expect({ filters, limit, rows }).toEqual({ filters, limit, rows: expected });
        expect(new Set(totals)).toEqual(new Set([expected.length]));
      }
    }
  });

  it('stays right when articles are analysed again with fewer pairs (pages emptied)', async () => {
    const now = pagedMade.map((m, i) => (i % 2 ? m : { ...m, analysis: { ...m.analysis, stances: m.analysis.stances.slice(0, 1) } }));
    for (const [i, m] of now.entries()) if (i % 2 === 0) await paged.recordAnalysis(m.article, m.analysis);
    for (const sort of SORTS) expectAfterTakingBack((await allPages(paged, { sort }, 7)).rows, expectedRows(now, { sort }), now);
    for (const filters of TIMELINES) expect(await paged.timeline(filters, 'day')).toEqual(expectedTimeline(now, filters));
    expect(await paged.pairCount()).toBe(expectedRows(now, {}).length);
  });
});

describe('the summary from the indexes', () => {
  it.each(SORTS)('gives every row of every filter once, in the documented order, paged by cursors (sort %s)', async (sort) => {
    for (const filters of FILTERS) {
      const expected = expectedRows(made, { ...filters, sort });
      for (const limit of [1, 7, 1000]) {
        const { rows, totals } = await allPages(store, { ...filters, sort }, limit);
        expect({ filters, limit, rows }).toEqual({ filters, limit, rows: expected });
        expect(new Set(totals)).toEqual(new Set([expected.length]));
      }
    }
  });

  it('gives every actor\'s and country\'s time line per day as the contributions add up', async () => {
    for (const filters of TIMELINES) expect({ filters, days: await store.timeline(filters, 'day') }).toEqual({ filters, days: expectedTimeline(made, filters) });
  });

  it('stays right when an article is analysed again with other pairs and when one is taken back', async () => {
    const [first] = made;
    const replaced: Analysis = { ...first.analysis, stances: first.analysis.stances.slice(1).map((s) => ({ ...s, score: -s.score })) };
    await store.recordAnalysis(first.article, replaced);
    const now = [{ ...first, analysis: replaced }, ...made.slice(1)];
    for (const sort of SORTS) expectAfterTakingBack((await allPages(store, { sort }, 5)).rows, expectedRows(now, { sort }), now);
    for (const filters of TIMELINES) expect(await store.timeline(filters, 'day')).toEqual(expectedTimeline(now, filters));
    await store.recordAnalysis(first.article, first.analysis);
    expect((await allPages(store, {}, 1000)).rows).toEqual(expectedRows(made, {}));
  });
});

describe('a layout-3 store of the same articles, migrated', () => {
  it('gives the same answers and keeps no layout-3 key', async () => {
    const prefix = `${testConfig().keyPrefix}-l3`;
    const old = new ArticleStore(redis, prefix);
    // The article hashes as layout 3 wrote them (packed parts and tallies), with its pair keys.
    for (const { article, analysis } of made) {
      const key = old.keys.article(article.id);
      const tallies = contributionsOf(analysis, Date.parse(article.publishedAt as string)).map((c) => [c.pair, c.score, c.positive, c.negative, c.neutral, c.publishedAt, 0]);
      await redis.hset(key, {
        meta: JSON.stringify({ publishedAt: article.publishedAt }), receivedAt: article.receivedAt, jobId: jobIdFor(article.id), status: 'completed', version: 1,
        analysedAt: article.receivedAt, counts: JSON.stringify({ quotes: 0, actors: analysis.actors.length, stances: analysis.stances.length }),
        'packed:text': packText(article.text), 'packed:quotes': packPart([], article.text), 'packed:actors': packPart(analysis.actors, article.text),
        'packed:stances': packPart(analysis.stances, article.text), tallies: JSON.stringify(tallies),
      });
      for (const [pair] of tallies) await redis.hset(`${prefix}:pair:${pair}:totals`, 'articles', 1);
      await redis.sadd(`${prefix}:pairs`, ...tallies.map(([pair]) => String(pair)));
    }
    await redis.set(`${prefix}:store-layout`, '3');
    await migrateStore(redis, old.keys);
    for (const sort of SORTS) expect((await allPages(old, { sort }, 9)).rows).toEqual(expectedRows(made, { sort }));
    expect(await redis.keys(`${prefix}:pair:*`)).toEqual([]);
    expect(await redis.exists(`${prefix}:pairs`)).toBe(0);
    expect(await redis.smembers(old.keys.unsettled)).toEqual([]);
    expect(await redis.hget(old.keys.article(made[0].article.id), 'tallies')).toBeNull();
  });
});
