// What an article must look like to be analysed: shared by the HTTP API and the CLI, so both
// refuse the same inputs with the same messages.
import { z } from 'zod';

export const MAX_TEXT_LENGTH = 1_000_000;

const span = z
  .object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .refine((s) => s.start < s.end, { message: 'start must be below end' });

export const articleSchema = z.object({
  text: z.string().min(1, 'text must not be empty').max(MAX_TEXT_LENGTH, `text must be at most ${MAX_TEXT_LENGTH} characters`),
  title: z.string().max(2000).optional(),
  publishedAt: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  entities: z.array(span).max(1000).optional(),
});

export type ArticleInput = z.infer<typeof articleSchema>;

/** One line of a zod error, naming the field: "entities.0.end: start must be below end". */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'body'}: ${i.message}`).join('; ');
}
