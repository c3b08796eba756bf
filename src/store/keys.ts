// Every Redis key the service writes, in one place. Keys are built only from the configured
// prefix (validated at start), ids the service made (article ids are sha256 hex) and actor ids
// passed through keyPart(), which leaves CAMEO-like codes as they are and encodes anything else,
// so no user-supplied string reaches a key as it is.

const SAFE_PART = /^[A-Za-z0-9_.-]{1,64}$/;

/** An actor id as a key part: itself when plain, else `~` + base64url of its UTF-8 bytes. */
export function keyPart(id: string): string {
  return SAFE_PART.test(id) ? id : `~${Buffer.from(id, 'utf8').toString('base64url')}`;
}

/** The identifier of a directed actor pair inside keys and sets. */
export function pairToken(source: string, target: string): string {
  return `${keyPart(source)}>${keyPart(target)}`;
}

export interface Keys {
  prefix: string;
  /** BullMQ's own prefix: the queue's keys live under it. */
  queuePrefix: string;
  /** Hash: the article, its status, its analysis and the tallies of its contributions to pairs. */
  article(articleId: string): string;
  /** Sorted set: articleId by the time it was first received (ms), for the list of recent articles. */
  articles: string;
  /** Set of the pair tokens with at least one contribution. */
  pairs: string;
  /** Hash: actor id → display name, as the latest analysis named it. */
  actorNames: string;
  /** Hash: the pair's running totals (articles, scoreSum, positive, negative, neutral). */
  pairTotals(pair: string): string;
  /** Hash: articleId → JSON contribution of that article to the pair. */
  pairContributions(pair: string): string;
  /** Sorted set: articleId by publishedAt (ms), for date ranges and first/last seen. */
  pairByDate(pair: string): string;
  /** Sorted set: articleId by the strength of its strongest evidence, for the top evidence. */
  pairByStrength(pair: string): string;
  /** Sorted set: worker id by time of its last heartbeat (ms). */
  workers: string;
  /** Hash: worker id → JSON snapshot of its Prometheus metrics (see src/metrics/snapshots.ts). */
  workerMetrics: string;
  /** Prefix of the rate limiter's counters (one per API key or client address). */
  rateLimit: string;
  /** String: the layout the store's keys are written in (see migrate.ts). */
  storeLayout: string;
}

export function keysFor(prefix: string): Keys {
  return {
    prefix,
    queuePrefix: `${prefix}:bull`,
    article: (articleId) => `${prefix}:article:${articleId}`,
    articles: `${prefix}:articles`,
    pairs: `${prefix}:pairs`,
    actorNames: `${prefix}:actor-names`,
    pairTotals: (pair) => `${prefix}:pair:${pair}:totals`,
    pairContributions: (pair) => `${prefix}:pair:${pair}:contributions`,
    pairByDate: (pair) => `${prefix}:pair:${pair}:by-date`,
    pairByStrength: (pair) => `${prefix}:pair:${pair}:by-strength`,
    workers: `${prefix}:workers`,
    workerMetrics: `${prefix}:worker-metrics`,
    rateLimit: `${prefix}:rate:`,
    storeLayout: `${prefix}:store-layout`,
  };
}

/** The actor id a key part was made from (the inverse of keyPart). */
export function fromKeyPart(part: string): string {
  return part.startsWith('~') ? Buffer.from(part.slice(1), 'base64url').toString('utf8') : part;
}
