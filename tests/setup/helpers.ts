// What the integration and end-to-end tests share: a configuration pointing at the suite's
// private Redis under a key prefix of the test file's own, and small HTTP helpers.
import { randomBytes } from 'node:crypto';
import type { Config } from '../../src/config';
import { loadConfig } from '../../src/config';
import { generatedArticle } from '../../bench/articles';
import { MAX_TEXT_LENGTH } from '../../src/analysis/article-schema';
import { createLogger } from '../../src/entrypoints/logger';

export function testRedisUrl(): string {
  const url = process.env.STANCE_TEST_REDIS_URL;
  if (!url) throw new Error('STANCE_TEST_REDIS_URL is not set: run the tests with `npm test` (jest global setup starts Redis)');
  return url;
}

/** A configuration of its own (key prefix, queue) on the suite's Redis; env-style overrides. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  const id = randomBytes(4).toString('hex');
  return loadConfig({
    REDIS_URL: testRedisUrl(),
    KEY_PREFIX: `test-${id}`,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    HEARTBEAT_SECONDS: '1',
    JOB_BACKOFF_MS: '20',
    // One analysis thread per worker (each loads the models): tests that need more say so.
    WORKER_CONCURRENCY: '1',
    ...overrides,
  });
}

export const silentLogger = createLogger({ logLevel: 'silent' });

/**
 * Generated news as long as the API takes (1,000,000 characters, ~9,000 statements): its analysis
 * takes seconds on any machine, so tests can watch what happens while one is under way.
 */
export function longArticle(seed = 1): { title: string; text: string } {
  const { title, text } = generatedArticle(seed, 3020);
  return { title, text: text.slice(0, MAX_TEXT_LENGTH) };
}

export interface HttpReply {
  status: number;
  headers: Headers;
  /** The JSON body, parsed; undefined when the body is not JSON. */
  body: any;
  text: string;
}

export async function http(
  base: string,
  method: string,
  url: string,
  options: { json?: unknown; body?: string; headers?: Record<string, string> } = {},
): Promise<HttpReply> {
  const headers = { ...(options.json !== undefined && { 'content-type': 'application/json' }), ...options.headers };
  const response = await fetch(base + url, {
    method,
    headers,
    body: options.json !== undefined ? JSON.stringify(options.json) : options.body,
  });
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, body, text };
}

/** Polls until `check` returns a value (not undefined) or the time runs out. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 15_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** A 4xx/5xx in the API's error shape, and nothing else: no stack trace, no HTML. */
export function expectApiError(reply: HttpReply, status: number, code: string, mentions?: string | RegExp): void {
  expect({ status: reply.status, code: reply.body?.error?.code }).toEqual({ status, code });
  expect(Object.keys(reply.body).sort()).toEqual(['error']);
  expect(Object.keys(reply.body.error).every((k) => ['code', 'message', 'details'].includes(k))).toBe(true);
  expect(reply.text).not.toMatch(/\n\s+at /);
  if (mentions) expect(reply.body.error.message).toMatch(mentions);
}
