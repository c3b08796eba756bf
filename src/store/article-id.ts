// An article's id is a hash of its normalised title and text, so posting the same article again
// (re-encoded, re-wrapped, with other spacing) finds the same id and is not analysed twice.
import { createHash } from 'node:crypto';

export const ARTICLE_ID = /^[0-9a-f]{32}$/;
export const JOB_ID = /^article-([0-9a-f]{32})$/;

/** NFKC, one space for every run of white space, trimmed. */
export function normaliseForId(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/** 32 hex characters (128 bits) of sha256 over the normalised title and text. */
export function articleIdFor(article: { title?: string; text: string }): string {
  return createHash('sha256')
    .update(normaliseForId(article.title ?? ''))
    .update('\u0000')
    .update(normaliseForId(article.text))
    .digest('hex')
    .slice(0, 32);
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
