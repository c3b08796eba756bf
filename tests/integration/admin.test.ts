// The queue dashboard (/admin/queues): who may open it (ADMIN_API_KEYS), that no cross-site
// request changes the queue through it, that it carries the API's security headers, and that
// /ready tells when the queue is paused.
import { startApi, type RunningApi } from '../../src/entrypoints/start-api';
import { startHeartbeat } from '../../src/queue/heartbeat';
import { createRedis } from '../../src/store/redis';
import { expectApiError, http, silentLogger, testConfig } from '../setup/helpers';

const KEY = 'user-key-0123456789abcdef';
const ADMIN_KEY = 'admin-key-0123456789abcdef';
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const basic = (key: string) => ({ authorization: `Basic ${Buffer.from(`anyone:${key}`).toString('base64')}` });
const PAUSE = '/admin/queues/api/queues/articles/pause';
const RESUME = '/admin/queues/api/queues/articles/resume';
const ADD = '/admin/queues/api/queues/articles/add';

const started: RunningApi[] = [];
async function api(overrides: Record<string, string>): Promise<RunningApi> {
  const running = await startApi(testConfig({ RATE_LIMIT: '0', ...overrides }), silentLogger);
  started.push(running);
  return running;
}
afterAll(async () => {
  await Promise.all(started.map((a) => a.close()));
});

/** What the dashboard's own page sends with its requests. */
const sameOrigin = (a: RunningApi) => ({ origin: a.url, 'sec-fetch-site': 'same-origin' });

describe('with ADMIN_API_KEYS', () => {
  let a: RunningApi;
  beforeAll(async () => {
    a = await api({ API_KEYS: KEY, ADMIN_API_KEYS: ADMIN_KEY });
  });

  it('opens the dashboard to an admin key only', async () => {
    const page = await http(a.url, 'GET', '/admin/queues', { headers: basic(ADMIN_KEY) });
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<html/i);
    const queues = await http(a.url, 'GET', '/admin/queues/api/queues', { headers: bearer(ADMIN_KEY) });
    expect(queues.body.queues.map((q: { name: string }) => q.name)).toEqual(['articles']);
    expect((await http(a.url, 'GET', '/admin/queues/api/redis/stats', { headers: bearer(ADMIN_KEY) })).status).toBe(200);
    expect((await http(a.url, 'PUT', PAUSE, { headers: { ...bearer(ADMIN_KEY), ...sameOrigin(a) } })).status).toBe(200);
    expect(await a.queue.isPaused()).toBe(true);
    expect((await http(a.url, 'PUT', RESUME, { headers: { ...bearer(ADMIN_KEY), ...sameOrigin(a) } })).status).toBe(200);
    expect(await a.queue.isPaused()).toBe(false);
  });

  it('asks a user key for an admin key (a browser prompts again), and changes nothing', async () => {
    for (const [method, url] of [['GET', '/admin/queues'], ['GET', '/admin/queues/api/redis/stats'], ['PUT', PAUSE]]) {
      const reply = await http(a.url, method, url, { headers: { ...basic(KEY), ...sameOrigin(a) } });
      expectApiError(reply, 401, 'unauthorized', /admin key/);
      expect(reply.headers.get('www-authenticate')).toMatch(/^Basic realm="stance admin"/);
    }
    expectApiError(await http(a.url, 'GET', '/admin/queues'), 401, 'unauthorized', /API key is required/);
    expect(await a.queue.isPaused()).toBe(false);
  });

  it('takes an admin key as an API key too', async () => {
    expect((await http(a.url, 'GET', '/stance/summary', { headers: bearer(ADMIN_KEY) })).status).toBe(200);
    expect((await http(a.url, 'POST', '/articles', { json: { text: 'The envoy left Vienna.' }, headers: bearer(ADMIN_KEY) })).status).toBe(202);
  });

  it('refuses admin keys that are not keys at start, without showing them', () => {
    expect(() => testConfig({ ADMIN_API_KEYS: 'short' })).toThrow(/ADMIN_API_KEYS=\(value hidden\): each key must be at least 16 characters/);
    expect(() => testConfig({ ADMIN_API_KEYS: 'short' })).not.toThrow(/short/);
  });
});

describe('with API_KEYS and no admin key', () => {
  it('turns the dashboard off for every key', async () => {
    const a = await api({ API_KEYS: KEY });
    for (const [method, url] of [['GET', '/admin/queues'], ['GET', '/admin/queues/api/queues'], ['PUT', PAUSE]]) {
      expectApiError(await http(a.url, method, url, { headers: { ...bearer(KEY), ...sameOrigin(a) } }), 404, 'not_found', /ADMIN_API_KEYS/);
    }
    expect(await a.queue.isPaused()).toBe(false);
  });
});

describe('with no keys at all (local use)', () => {
  let a: RunningApi;
  beforeAll(async () => {
    a = await api({});
  });

  it('keeps the dashboard open to its own page', async () => {
    expect((await http(a.url, 'GET', '/admin/queues')).status).toBe(200);
    expect((await http(a.url, 'PUT', PAUSE, { headers: sameOrigin(a) })).status).toBe(200);
    expect(await a.queue.isPaused()).toBe(true);
    expect((await http(a.url, 'PUT', RESUME, { headers: sameOrigin(a) })).status).toBe(200);
    expect(await a.queue.isPaused()).toBe(false);
  });

  it.each([
    ['another site (Sec-Fetch-Site)', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }],
    ['a sibling site (Sec-Fetch-Site)', { origin: 'https://evil.localhost', 'sec-fetch-site': 'same-site' }],
    ['another origin (a browser without Sec-Fetch-Site)', { origin: 'https://evil.example' }],
    ['an opaque origin (a sandboxed frame)', { origin: 'null' }],
  ])('refuses a change sent from %s with 403', async (_label, headers) => {
    expectApiError(await http(a.url, 'PUT', PAUSE, { headers }), 403, 'cross_site_request', /cross-site/i);
    expect(await a.queue.isPaused()).toBe(false);
  });

  it('refuses a job added with a form-like text/plain body (CSRF without a preflight)', async () => {
    const body = JSON.stringify({ name: 'x', data: {}, options: { jobId: `article-${'b'.repeat(32)}` } });
    expectApiError(await http(a.url, 'POST', ADD, { body, headers: { 'content-type': 'text/plain' } }), 415, 'unsupported_media_type');
    expect(await a.queue.getJob(`article-${'b'.repeat(32)}`)).toBeUndefined();
    expect(await a.queue.getJobCountByTypes('waiting')).toBe(0);
  });

  it.each(['/admin/queues', '/admin/queues/api/queues'])('answers %s with helmet\'s headers and no X-Powered-By', async (url) => {
    const reply = await http(a.url, 'GET', url);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
    expect(reply.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(reply.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(reply.headers.get('x-powered-by')).toBeNull();
  });
});

describe('/ready', () => {
  it('is 503 while the queue is paused, with a worker beating', async () => {
    const a = await api({});
    const redis = createRedis(testConfig().redisUrl);
    const heartbeat = await startHeartbeat(redis, a.store.keys, 'test-worker', 1, () => undefined);
    try {
      expect((await http(a.url, 'GET', '/ready')).body).toEqual({ status: 'ready', redis: true, workers: 1, paused: false });
      await a.queue.pause();
      const paused = await http(a.url, 'GET', '/ready');
      expectApiError(paused, 503, 'not_ready', /queue is paused/);
      expect(paused.body.error.details).toEqual({ redis: true, workers: 1, paused: true });
      await a.queue.resume();
      expect((await http(a.url, 'GET', '/ready')).status).toBe(200);
    } finally {
      await heartbeat.stop();
      await redis.quit();
    }
  });
});
