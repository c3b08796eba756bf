// What the API accepts, as zod schemas, and one function that turns a zod failure into a 400
// naming the field or parameter at fault.
import { z } from 'zod';
import { ARTICLE_ID, JOB_ID } from '../store/article-id';
import { articleSchema, MAX_TEXT_LENGTH } from '../analysis/article-schema';
import { HttpError } from './errors';

const required = (type: string) => ({
  error: (issue: { input: unknown }) => (issue.input === undefined ? 'is required' : `must be ${type}`),
});

const isoDate = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'must be an ISO 8601 date such as 2019-02-25 or 2019-02-25T10:30:00Z',
});

const jsonObject = {
  error: (issue: { code: string }) => (issue.code === 'invalid_type' ? 'must be a JSON object' : undefined),
};

/**
 * The analysis's own article schema (shared with the CLI) plus what only the service keeps.
 * Unknown fields are refused rather than dropped: a typo must not go unnoticed.
 */
export const submittedArticleSchema = z.strictObject(
  {
    ...articleSchema.shape,
    // The same rules as the analysis's schema, with messages that say what is expected.
    text: z
      .string(required('a string'))
      .min(1, 'must not be empty')
      .max(MAX_TEXT_LENGTH, `must be at most ${MAX_TEXT_LENGTH} characters`),
    publishedAt: isoDate.optional(),
    url: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
      .max(2048, 'must be at most 2048 characters')
      .optional(),
    source: z.string(required('a string')).min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional(),
  },
  jsonObject,
).superRefine((article, context) => {
  // Spans name parts of the text: one past its end names nothing.
  article.entities?.forEach((span, i) => {
    if (span.end > article.text.length) {
      context.addIssue({ code: 'custom', path: ['entities', i, 'end'], message: `must not be past the end of the text (${article.text.length} characters)` });
    }
  });
});

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

const positiveInteger = (max: number) =>
  z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(max, `must be at most ${max}`);

export const summaryQuerySchema = z
  .strictObject({
    source: actorFilter.optional(),
    target: actorFilter.optional(),
    actor: actorFilter.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    minArticles: positiveInteger(1_000_000).optional(),
    limit: positiveInteger(1000).optional(),
  })
  .transform((q) => ({
    ...q,
    from: q.from === undefined ? undefined : startOf(q.from),
    to: q.to === undefined ? undefined : endOf(q.to),
  }))
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    path: ['to'],
    message: 'must not be before from',
  });

export const actorsQuerySchema = z.strictObject({
  q: z.string(required('a string')).trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional(),
  type: z.string(required('a string')).regex(/^[a-z-]{1,20}$/, 'must be an actor type such as country, person or armed-group').optional(),
  country: z.string(required('a string')).regex(/^[A-Z]{3}$/, 'must be a three-letter country code such as IRN').optional(),
  offset: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(0, 'must be at least 0')
    .max(1_000_000, 'must be at most 1000000')
    .default(0),
  limit: positiveInteger(500).default(50),
});

/** Dictionary ids (IRN, SYRGOV, BASHAR_AL_ASSAD) and the ids the analysis makes (name:arnor). */
export const actorIdParam = z.string().regex(/^[A-Za-z0-9_.:~-]{1,100}$/, 'must be an actor id such as IRN, SYRGOV or name:arnor');

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
  const problems = result.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const field = [where, ...issue.path].join('.');
      return { field, message: `${field}: unknown field(s) ${issue.keys.join(', ')}` };
    }
    const field = issue.path.length ? issue.path.join('.') : where;
    return { field, message: `${field}: ${issue.message}` };
  });
  throw new HttpError(400, 'invalid_request', problems.map((p) => p.message).join('; '), problems);
}
