// The stance summary: one row per directed actor pair. Without a date range it reads the
// running totals the record script keeps; with one, it adds up the contributions of the
// articles published in the range. Both build their rows with the same code.
import type Redis from 'ioredis';
import { byStrength, EVIDENCE_PER_PAIR, type StoredContribution } from './contributions';
import { fromKeyPart, type Keys } from './keys';
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
  /** Most rows returned (the pairs with most articles first). */
  limit?: number;
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
  pairs: PairSummary[];
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
  const ranged = filters.from !== undefined || filters.to !== undefined;
  const figures = ranged
    ? await figuresInRange(redis, keys, pairs.map((p) => p.token), filters.from ?? -Infinity, filters.to ?? Infinity)
    : await figuresFromTotals(redis, keys, pairs.map((p) => p.token));
  const rows = figures
    .filter((f) => f.articles > 0 && f.articles >= (filters.minArticles ?? 1))
    .sort((a, b) => b.articles - a.articles || Math.abs(b.scoreSum / b.articles) - Math.abs(a.scoreSum / a.articles))
    .slice(0, filters.limit ?? DEFAULT_LIMIT);
  const names = await actorNames(redis, keys, rows.map((f) => f.pair));
  return { pairs: rows.map((f) => toRow(f, names)) };
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

async function figuresInRange(redis: Redis, keys: Keys, pairs: string[], from: number, to: number): Promise<PairFigures[]> {
  const read = redis.pipeline();
  for (const pair of pairs) read.zrangebyscore(keys.pairByDate(pair), bound(from), bound(to));
  const ids = pipelineResults(await read.exec()) as string[][];
  const contributions = await readContributions(redis, keys, pairs.map((pair, i) => ({ pair, ids: ids[i] })));
  return pairs.map((pair, i) => {
    const all = contributions[i];
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
