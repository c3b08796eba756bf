// What the API accepts, as zod schemas, and one function that turns a zod failure into a 400
// naming the field or parameter at fault.
import { z } from 'zod';
import { ARTICLE_ID, JOB_ID } from '../store/article-id';
import { ARTICLE_PARTS, type ArticlePart } from '../store/article-store';
import {
  articleSchema,
  articleText,
  articleTitle,
  isoDate,
  jsonObject,
  problemsOf,
  required,
  spansWithinText,
  withoutControlCharacters,
} from '../analysis/article-schema';
import { SUMMARY_SORTS, type SummaryPosition, type SummarySort } from '../store/summary';
import { HttpError } from './errors';

/** White space or any control character (tab and line breaks too): none belongs in a URL. */
const SPACE_OR_CONTROL = /[\s\p{Cc}]/u;

/**
 * The analysis's own article schema (shared with the CLI) plus what only the service keeps.
 * Unknown fields are refused rather than dropped: a typo must not go unnoticed. Control
 * characters are refused in what the service stores: they have no place in a news text, and the
 * article id relies on titles without NUL (src/store/article-id.ts).
 */
export const submittedArticleSchema = z.strictObject(
  {
    ...articleSchema.shape,
    text: articleText.superRefine(withoutControlCharacters),
    title: articleTitle.superRefine(withoutControlCharacters).optional(),
    // Checked before zod's URL check, which drops tabs and line breaks without a word.
    url: z
      .string(required('a string'))
      .refine((url) => !SPACE_OR_CONTROL.test(url), { error: 'must be an http(s) URL, without white space or control characters', abort: true })
      .pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2048, 'must be at most 2048 characters'))
      .optional(),
    source: z
      .string(required('a string'))
      .min(1, 'must not be empty')
      .max(200, 'must be at most 200 characters')
      .superRefine(withoutControlCharacters)
      .optional(),
  },
  jsonObject,
).superRefine(spansWithinText);

export function batchSchema(maxArticles: number) {
  return z.strictObject({
    articles: z
      .array(submittedArticleSchema, required('an array of articles'))
      .min(1, 'must hold at least one article')
      .max(maxArticles, `must hold at most ${maxArticles} articles`),
  }, jsonObject);
}

const actorFilter = z
  .string(required('a string'))
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters');

/** A whole number in a query string, in decimal digits only: no 0x10, 1e3, +5 or spaces. */
const wholeNumber = (min: number, max: number) =>
  z
    .string({ error: 'must be a whole number' })
    .regex(/^-?[0-9]+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

const positiveInteger = (max: number) => wholeNumber(1, max);

/** A fraction from 0 to 1 in a query string, in decimal digits only (0.6, .6, 1). */
const fraction = z
  .string({ error: 'must be a number from 0 to 1' })
  .regex(/^(?:[01]|[01]?\.[0-9]+)$/, 'must be a number from 0 to 1, in decimal digits')
  .transform(Number)
  .pipe(z.number().max(1, 'must be at most 1'));

/** A summary row's position as the API hands it out: base64url of [sort, key, source, target]. */
export function summaryCursor(sort: SummarySort, position: SummaryPosition): string {
  return Buffer.from(JSON.stringify([sort, position.key, position.source, position.target])).toString('base64url');
}

const CURSOR_MESSAGE = 'must be the cursor of a previous page (its nextCursor)';
const summaryPosition = z.tuple([z.enum(SUMMARY_SORTS), z.number(), z.string().min(1).max(100), z.string().min(1).max(100)]);
const cursorSchema = z
  .string(required('a string'))
  .max(400, CURSOR_MESSAGE)
  .regex(/^[A-Za-z0-9_-]+$/, CURSOR_MESSAGE)
  .transform((cursor, context): { sort: SummarySort; position: SummaryPosition } => {
    let decoded: unknown;
    try {
      decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    } catch {
      decoded = undefined;
    }
    const position = summaryPosition.safeParse(decoded);
    if (!position.success) {
      context.addIssue({ code: 'custom', message: CURSOR_MESSAGE });
      return z.NEVER;
    }
    const [sort, key, source, target] = position.data;
    return { sort, position: { key, source, target } };
  });

/** What the summary and the time lines filter on: either side of a pair, and dates. */
const pairFilters = {
  source: actorFilter.optional(),
  target: actorFilter.optional(),
  actor: actorFilter.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
};

/** The dates as epoch ms of whole UTC days (`to` included). */
function asRange<T extends { from?: string; to?: string }>(q: T): Omit<T, 'from' | 'to'> & { from?: number; to?: number } {
  return { ...q, from: q.from === undefined ? undefined : startOf(q.from), to: q.to === undefined ? undefined : endOf(q.to) };
}

const RANGE_IN_ORDER = {
  check: (q: { from?: number; to?: number }) => q.from === undefined || q.to === undefined || q.from <= q.to,
  problem: { path: ['to'], message: 'must not be before from' },
};

export const summaryQuerySchema = z
  .strictObject({
    ...pairFilters,
    minArticles: positiveInteger(1_000_000).optional(),
    minConfidence: fraction.optional(),
    sort: z.enum(SUMMARY_SORTS, { error: `must be one of ${SUMMARY_SORTS.join(', ')}` }).default('articles'),
    limit: positiveInteger(1000).optional(),
    cursor: cursorSchema.optional(),
  })
  .refine((q) => q.cursor === undefined || q.cursor.sort === q.sort, { path: ['cursor'], message: 'is of another sort: page with the sort it was made for' })
  .transform(({ cursor, ...q }) => ({ ...asRange(q), after: cursor?.position }))
  .refine(RANGE_IN_ORDER.check, RANGE_IN_ORDER.problem);

/** GET /articles/:id: the parts to return besides the metadata, status and counts. */
export const articleQuerySchema = z.strictObject({
  include: z
    .string({ error: 'must be a comma-separated list of parts' })
    .transform((value, context): ArticlePart[] => {
      // Empty: the metadata, status and counts alone.
      const asked = value.split(',').map((part) => part.trim()).filter(Boolean);
      if (asked.includes('all')) return [...ARTICLE_PARTS];
      const unknown = asked.filter((part) => !(ARTICLE_PARTS as readonly string[]).includes(part));
      if (unknown.length) {
        context.addIssue({ code: 'custom', message: `unknown part(s) ${unknown.join(', ')}: name some of ${ARTICLE_PARTS.join(', ')}, or all` });
        return z.NEVER;
      }
      return [...new Set(asked as ArticlePart[])];
    })
    .optional(),
});

/** GET /stance/timeline: the stance of the matching pairs per day, week or month. */
export const timelineQuerySchema = z
  .strictObject({
    ...pairFilters,
    interval: z.enum(['day', 'week', 'month'], { error: 'must be day, week or month' }).default('month'),
  })
  .refine((q) => q.source !== undefined || q.target !== undefined || q.actor !== undefined, {
    path: ['source'],
    message: 'name a source, a target or an actor (an id, or a prefix with *)',
  })
  .transform(asRange)
  .refine(RANGE_IN_ORDER.check, RANGE_IN_ORDER.problem);

/** GET /articles: the articles received most recently first, a page at a time. */
export const recentArticlesQuerySchema = z.strictObject({
  offset: wholeNumber(0, 1_000_000).default(0),
  limit: positiveInteger(100).default(20),
});

export const actorsQuerySchema = z.strictObject({
  q: z.string(required('a string')).trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional(),
  type: z.string(required('a string')).regex(/^[a-z-]{1,20}$/, 'must be an actor type such as country, person or armed-group').optional(),
  country: z.string(required('a string')).regex(/^[A-Z]{3}$/, 'must be a three-letter country code such as IRN').optional(),
  offset: wholeNumber(0, 1_000_000).default(0),
  limit: positiveInteger(500).default(50),
});

/**
 * Dictionary ids (IRN, SYRGOV, BASHAR_AL_ASSAD) and the ids the analysis makes: name:arnor, a
 * role of an unknown country (name:arnor/GOV), the author (author:article). Slashes only
 * between parts, and no part of dots alone (a path's . or ..).
 */
const ACTOR_ID_PART = String.raw`(?!\.+(?:/|$))[A-Za-z0-9_.:~-]+`;
export const actorIdParam = z
  .string()
  .regex(new RegExp(`^(?=.{1,100}$)${ACTOR_ID_PART}(?:/${ACTOR_ID_PART})*$`), 'must be an actor id such as IRN, SYRGOV, name:arnor or name:arnor/GOV');

/** GET /stance/pair: one directed pair, both sides named by their ids. */
export const pairQuerySchema = z.strictObject({
  source: z.string(required('an actor id')).pipe(actorIdParam),
  target: z.string(required('an actor id')).pipe(actorIdParam),
  limit: positiveInteger(1000).default(100),
});

export const articleIdParam = z.string().regex(ARTICLE_ID, 'must be an article id (32 hex digits)');
export const jobIdParam = z.string().regex(JOB_ID, 'must be a job id (article-<32 hex digits>)');

/** Epoch ms of a date's first moment (dates alone are UTC days). */
function startOf(date: string): number {
  return Date.parse(date);
}

/** Epoch ms of a date's last moment: `to=2019-02-25` includes the whole day. */
function endOf(date: string): number {
  return date.length === 10 ? Date.parse(date) + 86_400_000 - 1 : Date.parse(date);
}

/** Parses `value` or throws a 400 whose message names each field at fault. */
export function parse<T extends z.ZodType>(schema: T, value: unknown, where: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = problemsOf(result.error, where);
  throw new HttpError(400, 'invalid_request', problems.map((p) => p.message).join('; '), problems);
}
