// The HTTP API on a real port against the suite's Redis, without a worker: what it accepts,
// what it refuses (every 4xx path) and how it answers.
import type { Analysis } from '../../src/analysis/types';
import { startApi, type RunningApi } from '../../src/entrypoints/start-api';
import { startHeartbeat } from '../../src/queue/heartbeat';
import type { StoredArticle } from '../../src/store/article-store';
import { createRedis } from '../../src/store/redis';
import { expectApiError, http, silentLogger, testConfig } from '../setup/helpers';

let api: RunningApi;
const call = (method: string, url: string, options?: Parameters<typeof http>[3]) => http(api.url, method, url, options);

beforeAll(async () => {
  api = await startApi(testConfig({ BODY_LIMIT: '4kb', BATCH_MAX_ARTICLES: '5' }), silentLogger);
});
afterAll(async () => {
  await api.close();
});

const expectError = expectApiError;

describe('POST /articles', () => {
  const article = { title: 'Talks resume', text: 'The foreign minister said talks would resume.', publishedAt: '2019-02-25' };

  it('accepts an article with 202, its ids, status and links, and queues one job', async () => {
    const reply = await call('POST', '/articles', { json: article });
    expect(reply.status).toBe(202);
    const { articleId, jobId } = reply.body;
    expect(articleId).toMatch(/^[0-9a-f]{32}$/);
    expect(reply.body).toEqual({
      articleId,
      jobId: `article-${articleId}`,
      status: 'queued',
      duplicate: false,
      updated: false,
      links: { job: `/jobs/${jobId}`, article: `/articles/${articleId}` },
    });
    const job = await call('GET', `/jobs/${jobId}`);
    expect(job.status).toBe(200);
    expect(job.body).toMatchObject({ id: jobId, articleId, state: 'waiting', attempts: 0, finishedAt: null });
    const stored = await call('GET', `/articles/${articleId}?include=text`);
    expect(stored.body).toMatchObject({ id: articleId, status: 'queued', text: article.text, publishedAt: '2019-02-25', analysis: null });
  });

  it('answers the same article again with 200 and the same ids, and queues nothing more', async () => {
    const first = await call('POST', '/articles', { json: { ...article, text: 'Same  article,\nonce more.' } });
    const again = await call('POST', '/articles', { json: { ...article, text: ' Same article, once more. ' } });
    expect(first.status).toBe(202);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ articleId: first.body.articleId, jobId: first.body.jobId, duplicate: true, status: 'queued' });
    expect(await api.queue.getJobCountByTypes('waiting')).toBe(2); // this test's article and the one above
  });

  it.each([
    ['text is missing', { title: 'No text' }, /^text: /],
    ['text is not a string', { text: 42 }, /^text: /],
    ['text is empty', { text: '' }, /^text: /],
    ['title is not a string', { text: 'x', title: ['a'] }, /^title: /],
    ['url is not http(s)', { text: 'x', url: 'javascript:alert(1)' }, /^url: must be an http\(s\) URL/],
    ['publishedAt is not a date', { text: 'x', publishedAt: 'last Tuesday' }, /^publishedAt: must be an ISO 8601 date/],
    ['publishedAt is an impossible date', { text: 'x', publishedAt: '2019-02-30' }, /^publishedAt: /],
    ['source is empty', { text: 'x', source: '' }, /^source: must not be empty/],
    ['a field is unknown', { text: 'x', txet: 'typo' }, /unknown field\(s\) txet/],
    ['the body is an array', [{ text: 'x' }], /must be a JSON object/],
  ])('refuses with 400 naming the field when %s', async (_case, body, message) => {
    expectError(await call('POST', '/articles', { json: body }), 400, 'invalid_request', message);
  });

  it('refuses a body over the limit with 413', async () => {
    expectError(await call('POST', '/articles', { json: { text: 'word '.repeat(2000) } }), 413, 'payload_too_large', /4096 bytes/);
  });

  it('refuses a body that is not JSON with 415, with or without a content type', async () => {
    expectError(await call('POST', '/articles', { body: 'text=hello', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415, 'unsupported_media_type');
    expectError(await call('POST', '/articles', { body: 'hello', headers: { 'content-type': 'text/plain' } }), 415, 'unsupported_media_type');
    expectError(await call('POST', '/articles', { body: 'hello' }), 415, 'unsupported_media_type');
  });

  it('refuses malformed JSON with 400', async () => {
    expectError(await call('POST', '/articles', { body: '{"text": "unterminated', headers: { 'content-type': 'application/json' } }), 400, 'malformed_json');
  });

  it('refuses a charset other than UTF-8 with 415', async () => {
    expectError(await call('POST', '/articles', { body: '{"text":"x"}', headers: { 'content-type': 'application/json; charset=latin9' } }), 415, 'unsupported_media_type');
  });
});

describe('POST /articles/batch', () => {
  const articles = [{ text: 'Batch one.' }, { text: 'Batch two.' }, { text: 'Batch  one.' }];

  it('accepts articles in one request, the duplicates marked', async () => {
    const reply = await call('POST', '/articles/batch', { json: { articles } });
    expect(reply.status).toBe(202);
    expect(reply.body).toMatchObject({ accepted: 2, duplicates: 1 });
    const [one, two, oneAgain] = reply.body.articles;
    expect(oneAgain).toMatchObject({ articleId: one.articleId, duplicate: true });
    expect(two).toMatchObject({ status: 'queued', duplicate: false, links: { job: `/jobs/${two.jobId}` } });
    const again = await call('POST', '/articles/batch', { json: { articles: articles.slice(0, 2) } });
    expect(again.body).toMatchObject({ accepted: 0, duplicates: 2 });
  });

  it.each([
    ['articles is missing', {}, /^articles: is required/],
    ['articles is not an array', { articles: { text: 'x' } }, /^articles: must be an array/],
    ['articles is empty', { articles: [] }, /^articles: must hold at least one article/],
    ['there are more articles than allowed', { articles: Array.from({ length: 6 }, (_, i) => ({ text: `n${i}` })) }, /^articles: must hold at most 5 articles/],
    ['one article is invalid', { articles: [{ text: 'fine' }, { text: 7 }] }, /^articles\.1\.text: /],
  ])('refuses with 400 naming the field when %s', async (_case, body, message) => {
    expectError(await call('POST', '/articles/batch', { json: body }), 400, 'invalid_request', message);
  });
});

describe('GET /jobs/:id and GET /articles/:id', () => {
  it('refuse ids of the wrong shape with 400 naming the parameter', async () => {
    expectError(await call('GET', '/jobs/42'), 400, 'invalid_request', /^id: must be a job id/);
    expectError(await call('GET', '/articles/not-an-id'), 400, 'invalid_request', /^id: must be an article id/);
  });

  it('answer 404 for ids nobody made', async () => {
    expectError(await call('GET', `/jobs/article-${'a'.repeat(32)}`), 404, 'not_found');
    expectError(await call('GET', `/articles/${'a'.repeat(32)}`), 404, 'not_found');
  });
});

describe('GET /articles/:id?include=', () => {
  const text = 'Kenya thanked Ghana for its help, the minister said.';
  let articleId: string;
  const analysis: Analysis = {
    quotes: [{ start: 0, end: 33, text: text.slice(0, 33), kind: 'indirect', cue: null, speaker: null, confidence: 0.7 }],
    actors: [
      { id: 'KEN', name: 'Kenya', type: 'country', mentions: [{ start: 0, end: 5, text: 'Kenya' }] },
      { id: 'GHA', name: 'Ghana', type: 'country', mentions: [{ start: 14, end: 19, text: 'Ghana' }] },
    ],
    stances: [{ source: 'KEN', target: 'GHA', score: 0.6, polarity: 1, evidence: [{ start: 0, end: 33, text: text.slice(0, 33), score: 0.6, quote: 0 }] }],
  };

  beforeAll(async () => {
    articleId = (await call('POST', '/articles', { json: { text, source: 'Wire' } })).body.articleId;
    await api.store.recordAnalysis((await api.store.get(articleId)) as StoredArticle, analysis);
  });

  it('answers the metadata, status, counts and the stances when not told', async () => {
    const reply = await call('GET', `/articles/${articleId}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      id: articleId,
      source: 'Wire',
      jobId: `article-${articleId}`,
      status: 'completed',
      version: 1,
      receivedAt: expect.any(String),
      analysedAt: expect.any(String),
      counts: { quotes: 1, actors: 2, stances: 1 },
      analysis: { stances: analysis.stances },
      links: { job: `/jobs/article-${articleId}` },
    });
  });

  it('answers the parts asked for, all of them, or none', async () => {
    const some = await call('GET', `/articles/${articleId}?include=text,quotes`);
    expect(some.body).toMatchObject({ text, counts: { quotes: 1 }, analysis: { quotes: analysis.quotes } });
    expect(Object.keys(some.body.analysis)).toEqual(['quotes']);
    const all = await call('GET', `/articles/${articleId}?include=all`);
    expect(all.body).toMatchObject({ text, analysis });
    const none = await call('GET', `/articles/${articleId}?include=`);
    expect(none.body).toMatchObject({ status: 'completed', counts: { stances: 1 }, analysis: null });
    expect(none.body.text).toBeUndefined();
  });

  it('refuses a part it does not have with 400 naming it', async () => {
    expectError(await call('GET', `/articles/${articleId}?include=quotes,txt`), 400, 'invalid_request', /^include: unknown part\(s\) txt/);
    expectError(await call('GET', `/articles/${articleId}?inclde=all`), 400, 'invalid_request', /unknown field\(s\) inclde/);
  });
});

describe('GET /stance/summary', () => {
  it('answers an empty summary before anything is analysed', async () => {
    const reply = await call('GET', '/stance/summary?source=IRN&from=2019-01-01&to=2019-12-31&minArticles=1');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ total: 0, pairs: [], nextCursor: null, links: { next: null } });
  });

  it.each([
    ['minArticles is not a number', '?minArticles=many', /^minArticles: /],
    ['minArticles is below 1', '?minArticles=0', /^minArticles: must be at least 1/],
    ['limit is too big', '?limit=100000', /^limit: must be at most 1000/],
    ['from is not a date', '?from=yesterday', /^from: must be an ISO 8601 date/],
    ['to is before from', '?from=2019-03-01&to=2019-02-01', /^to: must not be before from/],
    ['a parameter is given twice', '?source=IRN&source=USA', /^source: must be a string/],
    ['a parameter is empty', '?actor=', /^actor: must not be empty/],
    ['a parameter is unknown', '?sauce=IRN', /unknown field\(s\) sauce/],
  ])('refuses with 400 naming the parameter when %s', async (_case, query, message) => {
    expectError(await call('GET', `/stance/summary${query}`), 400, 'invalid_request', message);
  });
});

describe('health, readiness, the page and unknown routes', () => {
  it('/health answers while the process is up', async () => {
    const reply = await call('GET', '/health');
    expect(reply.status).toBe(200);
    expect(reply.body.status).toBe('ok');
  });

  it('/ready is 503 without a worker and 200 once a worker beats', async () => {
    expectError(await call('GET', '/ready'), 503, 'not_ready', /no worker/);
    const redis = createRedis(testConfig().redisUrl);
    const heartbeat = await startHeartbeat(redis, api.store.keys, 'test-worker', 1, () => undefined);
    try {
      const reply = await call('GET', '/ready');
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({ status: 'ready', redis: true, workers: 1, paused: false });
    } finally {
      await heartbeat.stop();
      await redis.quit();
    }
    expect((await call('GET', '/ready')).status).toBe(503);
  });

  it('serves the web page at /', async () => {
    const reply = await call('GET', '/');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/text\/html/);
    expect(reply.text).toContain('<script src="app.js"');
  });

  it('answers unknown routes with a JSON 404', async () => {
    expectError(await call('GET', '/nowhere'), 404, 'not_found', /GET \/nowhere/);
    expectError(await call('DELETE', '/articles'), 404, 'not_found');
  });
});
