// What the API answers, as zod schemas: the OpenAPI document (openapi.ts) is generated from
// them and from the request schemas (schemas.ts), and the tests check the API's real answers
// against them, so the document cannot drift from what the routes send.
import { z } from 'zod';

/** The schemas the document names (components.schemas), by id. */
export const responseSchemas = z.registry<{ id: string }>();

const isoDateTime = z.string().describe('ISO 8601 date-time (UTC)');
const count = z.number().int().min(0);
const score = z.number().min(-1).max(1);
const span = { start: count, end: count };
const textSpan = z.strictObject({ ...span, text: z.string() });

export const errorBody = z.strictObject({
  error: z.strictObject({
    code: z.string().describe('invalid_request, not_found, unauthorized, payload_too_large, unsupported_media_type, …'),
    message: z.string().describe('What is wrong, naming the field or parameter at fault'),
    details: z.unknown().optional(),
  }),
}).register(responseSchemas, { id: 'Error' });

const links = (names: string[]) => z.strictObject(Object.fromEntries(names.map((n) => [n, z.string().nullable()])));

export const submission = z.strictObject({
  articleId: z.string(),
  jobId: z.string(),
  status: z.enum(['queued', 'completed', 'failed']),
  duplicate: z.boolean(),
  updated: z.boolean(),
  links: links(['job', 'article']),
}).register(responseSchemas, { id: 'Submission' });

export const batchResult = z.strictObject({
  accepted: count,
  duplicates: count,
  updated: count,
  articles: z.array(submission),
}).register(responseSchemas, { id: 'BatchResult' });

export const job = z.strictObject({
  id: z.string(),
  articleId: z.string(),
  state: z.string().describe("BullMQ's state (waiting, active, delayed, completed, failed), or unknown for a lost job"),
  progress: z.union([z.number(), z.record(z.string(), z.unknown())]),
  attempts: count.nullable(),
  createdAt: isoDateTime.nullable(),
  finishedAt: isoDateTime.nullable(),
  result: z.strictObject({ articleId: z.string(), quotes: count, actors: count, stances: count }).optional(),
  error: z.string().optional(),
}).register(responseSchemas, { id: 'Job' });

const quote = z.strictObject({
  ...textSpan.shape,
  kind: z.enum(['direct', 'indirect', 'mixed']),
  cue: textSpan.nullable(),
  speaker: z.strictObject({ ...textSpan.shape, actorId: z.string().nullable(), name: z.string().nullable() }).nullable(),
  confidence: z.number().min(0).max(1),
}).register(responseSchemas, { id: 'Statement' });

const actor = z.strictObject({ id: z.string(), name: z.string(), type: z.string(), mentions: z.array(textSpan) }).register(responseSchemas, { id: 'ArticleActor' });

const stance = z.strictObject({
  source: z.string(),
  target: z.string(),
  score,
  polarity: z.union([z.literal(-1), z.literal(0), z.literal(1)]),
  evidence: z.array(z.strictObject({ ...span, score, quote: count.optional(), text: z.string() })),
}).register(responseSchemas, { id: 'Stance' });

const entity = z.strictObject({ ...span, actorId: z.string().nullable(), polarity: z.union([z.literal(-1), z.literal(0), z.literal(1)]), score });

const counts = z.strictObject({ quotes: count, actors: count, stances: count, entities: count.optional() });

const articleRecord = {
  id: z.string(),
  title: z.string().optional(),
  url: z.string().optional(),
  source: z.string().optional(),
  publishedAt: z.string().optional(),
  entities: z.array(z.strictObject(span)).optional(),
  jobId: z.string(),
  status: z.enum(['queued', 'completed', 'failed']),
  version: z.number().int().min(1),
  receivedAt: isoDateTime,
  analysedAt: isoDateTime.optional(),
  expired: z.literal(true).optional().describe('Retention (ARTICLE_RETENTION_DAYS) let its text and analysis go; its part of the summary stays'),
  error: z.string().optional(),
  counts: counts.nullable(),
};

export const article = z.strictObject({
  ...articleRecord,
  text: z.string().optional().describe('With include=text or all'),
  analysis: z.strictObject({
    quotes: z.array(quote).optional(),
    actors: z.array(actor).optional(),
    stances: z.array(stance).optional(),
    entities: z.array(entity).optional(),
  }).nullable().describe('The parts asked for with include; null until analysed'),
  links: links(['job']),
}).register(responseSchemas, { id: 'Article' });

export const recentArticles = z.strictObject({
  total: count,
  offset: count,
  limit: count,
  articles: z.array(z.strictObject({ ...articleRecord, links: links(['article']) })),
  links: links(['next']),
}).register(responseSchemas, { id: 'RecentArticles' });

const actorRef = z.strictObject({ id: z.string(), name: z.string() });

export const summaryRow = z.strictObject({
  source: actorRef,
  target: actorRef,
  mean: score,
  articles: z.number().int().min(1),
  positive: count,
  negative: count,
  neutral: count,
  firstSeen: isoDateTime,
  lastSeen: isoDateTime,
  evidence: z.array(z.strictObject({ articleId: z.string(), text: z.string(), score })),
}).register(responseSchemas, { id: 'SummaryRow' });

export const summary = z.strictObject({
  total: count.describe('Rows that pass the filters, on every page'),
  pairs: z.array(summaryRow),
  nextCursor: z.string().nullable(),
  links: links(['next']),
}).register(responseSchemas, { id: 'Summary' });

export const pairArticles = z.strictObject({
  source: z.string(),
  target: z.string(),
  total: count,
  articles: z.array(z.strictObject({
    articleId: z.string(),
    title: z.string().nullable(),
    publishedAt: isoDateTime,
    score,
    evidence: z.array(z.strictObject({ text: z.string(), score })),
  })),
}).register(responseSchemas, { id: 'PairArticles' });

export const timeline = z.strictObject({
  interval: z.enum(['day', 'week', 'month']),
  source: z.string().nullable(),
  target: z.string().nullable(),
  actor: z.string().nullable(),
  buckets: z.array(z.strictObject({
    start: z.string().describe('The day, or the first day of the week (Monday, UTC) or month'),
    articles: z.number().int().min(1).describe('Articles behind the stances of the matching pairs in the bucket, once per pair'),
    mean: score,
    positive: count,
    negative: count,
    neutral: count,
  })),
}).register(responseSchemas, { id: 'Timeline' });

const dictionaryActor = z.strictObject({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  country: z.string().nullable(),
  names: z.array(z.string()),
  roles: z.array(z.strictObject({ code: z.string(), from: z.string().optional(), to: z.string().optional() })).optional(),
}).register(responseSchemas, { id: 'Actor' });

export const actorsPage = z.strictObject({
  total: count,
  offset: count,
  limit: count,
  actors: z.array(dictionaryActor),
  links: links(['next']),
}).register(responseSchemas, { id: 'ActorsPage' });

export const actorWithStances = z.strictObject({
  ...dictionaryActor.shape,
  stances: z.strictObject({ asSource: z.array(summaryRow), asTarget: z.array(summaryRow) }),
}).register(responseSchemas, { id: 'ActorWithStances' });

export const health = z.strictObject({ status: z.literal('ok'), uptimeSeconds: count });

export const ready = z.strictObject({
  status: z.literal('ready'),
  redis: z.boolean(),
  workers: count,
  paused: z.boolean(),
});
