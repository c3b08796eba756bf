// Every Redis key the service writes, in one place. Keys are built only from the configured
// prefix (validated at start), ids the service made (article ids are sha256 hex) and actor ids
// passed through keyPart(), which leaves plain ids (CAMEO codes, name:…) as they are and encodes
// anything else, so no user-supplied string reaches a key as it is — no brace, above all, which
// would change the key's hash slot.

const SAFE_PART = /^[A-Za-z0-9_.:-]{1,64}$/;

/** An actor id as a key part: itself when plain, else `~` + base64url of its UTF-8 bytes. */
export function keyPart(id: string): string {
  return SAFE_PART.test(id) ? id : `~${Buffer.from(id, 'utf8').toString('base64url')}`;
}

/** The identifier of a directed actor pair inside keys and sets. */
export function pairToken(source: string, target: string): string {
  return `${keyPart(source)}>${keyPart(target)}`;
}

/** The summary's indexes (see pair-index.ts): every shard has each of them. */
export type IndexName = 'articles' | 'recent' | 'mean' | `source:${string}` | `target:${string}` | `source*:${string}` | `target*:${string}` | `both*:${string}` | 'source~' | 'target~';

export interface Keys {
  prefix: string;
  /** BullMQ's own prefix: the queue's keys live under it. */
  queuePrefix: string;
  /** How many shards the pairs are spread over (STORE_SHARDS; fixed for the life of a store). */
  shards: number;
  /** Hash: the article, its status, its analysis and the pairs it contributes to. */
  article(articleId: string): string;
  /** Sorted set: articleId by the time it was first received (ms), for the list of recent articles and retention. */
  articles: string;
  /** Set: ids of articles recorded whose pairs may not all be updated yet (see ArticleStore.settle). */
  unsettled: string;
  /** Hash: actor id → display name, as the latest analysis naming it gave it. */
  actorNames: string;
  /**
   * Hash: one directed pair, everything about it — its totals, each article's contribution, its
   * per-day buckets and its strongest evidence (scripts.ts APPLY_TO_PAIR lists the fields). In its
   * shard's hash slot, with the shard's indexes, so one script updates both.
   */
  pair(source: string, target: string): string;
  /** Sorted set (by lexical order, scores 0): the directory of one of a shard's summary indexes (scripts.ts PAGED_INDEX). */
  index(shard: number, name: IndexName): string;
  /** Hash: index key → how many members it has (its pages together), for each of a shard's indexes. */
  indexCounts(shard: number): string;
  /** Hash: the per-day buckets of a shard's pairs of a CAMEO actor or country (pair-index.ts dayHashes), for its time line. */
  days(shard: number, name: IndexName): string;
  /** Sorted set: worker id by time of its last heartbeat (ms). */
  workers: string;
  /** Hash: worker id → JSON snapshot of its Prometheus metrics (see src/metrics/snapshots.ts). */
  workerMetrics: string;
  /** Prefix of the rate limiter's counters (one per API key or client address). */
  rateLimit: string;
  /** String: the layout the store's keys are written in (see migrate.ts). */
  storeLayout: string;
  /** String: arrival time (ms) up to which retention has let articles go. */
  retentionSwept: string;
}

/** Shards of a store made without STORE_SHARDS. */
export const DEFAULT_SHARDS = 8;

export function keysFor(prefix: string, shards = DEFAULT_SHARDS): Keys {
  // `{prefix:N}` is the shard's hash tag: Redis Cluster keeps the keys that share it in one slot.
  const slot = (shard: number) => `${prefix}:{${prefix}:${shard}}`;
  return {
    prefix,
    queuePrefix: `${prefix}:bull`,
    shards,
    article: (articleId) => `${prefix}:article:${articleId}`,
    articles: `${prefix}:articles`,
    unsettled: `${prefix}:unsettled`,
    actorNames: `${prefix}:actor-names`,
    pair: (source, target) => `${slot(shardOf(source, target, shards))}:pair:${pairToken(source, target)}`,
    index: (shard, name) => `${slot(shard)}:ix:${indexPart(name)}`,
    days: (shard, name) => `${slot(shard)}:days:${indexPart(name)}`,
    indexCounts: (shard) => `${slot(shard)}:ix-counts`,
    workers: `${prefix}:workers`,
    workerMetrics: `${prefix}:worker-metrics`,
    rateLimit: `${prefix}:rate:`,
    storeLayout: `${prefix}:store-layout`,
    retentionSwept: `${prefix}:retention-swept`,
  };
}

/** An index's name as a key part: its kind as it is, the id after it through keyPart. */
function indexPart(name: IndexName): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : `${name.slice(0, colon)}:${keyPart(name.slice(colon + 1))}`;
}

/** The shard a directed pair lives in: FNV-1a of its token, modulo the shards. */
export function shardOf(source: string, target: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(pairToken(source, target), 'utf8')) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash % shards;
}
