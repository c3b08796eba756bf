// The summary's indexes: sorted sets whose members sort, byte by byte, in the summary's order,
// so a page is one ZRANGE … BYLEX from the last row's member (O(log n + page)) however many
// pairs are stored. All scores are 0; a member is the row's sort key as fixed-width big-endian
// bytes, then the source id, a NUL, the target id (UTF-8). Ties of the key thus fall in source
// then target order — the order compareRows documents. The Lua in scripts.ts (APPLY_TO_PAIR)
// builds the same bytes; tests/integration/pair-index.test.ts holds the two to each other.
//
// Each shard (keys.ts) has, for its own pairs:
//   articles          most articles first
//   recent            latest lastSeen first
//   mean              most hostile first (read backwards: most friendly first, see readIndex)
//   source:<id>       most articles first, the pairs whose source is the id
//   source*:<country> the same for every id of a CAMEO country (IRN, IRNGOV, IRNMIL, …)
//   target:<id>, target*:<country>   the same by target
//   both*:<country>   the pairs between two ids of one country (to count an actor prefix's rows)
// so `source=IRNGOV` and `source=IRN*` are each one index read from the cursor on.
import type { IndexName } from './keys';


export type SortKeyed = 'articles' | 'recent' | 'mean';

/** The figures a pair's place in the indexes depends on. */
export interface IndexFigures {
  articles: number;
  /** Sum of the articles' scores in units of 1e-9 (scripts keep it an exact integer). */
  scoreNanos: number;
  lastSeen: number;
}

const CAMEO_COUNTRY = /^[A-Z]{3}/;

/** The CAMEO country of an id (`IRN` for IRNGOV), or null for ids without one (`name:…`). */
export function countryOf(id: string): string | null {
  return CAMEO_COUNTRY.exec(id)?.[0] ?? null;
}

/**
 * The source and target indexes a pair is in: each side's id's own, its country's when it has
 * one, and `both*:<country>` when both sides are of one country (so an actor prefix's two
 * indexes, which share those pairs, still count their rows by their sizes).
 */
export function sideIndexes(source: string, target: string): IndexName[] {
  const side = (name: 'source' | 'target', id: string): IndexName[] => {
    const country = countryOf(id);
    return country === null ? [`${name}:${id}`] : [`${name}:${id}`, `${name}*:${country}`];
  };
  const shared = countryOf(source) !== null && countryOf(source) === countryOf(target) ? [`both*:${countryOf(source)}` as IndexName] : [];
  return [...side('source', source), ...side('target', target), ...shared];
}

/**
 * Where an index is stored. An id with a country has its own sorted set; the many ids without
 * one (people named once) share their side's, `source~` or `target~`, in which the members of
 * one id's index start with the id and a NUL: the id's index is that range, in the same order,
 * and costs no key of its own.
 */
export function rangeOf(name: IndexName): { name: IndexName; prefix: Buffer } {
  const colon = name.indexOf(':');
  const kind = name.slice(0, colon);
  const id = name.slice(colon + 1);
  if ((kind === 'source' || kind === 'target') && countryOf(id) === null) return { name: `${kind}~`, prefix: Buffer.from(`${id}\u0000`, 'utf8') };
  return { name, prefix: Buffer.alloc(0) };
}

/**
 * The actors' day hashes a pair adds its per-day buckets to: those of its CAMEO ids and
 * countries (named as their indexes are), so the time line of one of them, toward everyone, is
 * a few reads. Ids without a country (`name:…`) have few pairs; their time lines read the pairs.
 */
export function dayHashes(source: string, target: string): IndexName[] {
  return sideIndexes(source, target).filter((name) => {
    const colon = name.indexOf(':');
    return name[colon - 1] === '*' || countryOf(name.slice(colon + 1)) !== null;
  });
}

/**
 * The index that serves a filter on one side (an id, or a prefix ending in `*`), and whether
 * its rows must still be checked against the filter: an id has its own index, a CAMEO country
 * prefix (`IRN*`) the country's; a longer prefix reads its country's and checks, any other
 * prefix the whole summary.
 */
export function indexForSide(side: 'source' | 'target', wanted: string): { name: IndexName; exact: boolean } {
  if (!wanted.endsWith('*')) return { name: `${side}:${wanted}`, exact: true };
  const prefix = wanted.slice(0, -1);
  const country = countryOf(prefix);
  if (country === null) return { name: 'articles', exact: false };
  return { name: `${side}*:${country}`, exact: prefix.length === 3 };
}

/** Mean score in units of 1e-4 (the summary's four decimals), computed as the scripts do. */
export function meanUnits(f: Pick<IndexFigures, 'articles' | 'scoreNanos'>): number {
  return Math.floor(f.scoreNanos / f.articles / 1e5 + 0.5); // as the Lua rounds, to the bit
}

/** Mean score to four decimals, as the summary shows it. */
export function meanOf(f: Pick<IndexFigures, 'articles' | 'scoreNanos'>): number {
  return meanUnits(f) / 1e4;
}

const MAX_ARTICLES = 0xffffffff;
/** lastSeen in ms offset by 2^47, so dates before 1970 still sort (6 bytes). */
const TIME_OFFSET = 2 ** 47;

/** The sort key's bytes: they sort ascending in the index's order. */
export function keyBytes(index: SortKeyed, f: IndexFigures): Buffer {
  if (index === 'articles') return articlesKey(f.articles);
  if (index === 'recent') return recentKey(f.lastSeen);
  return meanKey(meanUnits(f));
}

function articlesKey(articles: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(MAX_ARTICLES - Math.min(articles, MAX_ARTICLES));
  return bytes;
}

function recentKey(lastSeen: number): Buffer {
  const bytes = Buffer.alloc(6);
  bytes.writeUIntBE(TIME_OFFSET - 1 - lastSeen, 0, 6);
  return bytes;
}

function meanKey(units: number): Buffer {
  const bytes = Buffer.alloc(2);
  bytes.writeUInt16BE(units + 10_000);
  return bytes;
}

/** The member of a pair in an index (source and target indexes use the articles key). */
export function memberOf(index: SortKeyed, f: IndexFigures, source: string, target: string): Buffer {
  return Buffer.concat([keyBytes(index, f), idsBytes(source, target)]);
}

/**
 * The member a summary position stands for (summary.ts: its key is minus the articles, minus
 * lastSeen, the mean or minus the mean).
 */
export function memberAt(sort: 'articles' | 'recent' | 'mean' | '-mean', key: number, source: string, target: string): Buffer {
  const bytes = sort === 'articles' ? articlesKey(-key) : sort === 'recent' ? recentKey(-key) : meanKey(Math.round((sort === 'mean' ? key : -key) * 1e4));
  return Buffer.concat([bytes, idsBytes(source, target)]);
}

/** The smallest member of the articles order with fewer than `articles` articles. */
export function fewerThan(articles: number): Buffer {
  return articlesKey(articles - 1);
}

function idsBytes(source: string, target: string): Buffer {
  return Buffer.from(`${source}\u0000${target}`, 'utf8');
}

export const KEY_WIDTH: Record<SortKeyed, number> = { articles: 4, recent: 6, mean: 2 };

/** The pair a member names (the sort key's bytes skipped). */
export function pairOfMember(member: Buffer, index: SortKeyed): { source: string; target: string } {
  const rest = member.subarray(KEY_WIDTH[index]).toString('utf8');
  const nul = rest.indexOf('\u0000');
  return { source: rest.slice(0, nul), target: rest.slice(nul + 1) };
}

/** The sort keyed by an index name. */
export function sortOfIndex(name: IndexName): SortKeyed {
  return name === 'recent' || name === 'mean' ? name : 'articles';
}
