// The system of record: articles, their analyses and the stance aggregates, in Redis.
import type Redis from 'ioredis';
import type { Analysis, Span } from '../analysis/types';
import { contributionsOf } from './contributions';
import { keysFor, type Keys } from './keys';
import { pipelineResults } from './redis';
import { RECORD_ANALYSIS, REGISTER_ARTICLE, SET_STATUS } from './scripts';
import { readSummary, type StanceSummary, type SummaryFilters } from './summary';

export type ArticleStatus = 'queued' | 'completed' | 'failed';

/** What a client sent, as validated by the API. */
export interface SubmittedArticle {
  text: string;
  title?: string;
  url?: string;
  /** The publisher, as the client names it. */
  source?: string;
  publishedAt?: string;
  /** Spans the client names as actor mentions (see Analysis.entities). */
  entities?: Span[];
}

export interface StoredArticle extends SubmittedArticle {
  id: string;
  jobId: string;
  status: ArticleStatus;
  receivedAt: string;
  analysedAt?: string;
  error?: string;
  analysis?: Analysis;
}

export interface NewArticle {
  id: string;
  jobId: string;
  article: SubmittedArticle;
}

/** How a registration went: `created`, or the status the article already had. */
export type Registration = 'created' | ArticleStatus;

type ScriptCall = (...keysThenArgs: (string | number)[]) => Promise<unknown>;

export class ArticleStore {
  readonly keys: Keys;

  constructor(private readonly redis: Redis, prefix: string) {
    this.keys = keysFor(prefix);
    redis.defineCommand('stanceRegisterArticle', { numberOfKeys: 1, lua: REGISTER_ARTICLE });
    redis.defineCommand('stanceRecordAnalysis', { numberOfKeys: 1, lua: RECORD_ANALYSIS });
    redis.defineCommand('stanceSetStatus', { numberOfKeys: 1, lua: SET_STATUS });
  }

  /** Registers articles not seen before (one round trip for all); known ones are left as they are. */
  async register(articles: NewArticle[], receivedAt = new Date()): Promise<Registration[]> {
    const registration = (status: unknown): Registration => (status === null ? 'created' : (status as ArticleStatus));
    const args = ({ id, jobId, article }: NewArticle) => [this.keys.article(id), JSON.stringify(article), receivedAt.toISOString(), jobId];
    // One article (the common POST): the script alone. A pipeline costs more than the command
    // here, as ioredis copies every script defined on the connection (BullMQ's too) into it.
    if (articles.length === 1) {
      const call = this.redis as unknown as Record<string, ScriptCall>;
      return [registration(await call.stanceRegisterArticle(...args(articles[0])))];
    }
    const pipeline = this.redis.pipeline();
    const call = pipeline as unknown as Record<string, ScriptCall>;
    for (const article of articles) call.stanceRegisterArticle(...args(article));
    return pipelineResults(await pipeline.exec()).map(registration);
  }

  async get(articleId: string): Promise<StoredArticle | null> {
    const fields = await this.redis.hgetall(this.keys.article(articleId));
    if (!fields.article) return null;
    return {
      id: articleId,
      ...(JSON.parse(fields.article) as SubmittedArticle),
      jobId: fields.jobId,
      status: fields.status as ArticleStatus,
      receivedAt: fields.receivedAt,
      ...(fields.analysedAt && { analysedAt: fields.analysedAt }),
      ...(fields.error && { error: fields.error }),
      ...(fields.analysis && { analysis: JSON.parse(fields.analysis) as Analysis }),
    };
  }

  /**
   * Stores the analysis and replaces the article's contribution to the summary, atomically.
   * Returns the number of actor pairs the article contributes to.
   */
  async recordAnalysis(article: StoredArticle, analysis: Analysis, analysedAt = new Date()): Promise<number> {
    const contributions = contributionsOf(analysis, dateOf(article));
    const tallies = contributions.map((c) => [
      c.pair, c.score, c.positive, c.negative, c.neutral, c.publishedAt, c.strength,
      c.source, c.sourceName, c.target, c.targetName,
    ]);
    const call = this.redis as unknown as Record<string, ScriptCall>;
    return (await call.stanceRecordAnalysis(
      this.keys.article(article.id),
      this.keys.prefix,
      article.id,
      JSON.stringify(analysis),
      analysedAt.toISOString(),
      JSON.stringify(tallies),
      ...contributions.map((c) => JSON.stringify(c)),
    )) as number;
  }

  /** Marks an article whose analysis failed for good, keeping the reason. */
  async markFailed(articleId: string, reason: string): Promise<void> {
    await this.setStatusIfKnown(articleId, 'failed', reason);
  }

  /** Marks an article as waiting for analysis again (a failed article posted again). */
  async markQueued(articleId: string): Promise<void> {
    await this.setStatusIfKnown(articleId, 'queued');
  }

  /** An actor's display name as the latest analysis naming it gave it; null when none did. */
  actorName(actorId: string): Promise<string | null> {
    return this.redis.hget(this.keys.actorNames, actorId);
  }

  summary(filters: SummaryFilters = {}): Promise<StanceSummary> {
    return readSummary(this.redis, this.keys, filters);
  }

  private async setStatusIfKnown(articleId: string, status: ArticleStatus, error?: string): Promise<void> {
    const call = this.redis as unknown as Record<string, ScriptCall>;
    await call.stanceSetStatus(this.keys.article(articleId), status, ...(error === undefined ? [] : [error]));
  }
}

/** The date an article counts at in the summary: when it was published, else when it arrived. */
export function dateOf(article: Pick<StoredArticle, 'publishedAt' | 'receivedAt'>): number {
  const published = article.publishedAt ? Date.parse(article.publishedAt) : NaN;
  return Number.isNaN(published) ? Date.parse(article.receivedAt) : published;
}
