// The stance summary: one row per directed actor pair, read from the indexes the pair updates
// keep (pair-index.ts) so a page costs O(log n + page) however many pairs are stored: the
// shards' indexes are read from the cursor on and merged. Filters the indexes do not order
// (a date range, a confidence floor, another sort within one actor's pairs) read the matching
// pairs whole and sort them here. Every way builds its rows with the same code.
import type { RedisClient } from './redis';
import { byStrength, EVIDENCE_FIELDS, EVIDENCE_PER_PAIR, parseContribution, parseEvidence, type KeptEvidence, type StoredContribution } from './contributions';
import { unpackPart, unpackText } from './article-codec';
import type { Keys, IndexName } from './keys';
import type { ScriptCall } from './pair-writer';
import { countryOf, fewerThan, indexForSide, meanOf, memberAt, pairOfMember, rangeOf, sortOfIndex, type SortKeyed } from './pair-index';
import type { StanceOut } from '../analysis/types';

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
 * target id (byte order of their UTF-8); `-mean` is the exact reverse of `mean`, ids too. A
 * pair is one row, so no two rows tie.
 */
export function compareRows(a: SummaryPosition, b: SummaryPosition, sort: SummarySort = 'articles'): number {
  const ids = compareIds(a.source, b.source) || compareIds(a.target, b.target);
  return a.key - b.key || (sort === '-mean' ? -ids : ids);
}

function sortKey(f: PairFigures, sort: SummarySort): number {
  if (sort === 'articles') return -f.articles;
  if (sort === 'recent') return -f.lastSeen;
  const mean = meanOf({ articles: f.articles, scoreNanos: f.scoreNanos });
  return sort === 'mean' ? mean : -mean;
}

function compareIds(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** What a row is built from, whichever way it was read. */
interface PairFigures {
  source: string;
  target: string;
  articles: number;
  /** Sum of the articles' scores, units of 1e-9. */
  scoreNanos: number;
  positive: number;
  negative: number;
  neutral: number;
  firstSeen: number;
  lastSeen: number;
  /** The pair's strongest evidence (of the articles counted), strongest first. */
  evidence: KeptEvidence[];
}

const DEFAULT_LIMIT = 100;
/** Most members read from one index at a time while a page is merged (the first read takes about its share of the page). */
const MAX_CHUNK = 256;

/** Which indexes hold the candidate rows, and the check a row must still pass. */
interface Plan {
  indexes: IndexName[];
  check: ((pair: { source: string; target: string }) => boolean) | null;
  /** No pair is in two of the indexes (an actor's own source and target indexes): their sizes add up. */
  disjoint?: boolean;
  /** The index of the pairs in both (an actor prefix's): the sizes add up less its size. */
  overlap?: IndexName;
}

function planOf(filters: SummaryFilters, sort: SortKeyed): Plan {
  const check = (exact: boolean) => (exact ? null : (p: { source: string; target: string }) => matches(p, filters));
  const both = filters.source !== undefined && filters.target !== undefined;
  if (filters.source !== undefined) {
    const side = indexForSide('source', filters.source);
    return { indexes: [side.name], check: check(side.exact && !both && filters.actor === undefined) };
  }
  if (filters.target !== undefined) {
    const side = indexForSide('target', filters.target);
    return { indexes: [side.name], check: check(side.exact && filters.actor === undefined) };
  }
  if (filters.actor !== undefined) {
    const asSource = indexForSide('source', filters.actor);
    const asTarget = indexForSide('target', filters.actor);
    if (asSource.name === 'articles') return { indexes: ['articles'], check: check(false) };
    // An id's own two indexes share no pair (a pair's source is not its target); a country's
    // share the pairs between two of its ids, which both*:<country> holds.
    const prefix = filters.actor.endsWith('*');
    return {
      indexes: [asSource.name, asTarget.name],
      check: check(asSource.exact),
      disjoint: !prefix,
      ...(prefix && asSource.exact && { overlap: `both*:${filters.actor.slice(0, 3)}` as IndexName }),
    };
  }
  return { indexes: [sort], check: null };
}

export async function readSummary(redis: RedisClient, keys: Keys, filters: SummaryFilters): Promise<StanceSummary> {
  const sort = filters.sort ?? 'articles';
  const indexSort: SortKeyed = sort === '-mean' ? 'mean' : sort;
  const plan = planOf(filters, indexSort);
  const counted = filters.from !== undefined || filters.to !== undefined || filters.minConfidence !== undefined;
  // An index in another order, or a floor on articles the index cannot stop at, is read whole.
  const ordered = plan.indexes.every((name) => sortOfIndex(name) === indexSort) && (indexSort === 'articles' || (filters.minArticles ?? 1) <= 1);
  return counted || !ordered ? summaryInMemory(redis, keys, filters, plan, sort, counted) : summaryFromIndexes(redis, keys, filters, plan, sort);
}

/** A page straight from indexes in the summary's order: merged from the cursor on. */
async function summaryFromIndexes(redis: RedisClient, keys: Keys, filters: SummaryFilters, plan: Plan, sort: SummarySort): Promise<StanceSummary> {
  const limit = filters.limit ?? DEFAULT_LIMIT;
  const reverse = sort === '-mean';
  const indexSort = sortOfIndex(plan.indexes[0]);
  const after = filters.after && memberAt(sort, filters.after.key, filters.after.source, filters.after.target);
  // Below minArticles the articles order has nothing more to give.
  const floor = filters.minArticles !== undefined && filters.minArticles > 1 && indexSort === 'articles' ? fewerThan(filters.minArticles) : null;
  const indexes = plan.indexes.flatMap((name) => shardIndexes(keys, name));
  const share = Math.min(MAX_CHUNK, Math.ceil((limit + 1) / indexes.length) + 4);
  const streams = indexes.map((index) => new IndexStream(redis, index, after, reverse, floor, share));
  const found: { source: string; target: string }[] = [];
  const minArticles = filters.minArticles ?? 1;
  let more = false;
  let previous: Buffer | null = null;
  for (;;) {
    const member = await nextOf(streams, reverse);
    if (member === null) break;
    if (previous && previous.equals(member)) continue; // a pair in both of an actor's indexes
    previous = member;
    const pair = pairOfMember(member, indexSort);
    if (plan.check && !plan.check(pair)) continue;
    if (found.length === limit) {
      more = true;
      break;
    }
    found.push(pair);
  }
  const figures = await figuresOf(redis, keys, found);
  const rows = figures.filter((f) => f.articles >= minArticles);
  const total = await totalOf(redis, keys, plan, floor);
  const last = rows[rows.length - 1];
  return {
    total,
    pairs: await toRows(redis, keys, rows),
    next: more && last ? positionOf(last, sort) : null,
  };
}

/** How many rows pass the filters: counted by the indexes, or, when rows need a check, by reading them. */
async function totalOf(redis: RedisClient, keys: Keys, plan: Plan, floor: Buffer | null): Promise<number> {
  const indexes = plan.indexes.flatMap((name) => shardIndexes(keys, name));
  const count = async (list: ShardIndex[]) => {
    const counts = await Promise.all(
      list.map(async (index) => {
        const { low, high } = bounds(index, null, floor);
        return (await scripts(redis).stanceCountIndex(index.key, index.counts, low, high)) as number;
      }),
    );
    return counts.reduce((sum, n) => sum + n, 0);
  };
  if (!plan.check && (plan.indexes.length === 1 || plan.disjoint)) {
    // recent and mean hold the same pairs as articles, whose count is kept.
    if (plan.indexes.length === 1 && (plan.indexes[0] === 'recent' || plan.indexes[0] === 'mean')) return count(shardIndexes(keys, 'articles'));
    return count(indexes);
  }
  if (!plan.check && plan.overlap) return (await count(indexes)) - (await count(shardIndexes(keys, plan.overlap)));
  return (await candidatesOf(redis, keys, plan, floor)).length;
}

/** Every matching pair read and sorted here: date ranges, confidence floors, other orders within an actor's pairs. */
async function summaryInMemory(redis: RedisClient, keys: Keys, filters: SummaryFilters, plan: Plan, sort: SummarySort, counted: boolean): Promise<StanceSummary> {
  const candidates = await candidatesOf(redis, keys, plan);
  const figures = counted
    ? await countedFiguresOf(redis, keys, candidates, filters.from ?? -Infinity, filters.to ?? Infinity, filters.minConfidence ?? 0)
    : await figuresOf(redis, keys, candidates);
  const positioned = figures
    .filter((f) => f.articles > 0 && f.articles >= (filters.minArticles ?? 1))
    .map((f) => ({ f, at: positionOf(f, sort) }))
    .sort((a, b) => compareRows(a.at, b.at, sort));
  const { after } = filters;
  const start = after === undefined ? 0 : positioned.findIndex(({ at }) => compareRows(at, after, sort) > 0);
  const limit = filters.limit ?? DEFAULT_LIMIT;
  const page = start < 0 ? [] : positioned.slice(start, start + limit);
  const more = start >= 0 && start + limit < positioned.length;
  const last = page[page.length - 1];
  return {
    total: positioned.length,
    pairs: await toRows(redis, keys, page.map(({ f }) => f)),
    next: more && last ? last.at : null,
  };
}

/** The pairs of a plan's indexes that pass its check, each once (before `until` in the articles order, when given). */
async function candidatesOf(redis: RedisClient, keys: Keys, plan: Plan, until: Buffer | null = null): Promise<{ source: string; target: string }[]> {
  const found = new Map<string, { source: string; target: string }>();
  for (const name of plan.indexes) {
    const lists = await Promise.all(shardIndexes(keys, name).map((index) => membersOf(redis, index, until)));
    for (const member of lists.flat()) {
      const pair = pairOfMember(member, sortOfIndex(name));
      if (!plan.check || plan.check(pair)) found.set(`${pair.source}\u0000${pair.target}`, pair);
    }
  }
  return [...found.values()];
}

function positionOf(f: PairFigures, sort: SummarySort): SummaryPosition {
  return { key: sortKey(f, sort), source: f.source, target: f.target };
}

/** One shard's index as stored: its key, and the bytes its members start with there (pair-index.ts rangeOf). */
interface ShardIndex {
  key: string;
  /** The shard's hash of index counts. */
  counts: string;
  prefix: Buffer;
}

function shardIndexes(keys: Keys, name: IndexName): ShardIndex[] {
  const { name: stored, prefix } = rangeOf(name);
  return Array.from({ length: keys.shards }, (_, shard) => ({ key: keys.index(shard, stored), counts: keys.indexCounts(shard), prefix }));
}

/** The store's scripts on a connection (pair-writer.ts defines them; `…Buffer` gives the replies as bytes). */
function scripts(redis: RedisClient): Record<string, ScriptCall> {
  return redis as unknown as Record<string, ScriptCall>;
}

/** A paged index's members in a range (scripts.ts READ_INDEX), the index's prefix taken off. */
async function readIndex(redis: RedisClient, index: ShardIndex, low: Buffer, high: Buffer, limit: number, reverse: boolean): Promise<Buffer[]> {
  const members = (await scripts(redis).stanceReadIndexBuffer(index.key, low, high, limit, reverse ? '1' : '0')) as Buffer[];
  return members.map((m) => m.subarray(index.prefix.length));
}

const exclusive = (bytes: Buffer) => Buffer.concat([Buffer.from('('), bytes]);

/**
 * ZRANGE … BYLEX bounds of an index's members after `from` and before `until` (both exclusive,
 * without the index's prefix; null: from the first, to the last).
 */
function bounds(index: ShardIndex, from: Buffer | null | undefined, until: Buffer | null): { low: Buffer; high: Buffer } {
  const { prefix } = index;
  // Every member of the range starts with the prefix, which ends with a NUL: the range ends
  // before the prefix with that NUL made 1.
  const end = prefix.length ? Buffer.concat([prefix.subarray(0, -1), Buffer.from([1])]) : null;
  return {
    low: from ? exclusive(Buffer.concat([prefix, from])) : prefix.length ? Buffer.concat([Buffer.from('['), prefix]) : Buffer.from('-'),
    high: until ? exclusive(Buffer.concat([prefix, until])) : end ? exclusive(end) : Buffer.from('+'),
  };
}

/** Every member of an index (before `until`), its prefix taken off. */
async function membersOf(redis: RedisClient, index: ShardIndex, until: Buffer | null): Promise<Buffer[]> {
  const { low, high } = bounds(index, null, until);
  return readIndex(redis, index, low, high, 1e9, false);
}

/** One index read in chunks from a member on (exclusive), forwards or backwards. */
class IndexStream {
  private buffered: Buffer[] = [];
  private done = false;

  constructor(
    private readonly redis: RedisClient,
    private readonly index: ShardIndex,
    private from: Buffer | null | undefined,
    private readonly reverse: boolean,
    private readonly floor: Buffer | null,
    private chunk: number,
  ) {}

  async peek(): Promise<Buffer | null> {
    if (!this.buffered.length && !this.done) await this.fill();
    return this.buffered[0] ?? null;
  }

  take(): Buffer | undefined {
    return this.buffered.shift();
  }

  private async fill(): Promise<void> {
    const { low, high } = this.reverse ? bounds(this.index, null, this.from ?? null) : bounds(this.index, this.from, this.floor);
    const chunk = await readIndex(this.redis, this.index, low, high, this.chunk, this.reverse);
    if (chunk.length < this.chunk) this.done = true;
    this.chunk = Math.min(MAX_CHUNK, this.chunk * 2);
    if (chunk.length) this.from = chunk[chunk.length - 1];
    this.buffered.push(...chunk);
  }
}

/** The next member of the merged streams in order (null when all are spent). */
async function nextOf(streams: IndexStream[], reverse: boolean): Promise<Buffer | null> {
  const heads = await Promise.all(streams.map((s) => s.peek()));
  let best = -1;
  heads.forEach((head, i) => {
    if (head === null) return;
    if (best < 0) best = i;
    else {
      const order = Buffer.compare(head, heads[best] as Buffer);
      if (reverse ? order > 0 : order < 0) best = i;
    }
  });
  return best < 0 ? null : (streams[best].take() ?? null);
}

const TOTALS = ['n', 's', 'p', 'g', 'u', 'f', 'l'] as const;

/** The pairs' running totals and kept evidence, in order (pairs gone meanwhile have 0 articles). */
async function figuresOf(redis: RedisClient, keys: Keys, pairs: { source: string; target: string }[]): Promise<PairFigures[]> {
  const values = await Promise.all(pairs.map(({ source, target }) => redis.hmget(keys.pair(source, target), ...TOTALS, ...EVIDENCE_FIELDS)));
  return pairs.map(({ source, target }, i) => {
    const [n, s, p, g, u, f, l, ...evidence] = values[i];
    return {
      source,
      target,
      articles: Number(n ?? 0),
      scoreNanos: Number(s ?? 0),
      positive: Number(p ?? 0),
      negative: Number(g ?? 0),
      neutral: Number(u ?? 0),
      firstSeen: Number(f ?? 0),
      lastSeen: Number(l ?? 0),
      evidence: evidence.flatMap((e) => (e === null ? [] : [parseEvidence(e)].filter((x): x is KeptEvidence => x !== null))),
    };
  });
}

/** The pairs' figures from the articles published in [from, to] and at least minConfidence sure. */
async function countedFiguresOf(
  redis: RedisClient,
  keys: Keys,
  pairs: { source: string; target: string }[],
  from: number,
  to: number,
  minConfidence: number,
): Promise<PairFigures[]> {
  const hashes = await Promise.all(pairs.map(({ source, target }) => redis.hgetall(keys.pair(source, target))));
  return pairs.map(({ source, target }, i) => {
    const all = contributionsIn(hashes[i]).filter((c) => c.publishedAt >= from && c.publishedAt <= to && c.confidence >= minConfidence);
    const counted = new Set(all.map((c) => c.articleId));
    const sum = (field: 'positive' | 'negative' | 'neutral') => all.reduce((total, c) => total + c[field], 0);
    const dates = all.map((c) => c.publishedAt);
    return {
      source,
      target,
      articles: all.length,
      scoreNanos: all.reduce((total, c) => total + Math.round(c.score * 1e9), 0),
      positive: sum('positive'),
      negative: sum('negative'),
      neutral: sum('neutral'),
      firstSeen: Math.min(...dates),
      lastSeen: Math.max(...dates),
      evidence: keptEvidenceIn(hashes[i]).filter((e) => counted.has(e.articleId)),
    };
  });
}

function contributionsIn(hash: Record<string, string>): StoredContribution[] {
  return Object.entries(hash).flatMap(([field, value]) => {
    if (field[0] !== 'a') return [];
    const c = parseContribution(field.slice(1), value);
    return c ? [c] : [];
  });
}

function keptEvidenceIn(hash: Record<string, string>): KeptEvidence[] {
  return EVIDENCE_FIELDS.flatMap((field) => {
    const e = hash[field] === undefined ? null : parseEvidence(hash[field]);
    return e ? [e] : [];
  });
}

export interface PairArticle {
  articleId: string;
  title: string | null;
  /** The article's date in the summary (publishedAt, else receivedAt). */
  publishedAt: string;
  score: number;
  /** The article's evidence for the pair; once retention let the article's text go, the pieces the pair kept. */
  evidence: { text: string; score: number }[];
}

/** Every article that contributed to a directed pair, newest first (at most `limit`). */
export async function readPairArticles(
  redis: RedisClient,
  keys: Keys,
  source: string,
  target: string,
  limit: number,
): Promise<{ total: number; articles: PairArticle[] }> {
  const hash = await redis.hgetall(keys.pair(source, target));
  const all = contributionsIn(hash).sort((a, b) => b.publishedAt - a.publishedAt || compareIds(a.articleId, b.articleId));
  const page = all.slice(0, limit);
  const kept = keptEvidenceIn(hash);
  const articles = await Promise.all(
    page.map(async (c) => {
      const [title, text, stances] = await redis.hmgetBuffer(keys.article(c.articleId), 'title', 'packed:text', 'packed:stances');
      let evidence = kept.filter((e) => e.articleId === c.articleId && e.text !== undefined).map((e) => ({ text: e.text as string, score: round(e.score) }));
      if (text && stances) {
        const plain = unpackText(text);
        const stance = unpackPart<StanceOut[]>(stances, plain).find((s) => s.source === source && s.target === target);
        if (stance) evidence = [...stance.evidence].sort(byStrength).slice(0, EVIDENCE_PER_PAIR).map((e) => ({ text: e.text.slice(0, 600), score: round(e.score) }));
      }
      return { articleId: c.articleId, title: title?.toString('utf8') ?? null, publishedAt: new Date(c.publishedAt).toISOString(), score: round(c.score), evidence };
    }),
  );
  return { total: all.length, articles };
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

export type TimelineInterval = 'day' | 'week' | 'month';

export interface TimelineBucket {
  /** The day, the first day of the week (Monday, UTC) or of the month, YYYY-MM-DD. */
  start: string;
  /** Contributions of the matching pairs dated in the bucket: for one pair, its articles (an article with a stance for two matching pairs counts twice). */
  articles: number;
  /** Mean of the contributions' scores in the bucket (each article and pair one vote). */
  mean: number;
  positive: number;
  negative: number;
  neutral: number;
}

const DAY = 86_400_000;

/**
 * The stance of the pairs that match `source`, `target` and `actor` (ids or prefixes with *, as
 * in the summary) per day, week or month, from the pairs' per-day buckets. Buckets without an
 * article are left out.
 */
export async function readTimeline(
  redis: RedisClient,
  keys: Keys,
  filters: Pick<SummaryFilters, 'source' | 'target' | 'actor' | 'from' | 'to'>,
  interval: TimelineInterval,
): Promise<TimelineBucket[]> {
  const days = actorDayHashes(filters);
  let hashes: { hash: Record<string, string>; sign: 1 | -1 }[];
  if (days) {
    // A CAMEO actor or country toward everyone (or everyone toward it): its own day hashes.
    const shards = Array.from({ length: keys.shards }, (_, shard) => shard);
    const read = (names: IndexName[]) => Promise.all(names.flatMap((name) => shards.map((shard) => redis.hgetall(keys.days(shard, name)))));
    hashes = [
      ...(await read(days.add)).map((hash) => ({ hash, sign: 1 as const })),
      ...(await read(days.subtract)).map((hash) => ({ hash, sign: -1 as const })),
    ];
  } else {
    const exactPair = filters.source !== undefined && filters.target !== undefined && !filters.source.endsWith('*') && !filters.target.endsWith('*') && filters.actor === undefined;
    const pairs = exactPair ? [{ source: filters.source as string, target: filters.target as string }] : await candidatesOf(redis, keys, planOf(filters, 'articles'));
    hashes = (await Promise.all(pairs.map(({ source, target }) => redis.hgetall(keys.pair(source, target))))).map((hash) => ({ hash, sign: 1 as const }));
  }
  const from = filters.from ?? -Infinity;
  const to = filters.to ?? Infinity;
  const buckets = new Map<string, { n: number; nanos: number; positive: number; negative: number; neutral: number }>();
  for (const { hash, sign } of hashes) {
    for (const [field, value] of Object.entries(hash)) {
      if (field[0] !== 'd') continue;
      const day = Number(field.slice(1));
      if (day * DAY + DAY - 1 < from || day * DAY > to) continue;
      const [n, s, p, g, u] = value.split(' ').map(Number);
      const start = bucketStart(day * DAY, interval);
      const bucket = buckets.get(start) ?? { n: 0, nanos: 0, positive: 0, negative: 0, neutral: 0 };
      buckets.set(start, bucket);
      bucket.n += sign * n;
      bucket.nanos += sign * s;
      bucket.positive += sign * p;
      bucket.negative += sign * g;
      bucket.neutral += sign * u;
    }
  }
  return [...buckets]
    .filter(([, b]) => b.n > 0)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([start, b]) => ({ start, articles: b.n, mean: round(b.nanos / b.n / 1e9), positive: b.positive, negative: b.negative, neutral: b.neutral }));
}

/**
 * The day hashes that answer a time line on one side alone (pair-index.ts dayHashes): a CAMEO
 * id or country as source, as target, or either side (its two hashes; a country's share the
 * pairs between two of its ids, taken back once through both*). Null for anything else.
 */
function actorDayHashes(filters: Pick<SummaryFilters, 'source' | 'target' | 'actor'>): { add: IndexName[]; subtract: IndexName[] } | null {
  const given = [filters.source, filters.target, filters.actor].filter((f) => f !== undefined);
  if (given.length !== 1) return null;
  const wanted = given[0] as string;
  const prefix = wanted.endsWith('*');
  const id = prefix ? wanted.slice(0, -1) : wanted;
  if (countryOf(id) === null || (prefix && id.length !== 3)) return null;
  const side = (name: 'source' | 'target'): IndexName => (prefix ? `${name}*:${id}` : `${name}:${id}`);
  if (filters.source !== undefined) return { add: [side('source')], subtract: [] };
  if (filters.target !== undefined) return { add: [side('target')], subtract: [] };
  return { add: [side('source'), side('target')], subtract: prefix ? [`both*:${id}`] : [] };
}

/** The UTC day, or the first day of the UTC week (from Monday) or month, holding a moment. */
export function bucketStart(ms: number, interval: TimelineInterval): string {
  const day = new Date(ms);
  const first =
    interval === 'month'
      ? Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1)
      : interval === 'week'
        ? Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() - ((day.getUTCDay() + 6) % 7))
        : Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
  return new Date(first).toISOString().slice(0, 10);
}

/** The rows of a page: names from actorNames, evidence texts from the articles (or as kept). */
async function toRows(redis: RedisClient, keys: Keys, figures: PairFigures[]): Promise<PairSummary[]> {
  const ids = [...new Set(figures.flatMap((f) => [f.source, f.target]))];
  const names = ids.length ? await redis.hmget(keys.actorNames, ...ids) : [];
  const nameOf = new Map(ids.map((id, i) => [id, names[i] ?? id]));
  const texts = await articleTexts(redis, keys, figures.flatMap((f) => f.evidence.filter((e) => e.text === undefined).map((e) => e.articleId)));
  return figures.map((f) => ({
    source: { id: f.source, name: nameOf.get(f.source) ?? f.source },
    target: { id: f.target, name: nameOf.get(f.target) ?? f.target },
    mean: meanOf({ articles: f.articles, scoreNanos: f.scoreNanos }),
    articles: f.articles,
    positive: f.positive,
    negative: f.negative,
    neutral: f.neutral,
    firstSeen: new Date(f.firstSeen).toISOString(),
    lastSeen: new Date(f.lastSeen).toISOString(),
    evidence: f.evidence.flatMap((e) => {
      const text = e.text ?? texts.get(e.articleId)?.slice(e.start, e.end);
      return text === undefined ? [] : [{ articleId: e.articleId, text, score: round(e.score) }];
    }),
  }));
}

/** The texts of the given articles that still have theirs. */
async function articleTexts(redis: RedisClient, keys: Keys, articleIds: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(articleIds)];
  const packed = await Promise.all(ids.map((id) => redis.hgetBuffer(keys.article(id), 'packed:text')));
  return new Map(ids.flatMap((id, i) => (packed[i] ? [[id, unpackText(packed[i] as Buffer)] as [string, string]] : [])));
}

/** Four decimals: enough for a mean in [-1, 1]. */
function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
