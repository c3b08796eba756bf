// Who gets in and how much: API keys, rate limits shared through Redis, security headers, CORS,
// request ids carried into jobs, and Redis keys built only from ids the service made.
import type Redis from 'ioredis';
import { startApi, type RunningApi } from '../../src/entrypoints/start-api';
import { createRedis } from '../../src/store/redis';
import { expectApiError, http, silentLogger, testConfig } from '../setup/helpers';

const KEY = 'test-key-0123456789abcdef';
const OTHER_KEY = 'other-key-0123456789abcdef';
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const basic = (key: string) => ({ authorization: `Basic ${Buffer.from(`anyone:${key}`).toString('base64')}` });

const started: RunningApi[] = [];
async function api(overrides: Record<string, string>, prefix?: string): Promise<RunningApi> {
  const running = await startApi(testConfig({ ...overrides, ...(prefix && { KEY_PREFIX: prefix }) }), silentLogger);
  started.push(running);
  return running;
}
afterAll(async () => {
  await Promise.all(started.map((a) => a.close()));
});

describe('API keys', () => {
  let a: RunningApi;
  beforeAll(async () => {
    a = await api({ API_KEYS: `${KEY}, ${OTHER_KEY}`, RATE_LIMIT: '0' });
  });

  it('leave /health open', async () => {
    expect((await http(a.url, 'GET', '/health')).status).toBe(200);
  });

  it.each([
    ['GET', '/ready'],
    ['GET', '/metrics'],
    ['GET', '/admin/queues'],
    ['GET', '/stance/summary'],
    ['GET', '/actors?limit=1'],
    ['GET', `/jobs/article-${'a'.repeat(32)}`],
    ['GET', `/articles/${'a'.repeat(32)}`],
    ['POST', '/articles'],
    ['POST', '/articles/batch'],
    ['GET', '/'],
    ['GET', '/nowhere'],
  ])('guard %s %s: 401 without a key, with a wrong one, or with another scheme', async (method, url) => {
    const json = method === 'POST' ? { text: 'Talks resumed.' } : undefined;
    const none = await http(a.url, method, url, { json });
    expectApiError(none, 401, 'unauthorized', /API key is required/);
    // Basic first: Chromium reads only the first challenge, and asks for the key only for Basic.
    expect(none.headers.get('www-authenticate')).toMatch(/^Basic realm="stance", charset="UTF-8", Bearer realm="stance"$/);
    expectApiError(await http(a.url, method, url, { json, headers: bearer('wrong-key-0123456789abcdef') }), 401, 'unauthorized', /not valid/);
    expectApiError(await http(a.url, method, url, { json, headers: { authorization: `Token ${KEY}` } }), 401, 'unauthorized');
    expectApiError(await http(a.url, method, url, { json, headers: bearer(KEY.slice(0, -1)) }), 401, 'unauthorized');
  });

  it('let a request with any configured key through, as a Bearer token or a Basic password', async () => {
    const posted = await http(a.url, 'POST', '/articles', { json: { text: 'Talks resumed on Monday.' }, headers: bearer(KEY) });
    expect(posted.status).toBe(202);
    expect((await http(a.url, 'GET', posted.body.links.job, { headers: bearer(OTHER_KEY) })).status).toBe(200);
    expect((await http(a.url, 'GET', '/stance/summary', { headers: basic(KEY) })).status).toBe(200);
    const metrics = await http(a.url, 'GET', '/metrics', { headers: bearer(KEY) });
    expect(metrics.status).toBe(200);
    expect(metrics.text).toContain('stance_http_request_duration_seconds');
    // The queue dashboard wants an admin key: see admin.test.ts.
  });

  it('refuses keys shorter than 16 characters at start, without showing them', () => {
    expect(() => testConfig({ API_KEYS: 'short' })).toThrow(/API_KEYS=\(value hidden\): each key must be at least 16 characters/);
    expect(() => testConfig({ API_KEYS: 'short' })).not.toThrow(/short/);
  });
});

describe('rate limiting', () => {
  it('answers 429 with Retry-After past the limit, per key, counted in Redis across replicas', async () => {
    const prefix = `test-rate-${Date.now()}`;
    const settings = { API_KEYS: `${KEY},${OTHER_KEY}`, RATE_LIMIT: '3', RATE_LIMIT_WINDOW_SECONDS: '60' };
    const one = await api(settings, prefix);
    const two = await api(settings, prefix); // a second replica on the same Redis
    const statuses = [];
    for (const replica of [one, two, one]) statuses.push((await http(replica.url, 'GET', '/stance/summary', { headers: bearer(KEY) })).status);
    expect(statuses).toEqual([200, 200, 200]);
    const limited = await http(two.url, 'GET', '/stance/summary', { headers: bearer(KEY) });
    expectApiError(limited, 429, 'rate_limited', /at most 3 per 60 s/);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Another key has its own count; /health is never limited.
    expect((await http(one.url, 'GET', '/stance/summary', { headers: bearer(OTHER_KEY) })).status).toBe(200);
    expect((await http(one.url, 'GET', '/health')).status).toBe(200);
    // Requests without a valid key count per address: guessing keys is limited too.
    const guesses = [];
    for (let i = 0; i < 5; i++) guesses.push((await http(one.url, 'GET', '/stance/summary', { headers: bearer(`guess-${i}-0123456789abcdef`) })).status);
    expect(guesses).toEqual([401, 401, 401, 429, 429]);
  });

  it('sends the standard RateLimit headers while under the limit', async () => {
    const a = await api({ RATE_LIMIT: '100' });
    const reply = await http(a.url, 'GET', '/stance/summary');
    expect(reply.headers.get('ratelimit-limit')).toBe('100');
    expect(Number(reply.headers.get('ratelimit-remaining'))).toBe(99);
  });
});

describe('headers', () => {
  let a: RunningApi;
  beforeAll(async () => {
    a = await api({});
  });

  it('sets helmet security headers and no X-Powered-By', async () => {
    const reply = await http(a.url, 'GET', '/');
    expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
    expect(reply.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(reply.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(reply.headers.get('x-powered-by')).toBeNull();
  });

  it('gives no CORS permission unless origins are configured', async () => {
    const reply = await http(a.url, 'GET', '/stance/summary', { headers: { origin: 'https://news.example' } });
    expect(reply.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await http(a.url, 'OPTIONS', '/articles', {
      headers: { origin: 'https://news.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows the configured origins only', async () => {
    const cors = await api({ CORS_ORIGINS: 'https://news.example' });
    const allowed = await http(cors.url, 'GET', '/stance/summary', { headers: { origin: 'https://news.example' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://news.example');
    const other = await http(cors.url, 'GET', '/stance/summary', { headers: { origin: 'https://elsewhere.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await http(cors.url, 'OPTIONS', '/articles', {
      headers: { origin: 'https://news.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    expect(() => testConfig({ CORS_ORIGINS: 'news.example' })).toThrow(/CORS_ORIGINS="news.example": must be \*/);
  });

  it('answers with a request id, keeps a caller\'s plain one, and carries it into the job', async () => {
    const fresh = await http(a.url, 'GET', '/health');
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const posted = await http(a.url, 'POST', '/articles', { json: { text: 'The envoy arrived in Geneva.' }, headers: { 'x-request-id': 'trace-42' } });
    expect(posted.headers.get('x-request-id')).toBe('trace-42');
    expect((await a.queue.getJob(posted.body.jobId))?.data).toEqual({ articleId: posted.body.articleId, requestId: 'trace-42' });
    const forged = await http(a.url, 'GET', '/health', { headers: { 'x-request-id': 'a b {"level":60}' } });
    expect(forged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('cross-site requests', () => {
  const article = { text: 'The delegation left Oslo on Friday.' };
  const crossSite = [
    ['another site (Sec-Fetch-Site)', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }],
    ['another origin (no Sec-Fetch-Site)', { origin: 'https://evil.example' }],
    ['an opaque origin', { origin: 'null' }],
  ] as const;

  it.each(crossSite)('may not post an article from %s, even with the browser\'s Basic credentials', async (_label, headers) => {
    const a = await api({ API_KEYS: KEY, RATE_LIMIT: '0' });
    const reply = await http(a.url, 'POST', '/articles', { json: article, headers: { ...headers, ...basic(KEY) } });
    expectApiError(reply, 403, 'cross_site_request', /cross-site/i);
    expect(await a.queue.getJobCountByTypes('waiting')).toBe(0);
    const batch = await http(a.url, 'POST', '/articles/batch', { json: { articles: [article] }, headers: { ...headers, ...basic(KEY) } });
    expectApiError(batch, 403, 'cross_site_request');
  });

  it('lets the page of the service itself, programs without an Origin, and CORS_ORIGINS origins post', async () => {
    const a = await api({ CORS_ORIGINS: 'https://news.example', RATE_LIMIT: '0' });
    const own = await http(a.url, 'POST', '/articles', { json: article, headers: { origin: a.url, 'sec-fetch-site': 'same-origin' } });
    expect(own.status).toBe(202);
    const ownOldBrowser = await http(a.url, 'POST', '/articles', { json: { text: 'Talks ended.' }, headers: { origin: a.url } });
    expect(ownOldBrowser.status).toBe(202);
    expect((await http(a.url, 'POST', '/articles', { json: { text: 'Talks began.' } })).status).toBe(202);
    const allowed = await http(a.url, 'POST', '/articles', { json: { text: 'Talks paused.' }, headers: { origin: 'https://news.example', 'sec-fetch-site': 'cross-site' } });
    expect(allowed.status).toBe(202);
    const other = await http(a.url, 'POST', '/articles', { json: { text: 'Talks resumed.' }, headers: { origin: 'https://elsewhere.example', 'sec-fetch-site': 'cross-site' } });
    expectApiError(other, 403, 'cross_site_request');
  });

  it('still answers cross-site reads (CORS keeps their answers from the page)', async () => {
    const a = await api({});
    expect((await http(a.url, 'GET', '/stance/summary', { headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } })).status).toBe(200);
  });
});

describe('Redis keys', () => {
  let redis: Redis;
  afterAll(async () => {
    await redis?.quit();
  });

  it('are built only from the prefix and ids the service made, whatever clients send', async () => {
    const prefix = `test-keys-${Date.now()}`;
    const a = await api({}, prefix);
    const hostile = ['*', '../../etc', 'a:b:c', '{x}', 'key\nFLUSHALL', 'é'.repeat(50), ' '];
    for (const value of hostile) {
      await http(a.url, 'POST', '/articles', { json: { title: value, text: `${value} said the talks failed.`, source: value } });
      await http(a.url, 'GET', `/stance/summary?source=${encodeURIComponent(value)}&actor=${encodeURIComponent(value)}`);
      await http(a.url, 'GET', `/actors/${encodeURIComponent(value)}`);
      await http(a.url, 'GET', `/jobs/${encodeURIComponent(value)}`);
      await http(a.url, 'GET', `/articles/${encodeURIComponent(value)}`);
    }
    redis = createRedis(testConfig().redisUrl);
    const keys = await redis.keys(`${prefix}:*`);
    expect(keys.length).toBeGreaterThan(hostile.length);
    const made = new RegExp(
      `^${prefix}:(store-layout|articles|article:[0-9a-f]{32}|rate:ip:[0-9a-f:.]+(/\\d+)?|bull:articles:(article-[0-9a-f]{32}|id|meta|wait|events|marker|active|delayed|prioritized|pc|completed|failed|stalled-check))$`,
    );
    expect(keys.filter((key) => !made.test(key))).toEqual([]);
  });
});
