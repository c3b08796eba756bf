// An article's id is a hash of its normalised title and text, so posting the same article again
// (re-encoded, re-wrapped, with other spacing) finds the same id and is not analysed twice.
import { createHash } from 'node:crypto';

export const ARTICLE_ID = /^[0-9a-f]{32}$/;
export const JOB_ID = /^article-([0-9a-f]{32})$/;

/** NFKC, one space for every run of white space, trimmed. */
export function normaliseForId(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/**
 * What the id hashes: the normalised title, a NUL, the normalised text. Two different articles
 * never give the same string, because the API refuses control characters, NUL among them, in
 * titles and texts (src/api/schemas.ts), and NFKC never makes a NUL out of anything else (no
 * code point's decomposition holds one, and composing makes letters): so the first NUL is the
 * separator, and the string gives back the title and the text it was made of. This has been the
 * scheme since the first article was stored; keeping it keeps every stored article's id, so an
 * article posted again is still recognised (tests/integration/article-ids.test.ts).
 */
export function articleIdInput(article: { title?: string; text: string }): string {
  return `${normaliseForId(article.title ?? '')}\u0000${normaliseForId(article.text)}`;
}

/** 32 hex characters (128 bits) of sha256 over the normalised title and text. */
export function articleIdFor(article: { title?: string; text: string }): string {
  return createHash('sha256').update(articleIdInput(article)).digest('hex').slice(0, 32);
}

/** The BullMQ job id of an article's analysis ("article-<id>": BullMQ refuses all-digit ids). */
export function jobIdFor(articleId: string): string {
  return `article-${articleId}`;
}

/** The article id a job id was made from, or null when it is not one of ours. */
export function articleIdOfJob(jobId: string): string | null {
  const match = JOB_ID.exec(jobId);
  return match ? match[1] : null;
}
