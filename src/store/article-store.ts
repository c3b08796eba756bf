// The system of record: articles, their analyses and the stance aggregates, in Redis.
//
// One hash per article. The text, each part of the analysis and the counts are fields of their
// own, so a reader fetches only what it asks for (the article page, the job's outcome, the
// worker's input); the metadata is one canonical JSON field, so a posting with other metadata
// is told from a repeat by a string comparison in the registration script. The text and the
// parts are stored packed (./article-codec.ts): about a tenth of their JSON.
import type { RedisClient } from './redis';
import type { Analysis, Span } from '../analysis/types';
import { packPart, packText, unpackPart, unpackText } from './article-codec';
import { contributionsOf, EVIDENCE_FIELDS, parseEvidence, type Contribution } from './contributions';
import { keysFor, type Keys } from './keys';
import { applyToPairs, defineStoreCommands, pairLine, splitPairLine, type ScriptCall } from './pair-writer';
import {
  readPairArticles,
  readSummary,
  readTimeline,
  type PairArticle,
  type StanceSummary,
  type SummaryFilters,
  type TimelineBucket,
  type TimelineInterval,
} from './summary';

export type ArticleStatus = 'queued' | 'completed' | 'failed';

/** What a client sent, as validated by the API. */
export interface SubmittedArticle extends ArticleMetadata {
  text: string;
  title?: string;
}

/** What a posting may change about an article (title and text make its id). */
export interface ArticleMetadata {
  url?: string;
  /** The publisher, as the client names it. */
  source?: string;
  publishedAt?: string;
  /** Spans the client names as actor mentions (see Analysis.entities). */
  entities?: Span[];
}

/** The parts of a stored article a reader may ask for beyond its metadata and status. */
export const ARTICLE_PARTS = ['text', 'quotes', 'actors', 'stances', 'entities'] as const;
export type ArticlePart = (typeof ARTICLE_PARTS)[number];

/** How many of each the stored analysis has. */
export interface AnalysisCounts {
  quotes: number;
  actors: number;
  stances: number;
  entities?: number;
}

export interface StoredArticle extends ArticleMetadata {
  id: string;
  title?: string;
  jobId: string;
  status: ArticleStatus;
  /** 1 when registered, one more at each posting that changed the metadata. */
  version: number;
  receivedAt: string;
  analysedAt?: string;
  error?: string;
  counts?: AnalysisCounts;
  /** Retention let its text and analysis go (ARTICLE_RETENTION_DAYS); its part of the summary stays. */
  expired?: true;
  /** Only when asked for. */
  text?: string;
  /** The analysis's parts asked for, once the article was analysed. */
  analysis?: Partial<Analysis>;
}

export interface NewArticle {
  id: string;
  jobId: string;
  article: SubmittedArticle;
}

/**
 * How a registration went: `created`; `updated` (known, its metadata changed: queued to be
 * analysed again); `retried` (known and failed: queued again); or the status a known article
 * keeps (`queued`, `completed`).
 */
export type Registration = 'created' | 'updated' | 'retried' | 'queued' | 'completed';

/** What recording an analysis did: `stale` when the metadata it was made from was replaced since. */
export type RecordOutcome = 'recorded' | 'stale';

/** The article hash's field holding each part, packed (the scripts in ./scripts.ts write them). */
export const PACKED_FIELD: Record<ArticlePart, string> = {
  text: 'packed:text',
  quotes: 'packed:quotes',
  actors: 'packed:actors',
  stances: 'packed:stances',
  entities: 'packed:entities',
};
const RECORD_FIELDS = ['status', 'jobId', 'version', 'receivedAt', 'title', 'meta', 'analysedAt', 'error', 'counts', 'expired'] as const;

export class ArticleStore {
  readonly keys: Keys;

  /** `shards`: for tests of the indexes with few pairs per shard (a store keeps its shards for life). */
  constructor(private readonly redis: RedisClient, prefix: string, shards?: number) {
    this.keys = keysFor(prefix, shards);
    defineStoreCommands(redis);
  }

  /**
   * Registers articles (one round trip for all): a new one is queued; a known one posted with
   * other metadata takes it and is queued again, as is a failed one; others stay as they are.
   * Each is listed by arrival too (a separate key, so a command of its own: idempotent, so
   * posting again repairs a listing a crash left out).
   */
  async register(articles: NewArticle[], receivedAt = new Date()): Promise<Registration[]> {
    const args = ({ id, jobId, article }: NewArticle) => [
      this.keys.article(id), metadataJson(article), receivedAt.toISOString(), jobId, packText(article.text),
      ...(article.title === undefined ? [] : [article.title]),
    ];
    const listed = this.redis.zadd(this.keys.articles, 'NX', ...articles.flatMap(({ id }) => [receivedAt.getTime(), id]));
    // One command per article, all sent at once: each article's key is in a slot of its own on
    // a cluster (no pipeline spans slots), and a pipeline would cost more than the commands, as
    // ioredis copies every script defined on the connection (BullMQ's too) into it.
    const call = this.redis as unknown as Record<string, ScriptCall>;
    const [registrations] = await Promise.all([Promise.all(articles.map((article) => call.stanceRegisterArticle(...args(article)))), listed]);
    return registrations as Registration[];
  }

  /** The article's metadata, status and counts, with the parts asked for; null when unknown. */
  async get(articleId: string, parts: readonly ArticlePart[] = []): Promise<StoredArticle | null> {
    const analysisParts = parts.filter((p): p is Exclude<ArticlePart, 'text'> => p !== 'text');
    // The text is read for any part: the parts' texts are slices of it.
    const fields = [...RECORD_FIELDS, ...(parts.length ? [PACKED_FIELD.text] : []), ...analysisParts.map((p) => PACKED_FIELD[p])];
    const values = await this.redis.hmgetBuffer(this.keys.article(articleId), ...fields);
    const [status, jobId, version, receivedAt, title, meta, analysedAt, error, counts, expired] = values.slice(0, RECORD_FIELDS.length).map((v) => v?.toString('utf8') ?? null);
    if (!status || meta === null) return null;
    const packedText = parts.length ? values[RECORD_FIELDS.length] : null;
    const text = packedText ? unpackText(packedText) : null;
    const analysed = values.slice(RECORD_FIELDS.length + 1);
    const analysis: Partial<Analysis> = {};
    analysisParts.forEach((part, i) => {
      const packed = analysed[i];
      if (packed && text !== null) Object.assign(analysis, { [part]: unpackPart(packed, text) });
    });
    return {
      id: articleId,
      ...(title !== null && { title }),
      ...(JSON.parse(meta) as ArticleMetadata),
      jobId: jobId as string,
      status: status as ArticleStatus,
      version: Number(version),
      receivedAt: receivedAt as string,
      ...(analysedAt !== null && { analysedAt }),
      ...(expired !== null && { expired: true }),
      ...(error !== null && { error }),
      ...(counts !== null && { counts: JSON.parse(counts) as AnalysisCounts }),
      ...(text !== null && parts.includes('text') && { text }),
      ...(counts !== null && analysisParts.length > 0 && { analysis }),
    };
  }

  /**
   * Stores the analysis and replaces the article's contribution to the summary, unless the
   * article's metadata changed since the version the analysis was made from. The article record
   * is the commit point; the pairs are updated after it, each on its own (each pair may live on
   * another Redis node), idempotently, so a recording cut short converges when retried
   * (settle). The article's text packs the analysis; it is read from the store when the caller
   * has not got it.
   */
  async recordAnalysis(
    article: Pick<StoredArticle, 'id' | 'version' | 'publishedAt' | 'receivedAt' | 'text'>,
    analysis: Analysis,
    analysedAt = new Date(),
  ): Promise<RecordOutcome> {
    const text = article.text ?? (await this.get(article.id, ['text']))?.text;
    if (text === undefined) throw new Error(`unknown article ${article.id}`);
    const contributions = contributionsOf(analysis, dateOf(article));
    await this.redis.sadd(this.keys.unsettled, article.id);
    const call = this.redis as unknown as Record<string, ScriptCall>;
    const recorded = (await call.stanceRecordAnalysis(
      this.keys.article(article.id),
      article.version,
      analysedAt.toISOString(),
      JSON.stringify(countsOf(analysis)),
      packPart(analysis.quotes, text),
      packPart(analysis.actors, text),
      packPart(analysis.stances, text),
      analysis.entities ? packPart(analysis.entities, text) : '',
      contributions.map((c) => pairLine(c.source, c.target)).join('\n'),
    )) as 0 | [number, string];
    if (recorded === 0) {
      await this.redis.srem(this.keys.unsettled, article.id);
      return 'stale';
    }
    const [rev, pending] = recorded;
    await applyToPairs(this.redis, this.keys, article.id, rev, pending, contributions);
    return 'recorded';
  }

  /**
   * Finishes the recordings a crash cut short (the articles in `unsettled`): each one's pending
   * pairs get its stored analysis's contributions. Safe beside running workers.
   */
  async settle(): Promise<number> {
    let settled = 0;
    for (const id of await this.redis.smembers(this.keys.unsettled)) {
      const [rev, pending, ...record] = await this.redis.hmgetBuffer(this.keys.article(id), 'rev', 'pending', ...STORED_CONTRIBUTION_FIELDS);
      const contributions = storedContributions(record);
      if (!pending || !rev || !contributions) {
        await this.redis.srem(this.keys.unsettled, id);
        continue;
      }
      await applyToPairs(this.redis, this.keys, id, Number(rev), pending.toString('utf8'), contributions);
      settled += 1;
    }
    return settled;
  }

  /** Marks a queued article whose job failed for good, keeping the reason (an analysed one keeps its analysis). */
  async markFailed(articleId: string, reason: string): Promise<void> {
    const call = this.redis as unknown as Record<string, ScriptCall>;
    await call.stanceMarkFailed(this.keys.article(articleId), reason);
  }

  /** An actor's display name as the latest analysis naming it gave it; null when none did. */
  actorName(actorId: string): Promise<string | null> {
    return this.redis.hget(this.keys.actorNames, actorId);
  }

  /**
   * Lets go of the text and analysis of the articles that arrived before `cutoff` (retention),
   * from where the last sweep stopped: first each pair's kept evidence from the article gets
   * its text, then the article keeps only its record. Articles waiting for an analysis keep
   * theirs. Resolves with how many were let go. Safe to run in several workers at once.
   */
  async expireBefore(cutoff: Date, batch = 200): Promise<number> {
    const sweptKey = this.keys.retentionSwept;
    let expired = 0;
    for (;;) {
      const swept = Number((await this.redis.get(sweptKey)) ?? '-inf');
      const from = Number.isFinite(swept) ? `(${swept}` : '-inf';
      const found = await this.redis.zrangebyscore(this.keys.articles, from, cutoff.getTime(), 'WITHSCORES', 'LIMIT', 0, batch);
      if (!found.length) return expired;
      const last = Number(found[found.length - 1]);
      let ids = found.filter((_, i) => i % 2 === 0);
      // A full batch may stop inside a run of articles that arrived in the same ms (one batch
      // POST): that run is taken whole, as the next sweep starts after its time.
      if (ids.length === batch) {
        ids = [...ids.filter((_, i) => Number(found[2 * i + 1]) < last), ...(await this.redis.zrangebyscore(this.keys.articles, last, last))];
      }
      for (const id of ids) expired += await this.expire(id);
      // Forward only: another sweeper may have gone further meanwhile.
      const call = this.redis as unknown as Record<string, ScriptCall>;
      await call.stanceMoveForward(sweptKey, last);
    }
  }

  private async expire(articleId: string): Promise<number> {
    const key = this.keys.article(articleId);
    const [rev, pending, status, text, pairs] = await this.redis.hmgetBuffer(key, 'rev', 'pending', 'status', 'packed:text', 'pairs');
    if (!text || pending || status?.toString() === 'queued') return 0;
    const call = this.redis as unknown as Record<string, ScriptCall>;
    if (status?.toString() !== 'completed' || !rev) {
      await this.redis.hdel(key, 'packed:text');
      return 0;
    }
    const plain = unpackText(text);
    const fields = EVIDENCE_FIELDS;
    await Promise.all(
      (pairs?.toString('utf8') ?? '').split('\n').filter(Boolean).map(async (line) => {
        const { source, target } = splitPairLine(line);
        const pairKey = this.keys.pair(source, target);
        const held = await this.redis.hmget(pairKey, ...fields);
        const replace = fields.flatMap((field, i) => {
          const e = held[i] === null ? null : parseEvidence(held[i] as string);
          return e && e.articleId === articleId && e.text === undefined ? [field, held[i] as string, `${held[i]} ${plain.slice(e.start, e.end)}`] : [];
        });
        if (replace.length) await call.stanceReplaceFields(pairKey, ...replace);
      }),
    );
    return (await call.stanceExpireArticle(key, rev.toString())) as number;
  }

  /** How many directed pairs the summary has (the shards' articles indexes together). */
  async pairCount(): Promise<number> {
    const counts = await Promise.all(Array.from({ length: this.keys.shards }, (_, shard) => this.redis.hget(this.keys.indexCounts(shard), this.keys.index(shard, 'articles'))));
    return counts.reduce((sum, n) => sum + Number(n ?? 0), 0);
  }

  summary(filters: SummaryFilters = {}): Promise<StanceSummary> {
    return readSummary(this.redis, this.keys, filters);
  }

  /** The matching pairs' stance per day, week or month. */
  timeline(filters: Pick<SummaryFilters, 'source' | 'target' | 'actor' | 'from' | 'to'>, interval: TimelineInterval): Promise<TimelineBucket[]> {
    return readTimeline(this.redis, this.keys, filters, interval);
  }

  /** Every article behind a directed pair's row of the summary, newest first. */
  pairArticles(source: string, target: string, limit: number): Promise<{ total: number; articles: PairArticle[] }> {
    return readPairArticles(this.redis, this.keys, source, target, limit);
  }

  /**
   * The articles received most recently first (their metadata, status and counts), from
   * `offset`; with how many there are. Articles registered before the index existed are not listed.
   */
  async recent(offset: number, limit: number): Promise<{ total: number; articles: StoredArticle[] }> {
    const [total, ids] = await Promise.all([
      this.redis.zcard(this.keys.articles),
      this.redis.zrange(this.keys.articles, String(offset), String(offset + limit - 1), 'REV'),
    ]);
    const articles = await Promise.all(ids.map((id) => this.get(id)));
    return { total, articles: articles.filter((a): a is StoredArticle => a !== null) };
  }
}

export function countsOf(analysis: Analysis): AnalysisCounts {
  return {
    quotes: analysis.quotes.length,
    actors: analysis.actors.length,
    stances: analysis.stances.length,
    ...(analysis.entities && { entities: analysis.entities.length }),
  };
}

/** The metadata as JSON, its fields always in the same order, so equal metadata is an equal string. */
export function metadataJson(article: ArticleMetadata): string {
  const { url, source, publishedAt, entities } = article;
  return JSON.stringify({ url, source, publishedAt, entities: entities?.map(({ start, end }) => ({ start, end })) });
}

/** The article hash's fields storedContributions reads, in its order. */
export const STORED_CONTRIBUTION_FIELDS = ['receivedAt', 'meta', PACKED_FIELD.text, PACKED_FIELD.actors, PACKED_FIELD.stances] as const;

/**
 * An analysed article's contributions to the summary from its stored record (the fields of
 * STORED_CONTRIBUTION_FIELDS, as read): what recording its analysis gave. Null when one is missing.
 */
export function storedContributions([receivedAt, meta, text, actors, stances]: (Buffer | null)[]): Contribution[] | null {
  if (!receivedAt || !meta || !text || !actors || !stances) return null;
  const plain = unpackText(text);
  const analysis = { quotes: [], actors: unpackPart(actors, plain), stances: unpackPart(stances, plain) } as Analysis;
  const { publishedAt } = JSON.parse(meta.toString('utf8')) as ArticleMetadata;
  return contributionsOf(analysis, dateOf({ publishedAt, receivedAt: receivedAt.toString('utf8') }));
}

/** The date an article counts at in the summary: when it was published, else when it arrived. */
export function dateOf(article: Pick<StoredArticle, 'publishedAt' | 'receivedAt'>): number {
  const published = article.publishedAt ? Date.parse(article.publishedAt) : NaN;
  return Number.isNaN(published) ? Date.parse(article.receivedAt) : published;
}
