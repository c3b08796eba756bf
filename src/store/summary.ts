// The stance summary: one row per directed actor pair. Without a date range it reads the
// running totals the record script keeps; with one, it adds up the contributions of the
// articles published in the range. Both build their rows with the same code.
import type Redis from 'ioredis';
import { byStrength, EVIDENCE_PER_PAIR, type StoredContribution } from './contributions';
import { fromKeyPart, pairToken, type Keys } from './keys';
import { pipelineResults } from './redis';

export interface SummaryFilters {
  /** Actor ids; a trailing `*` matches every id that starts with the rest (`IRN*`). */
  source?: string;
  target?: string;
  /** Either side of the pair. */
  actor?: string;
  /** Epoch ms, inclusive. */
  from?: number;
  to?: number;
  minArticles?: number;
  /**
   * Only the articles whose stance for the pair is at least this confident (0–1): a row adds up
   * those articles alone. Articles analysed before stances had a confidence count as 0.
   */
  minConfidence?: number;
  /** The order of the rows (see compareRows); most articles first by default. */
  sort?: SummarySort;
  /** Most rows returned. */
  limit?: number;
  /** Rows after this one in the order (the last row of the previous page, in the same sort). */
  after?: SummaryPosition;
}

/**
 * `articles`: most articles first; `mean`: most hostile first (lowest mean); `-mean`: most
 * friendly first; `recent`: latest lastSeen first.
 */
export const SUMMARY_SORTS = ['articles', 'mean', '-mean', 'recent'] as const;
export type SummarySort = (typeof SUMMARY_SORTS)[number];

/**
 * Where a row stands in an order: its key (a number that sorts ascending: minus the articles,
 * the mean, minus the mean, minus lastSeen in ms), its source id and its target id.
 */
export interface SummaryPosition {
  key: number;
  source: string;
  target: string;
}

export interface PairSummary {
  source: { id: string; name: string };
  target: { id: string; name: string };
  mean: number;
  articles: number;
  positive: number;
  negative: number;
  neutral: number;
  firstSeen: string;
  lastSeen: string;
  evidence: { articleId: string; text: string; score: number }[];
}

export interface StanceSummary {
  /** Rows that pass the filters, on every page. */
  total: number;
  pairs: PairSummary[];
  /** The last row's position when more rows follow: the next page starts after it. */
  next: SummaryPosition | null;
}

/**
 * The summary's order, stable from page to page: by the sort's key, then by source id, then by
 * target id (code-point order of the ids). A pair is one row, so no two rows tie.
 */
export function compareRows(a: SummaryPosition, b: SummaryPosition): number {
  return a.key - b.key || compareIds(a.source, b.source) || compareIds(a.target, b.target);
}

function sortKey(f: PairFigures, sort: SummarySort): number {
  if (sort === 'articles') return -f.articles;
  if (sort === 'recent') return -f.lastSeen;
  const mean = round(f.scoreSum / f.articles);
  return sort === 'mean' ? mean : -mean;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What a row is built from, whichever way it was read. */
interface PairFigures {
  pair: string;
  articles: number;
  scoreSum: number;
  positive: number;
  negative: number;
  neutral: number;
  firstSeen: number;
  lastSeen: number;
  /** Contributions that hold the strongest evidence, with their article ids. */
  strongest: { articleId: string; contribution: StoredContribution }[];
}

const DEFAULT_LIMIT = 100;

export async function readSummary(redis: Redis, keys: Keys, filters: SummaryFilters): Promise<StanceSummary> {
  const pairs = (await redis.smembers(keys.pairs)).map(splitPair).filter((p) => matches(p, filters));
  // A date range or a confidence floor counts articles one by one; otherwise the totals serve.
  const ranged = filters.from !== undefined || filters.to !== undefined || filters.minConfidence !== undefined;
  const figures = ranged
    ? await figuresInRange(redis, keys, pairs.map((p) => p.token), filters.from ?? -Infinity, filters.to ?? Infinity, filters.minConfidence ?? 0)
    : await figuresFromTotals(redis, keys, pairs.map((p) => p.token));
  const positioned = figures
    .filter((f) => f.articles > 0 && f.articles >= (filters.minArticles ?? 1))
    .map((f) => {
      const { source, target } = splitPair(f.pair);
      return { f, at: { key: sortKey(f, filters.sort ?? 'articles'), source, target } };
    })
    .sort((a, b) => compareRows(a.at, b.at));
  const { after } = filters;
  const start = after === undefined ? 0 : positioned.findIndex(({ at }) => compareRows(at, after) > 0);
  const limit = filters.limit ?? DEFAULT_LIMIT;
  const page = start < 0 ? [] : positioned.slice(start, start + limit);
  const more = start >= 0 && start + limit < positioned.length;
  const last = page[page.length - 1];
  const names = await actorNames(redis, keys, page.map(({ f }) => f.pair));
  return {
    total: positioned.length,
    pairs: page.map(({ f }) => toRow(f, names)),
    next: more && last ? last.at : null,
  };
}

export interface PairArticle {
  articleId: string;
  title: string | null;
  /** The article's date in the summary (publishedAt, else receivedAt). */
  publishedAt: string;
  score: number;
  evidence: { text: string; score: number }[];
}

/** Every article that contributed to a directed pair, newest first (at most `limit`). */
export async function readPairArticles(
  redis: Redis,
  keys: Keys,
  source: string,
  target: string,
  limit: number,
): Promise<{ total: number; articles: PairArticle[] }> {
  const token = pairToken(source, target);
  const [total, ids] = await Promise.all([
    redis.zcard(keys.pairByDate(token)),
    redis.zrange(keys.pairByDate(token), 0, String(limit - 1), 'REV'),
  ]);
  const [[contributions], titles] = await Promise.all([
    readContributions(redis, keys, [{ pair: token, ids }]),
    titlesOf(redis, keys, ids),
  ]);
  return {
    total,
    articles: contributions.map(({ articleId, contribution: c }) => ({
      articleId,
      title: titles.get(articleId) ?? null,
      publishedAt: new Date(c.publishedAt).toISOString(),
      score: round(c.score),
      evidence: c.evidence.map((e) => ({ text: e.text, score: round(e.score) })),
    })),
  };
}

function splitPair(token: string): { token: string; source: string; target: string } {
  const [source, target] = token.split('>');
  return { token, source: fromKeyPart(source), target: fromKeyPart(target) };
}

function matches(pair: { source: string; target: string }, filters: SummaryFilters): boolean {
  const is = (id: string, wanted: string | undefined) =>
    wanted === undefined || (wanted.endsWith('*') ? id.startsWith(wanted.slice(0, -1)) : id === wanted);
  return (
    is(pair.source, filters.source) &&
    is(pair.target, filters.target) &&
    (filters.actor === undefined || is(pair.source, filters.actor) || is(pair.target, filters.actor))
  );
}

async function figuresFromTotals(redis: Redis, keys: Keys, pairs: string[]): Promise<PairFigures[]> {
  const read = redis.pipeline();
  for (const pair of pairs) {
    read.hgetall(keys.pairTotals(pair));
    read.zrange(keys.pairByDate(pair), 0, '0', 'WITHSCORES');
    read.zrange(keys.pairByDate(pair), -1, '-1', 'WITHSCORES');
    read.zrange(keys.pairByStrength(pair), 0, String(EVIDENCE_PER_PAIR - 1), 'REV');
  }
  const replies = pipelineResults(await read.exec());
  const partial = pairs.map((pair, i) => {
    const [totals, first, last, strongestIds] = replies.slice(4 * i, 4 * i + 4) as [
      Record<string, string>, string[], string[], string[],
    ];
    return {
      pair,
      articles: Number(totals.articles ?? 0),
      scoreSum: Number(totals.scoreSum ?? 0),
      positive: Number(totals.positive ?? 0),
      negative: Number(totals.negative ?? 0),
      neutral: Number(totals.neutral ?? 0),
      firstSeen: Number(first[1]),
      lastSeen: Number(last[1]),
      strongestIds,
    };
  });
  const contributions = await readContributions(redis, keys, partial.map((p) => ({ pair: p.pair, ids: p.strongestIds })));
  return partial.map(({ strongestIds, ...f }, i) => ({ ...f, strongest: contributions[i] }));
}

async function figuresInRange(redis: Redis, keys: Keys, pairs: string[], from: number, to: number, minConfidence: number): Promise<PairFigures[]> {
  const read = redis.pipeline();
  for (const pair of pairs) read.zrangebyscore(keys.pairByDate(pair), bound(from), bound(to));
  const ids = pipelineResults(await read.exec()) as string[][];
  const contributions = await readContributions(redis, keys, pairs.map((pair, i) => ({ pair, ids: ids[i] })));
  return pairs.map((pair, i) => {
    const all = minConfidence > 0 ? contributions[i].filter(({ contribution }) => (contribution.confidence ?? 0) >= minConfidence) : contributions[i];
    const sum = (field: 'score' | 'positive' | 'negative' | 'neutral') =>
      all.reduce((total, { contribution }) => total + contribution[field], 0);
    const dates = all.map(({ contribution }) => contribution.publishedAt);
    return {
      pair,
      articles: all.length,
      scoreSum: sum('score'),
      positive: sum('positive'),
      negative: sum('negative'),
      neutral: sum('neutral'),
      firstSeen: Math.min(...dates),
      lastSeen: Math.max(...dates),
      strongest: [...all].sort((a, b) => b.contribution.strength - a.contribution.strength).slice(0, EVIDENCE_PER_PAIR),
    };
  });
}

/** The contributions of the given articles to each pair, one list per request, in order. */
async function readContributions(
  redis: Redis,
  keys: Keys,
  requests: { pair: string; ids: string[] }[],
): Promise<{ articleId: string; contribution: StoredContribution }[][]> {
  const read = redis.pipeline();
  for (const { pair, ids } of requests) {
    if (ids.length) read.hmget(keys.pairContributions(pair), ...ids);
  }
  const replies = pipelineResults(await read.exec()) as (string | null)[][];
  let next = 0;
  return requests.map(({ ids }) => {
    if (!ids.length) return [];
    const values = replies[next++];
    return ids.flatMap((articleId, i) =>
      values[i] === null ? [] : [{ articleId, contribution: JSON.parse(values[i] as string) as StoredContribution }],
    );
  });
}

export type TimelineInterval = 'week' | 'month';

export interface TimelineBucket {
  /** The first day of the week (Monday, UTC) or month, YYYY-MM-DD. */
  start: string;
  /** Articles with a stance of a matching pair dated in the bucket. */
  articles: number;
  /** Mean of the matching pairs' article scores in the bucket (each article and pair one vote). */
  mean: number;
  positive: number;
  negative: number;
  neutral: number;
}

/**
 * The stance of the pairs that match `source` and `target` (ids or prefixes with *, as in the
 * summary) per week or month, from the articles' contributions by date. Buckets without an
 * article are left out.
 */
export async function readTimeline(
  redis: Redis,
  keys: Keys,
  filters: Pick<SummaryFilters, 'source' | 'target' | 'actor' | 'from' | 'to'>,
  interval: TimelineInterval,
): Promise<TimelineBucket[]> {
  const pairs = (await redis.smembers(keys.pairs)).map(splitPair).filter((p) => matches(p, filters));
  const read = redis.pipeline();
  for (const { token } of pairs) read.zrangebyscore(keys.pairByDate(token), bound(filters.from ?? -Infinity), bound(filters.to ?? Infinity));
  const ids = pipelineResults(await read.exec()) as string[][];
  const contributions = await readContributions(redis, keys, pairs.map(({ token }, i) => ({ pair: token, ids: ids[i] })));
  const buckets = new Map<string, { articles: Set<string>; sum: number; votes: number; positive: number; negative: number; neutral: number }>();
  for (const { articleId, contribution: c } of contributions.flat()) {
    const start = bucketStart(c.publishedAt, interval);
    let bucket = buckets.get(start);
    if (!bucket) buckets.set(start, (bucket = { articles: new Set(), sum: 0, votes: 0, positive: 0, negative: 0, neutral: 0 }));
    bucket.articles.add(articleId);
    bucket.sum += c.score;
    bucket.votes += 1;
    bucket.positive += c.positive;
    bucket.negative += c.negative;
    bucket.neutral += c.neutral;
  }
  return [...buckets]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([start, b]) => ({ start, articles: b.articles.size, mean: round(b.sum / b.votes), positive: b.positive, negative: b.negative, neutral: b.neutral }));
}

/** The first day of the UTC week (from Monday) or month holding a moment. */
export function bucketStart(ms: number, interval: TimelineInterval): string {
  const day = new Date(ms);
  const first = interval === 'month'
    ? Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1)
    : Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return new Date(first).toISOString().slice(0, 10);
}

async function titlesOf(redis: Redis, keys: Keys, articleIds: string[]): Promise<Map<string, string>> {
  if (!articleIds.length) return new Map();
  const read = redis.pipeline();
  for (const id of articleIds) read.hget(keys.article(id), 'title');
  const titles = pipelineResults(await read.exec()) as (string | null)[];
  return new Map(articleIds.flatMap((id, i) => (titles[i] === null ? [] : [[id, titles[i] as string]])));
}

async function actorNames(redis: Redis, keys: Keys, pairs: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(pairs.flatMap((token) => { const p = splitPair(token); return [p.source, p.target]; }))];
  if (!ids.length) return new Map();
  const names = await redis.hmget(keys.actorNames, ...ids);
  return new Map(ids.map((id, i) => [id, names[i] ?? id]));
}

function toRow(f: PairFigures, names: Map<string, string>): PairSummary {
  const { source, target } = splitPair(f.pair);
  const evidence = f.strongest
    .flatMap(({ articleId, contribution }) => contribution.evidence.map((e) => ({ articleId, text: e.text, score: round(e.score) })))
    .sort(byStrength)
    .slice(0, EVIDENCE_PER_PAIR);
  return {
    source: { id: source, name: names.get(source) ?? source },
    target: { id: target, name: names.get(target) ?? target },
    mean: round(f.scoreSum / f.articles),
    articles: f.articles,
    positive: f.positive,
    negative: f.negative,
    neutral: f.neutral,
    firstSeen: new Date(f.firstSeen).toISOString(),
    lastSeen: new Date(f.lastSeen).toISOString(),
    evidence,
  };
}

function bound(value: number): string {
  return value === Infinity ? '+inf' : value === -Infinity ? '-inf' : String(value);
}

/** Four decimals: enough for a mean in [-1, 1] and free of float noise from the running sums. */
function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
