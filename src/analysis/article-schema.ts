// What an article must look like to be analysed: shared by the HTTP API and the CLI, so both
// refuse the same inputs with the same messages ("text: must not be empty or only white space").
import { z } from 'zod';

export const MAX_TEXT_LENGTH = 1_000_000;
export const MAX_ENTITIES = 1000;

/** A message that tells a missing field from one of the wrong type. */
export const required = (type: string) => ({
  error: (issue: { input: unknown }) => (issue.input === undefined ? 'is required' : `must be ${type}`),
});

/** The message of an object schema given something else (a string, null, an array). */
export const jsonObject = {
  error: (issue: { code: string }) => (issue.code === 'invalid_type' ? 'must be a JSON object' : undefined),
};

export const isoDate = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'must be an ISO 8601 date such as 2019-02-25 or 2019-02-25T10:30:00Z',
});

/** Unknown fields are refused rather than dropped, here as at the top: a typo must not go unnoticed. */
const span = z
  .strictObject(
    { start: z.number(required('a number')).int().nonnegative(), end: z.number(required('a number')).int().nonnegative() },
    jsonObject,
  )
  .refine((s) => s.start < s.end, { message: 'start must be below end' });

export const articleText = z
  .string(required('a string'))
  .max(MAX_TEXT_LENGTH, `must be at most ${MAX_TEXT_LENGTH} characters`)
  .regex(/\S/, 'must not be empty or only white space');

export const articleTitle = z.string(required('a string')).max(2000, 'must be at most 2000 characters');

/** The publisher, whose stances the author's are. */
export const articleSource = z.string(required('a string')).max(200, 'must be at most 200 characters').regex(/\S/, 'must not be empty or only white space');

export const articleSchema = z.object({
  text: articleText,
  title: articleTitle.optional(),
  source: articleSource.optional(),
  publishedAt: isoDate.optional(),
  entities: z.array(span, required('an array of spans')).max(MAX_ENTITIES, `must hold at most ${MAX_ENTITIES} spans`).optional(),
});

export type ArticleInput = z.infer<typeof articleSchema>;

/** Spans name parts of the text: one past its end names nothing. */
export function spansWithinText(article: ArticleInput, context: z.RefinementCtx): void {
  article.entities?.forEach((span, i) => {
    if (span.end > article.text.length) {
      context.addIssue({ code: 'custom', path: ['entities', i, 'end'], message: `must not be past the end of the text (${article.text.length} characters)` });
    }
  });
}

/** Control characters but tab, line feed and carriage return: the rest of C0, DEL and C1. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Refuses a string holding a control character other than tab and line breaks, naming the first. */
export function withoutControlCharacters(value: string, context: z.RefinementCtx): void {
  const at = value.search(CONTROL_CHARACTER);
  if (at < 0) return;
  const code = value.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0');
  context.addIssue({
    code: 'custom',
    message: `must not contain control characters (U+${code} at character ${at}); only tab and line breaks are allowed`,
  });
}

export interface Problem {
  /** The field at fault ("entities.0.end"), or `where` for the value as a whole. */
  field: string;
  /** The field and what is wrong with it: "entities.0.end: must not be past the end of the text". */
  message: string;
}

/** What is wrong, one problem per zod issue; `where` names the whole value ("body", "line"). */
export function problemsOf(error: z.ZodError, where: string): Problem[] {
  return error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const field = [where, ...issue.path].join('.');
      return { field, message: `${field}: unknown field(s) ${issue.keys.join(', ')}` };
    }
    const field = issue.path.length ? issue.path.join('.') : where;
    return { field, message: `${field}: ${issue.message}` };
  });
}
