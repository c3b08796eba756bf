// Every malformed request we could think of, route by route: each gets a 4xx in the API's error
// shape with a message naming the problem (the field, the parameter, the header), never a
// stack trace or a 500.
import { startApi, type RunningApi } from '../../src/entrypoints/start-api';
import { expectApiError, http, silentLogger, testConfig } from '../setup/helpers';

let api: RunningApi;
beforeAll(async () => {
  api = await startApi(testConfig({ BODY_LIMIT: '3mb', BATCH_MAX_ARTICLES: '10', RATE_LIMIT: '0' }), silentLogger);
});
afterAll(async () => {
  await api.close();
});

type Case = [label: string, body: unknown, message: RegExp];

const JSON_HEADERS = { 'content-type': 'application/json' };
const post = (url: string, body: unknown) => http(api.url, 'POST', url, { body: typeof body === 'string' ? body : JSON.stringify(body), headers: JSON_HEADERS });

describe('POST /articles', () => {
  const bad: Case[] = [
    // the body itself
    ['an array body', [{ text: 'x' }], /^body: must be a JSON object/],
    ['a JSON string body', '"just text"', /^body: must be a JSON object/],
    ['a JSON number body', '42', /^body: must be a JSON object/],
    ['a JSON null body', 'null', /^body: must be a JSON object/],
    ['a JSON boolean body', 'true', /^body: must be a JSON object/],
    ['an empty array body', '[]', /^body: must be a JSON object/],
    ['a deeply nested body', '['.repeat(50_000) + ']'.repeat(50_000), /^body: must be a JSON object/],
    ['truncated JSON', '{"text": "abc', /not valid JSON/],
    ['JSON with a trailing comma', '{"text": "abc",}', /not valid JSON/],
    ['an empty body', '', /^text: is required/],
    // text
    ['no text', { title: 'A title' }, /^text: is required/],
    ['text null', { text: null }, /^text: must be a string/],
    ['text a number', { text: 42 }, /^text: must be a string/],
    ['text a boolean', { text: true }, /^text: must be a string/],
    ['text an object', { text: { body: 'x' } }, /^text: must be a string/],
    ['text an array', { text: ['a', 'b'] }, /^text: must be a string/],
    ['text empty', { text: '' }, /^text: must not be empty/],
    ['text only white space', { text: ' \n\t\u00a0 ' }, /^text: must not be empty or only white space$/],
    ['a NUL in the text', { text: 'Iran\u0000Syria' }, /^text: must not contain control characters \(U\+0000 at character 4\); only tab and line breaks are allowed$/],
    ['an escape sequence in the text', { text: 'Iran \u001b[2J spoke.' }, /^text: must not contain control characters \(U\+001B at character 5\)/],
    ['a C1 control in the text', { text: 'Iran\u009bspoke.' }, /^text: must not contain control characters \(U\+009B/],
    ['text over a million characters', { text: 'a'.repeat(1_000_001) }, /^text: must be at most 1000000 characters/],
    ['duplicate keys, the last one wrong', '{"text": "fine", "text": 7}', /^text: must be a string/],
    // title, source, url
    ['title a number', { text: 'x', title: 7 }, /^title: /],
    ['title too long', { text: 'x', title: 't'.repeat(2001) }, /^title: /],
    ['a NUL in the title', { text: 'Russia spoke.', title: 'Iran\u0000Syria talks' }, /^title: must not contain control characters \(U\+0000 at character 4\)/],
    ['a DEL in the title', { text: 'x', title: 'Iran\u007f' }, /^title: must not contain control characters \(U\+007F/],
    ['a control character in the source', { text: 'x', source: 'Wire\u0007' }, /^source: must not contain control characters \(U\+0007/],
    ['a line break in the url', { text: 'x', url: 'https://example.org/a\nb' }, /^url: must be an http\(s\) URL, without white space or control characters$/],
    ['a tab in the url', { text: 'x', url: 'https://example.org/\ta' }, /^url: must be an http\(s\) URL, without white space or control characters$/],
    ['a NUL in the url', { text: 'x', url: 'https://example.org/a\u0000' }, /^url: must be an http\(s\) URL, without white space or control characters$/],
    ['source a number', { text: 'x', source: 1 }, /^source: must be a string/],
    ['source empty', { text: 'x', source: '' }, /^source: must not be empty/],
    ['source too long', { text: 'x', source: 's'.repeat(201) }, /^source: must be at most 200 characters/],
    ['url not a URL', { text: 'x', url: 'not a url' }, /^url: must be an http\(s\) URL/],
    ['url ftp', { text: 'x', url: 'ftp://example.org/a' }, /^url: must be an http\(s\) URL/],
    ['url javascript', { text: 'x', url: 'javascript:alert(1)' }, /^url: must be an http\(s\) URL/],
    ['url too long', { text: 'x', url: `https://example.org/${'a'.repeat(2100)}` }, /^url: must be at most 2048 characters/],
    // publishedAt
    ['publishedAt a number', { text: 'x', publishedAt: 20190225 }, /^publishedAt: must be an ISO 8601 date/],
    ['publishedAt month 13', { text: 'x', publishedAt: '2019-13-01' }, /^publishedAt: must be an ISO 8601 date/],
    ['publishedAt 30 February', { text: 'x', publishedAt: '2019-02-30' }, /^publishedAt: must be an ISO 8601 date/],
    ['publishedAt in words', { text: 'x', publishedAt: 'last Tuesday' }, /^publishedAt: must be an ISO 8601 date/],
    ['publishedAt a time without zone', { text: 'x', publishedAt: '2019-02-25T10:00:00' }, /^publishedAt: must be an ISO 8601 date/],
    ['publishedAt day first', { text: 'x', publishedAt: '25/02/2019' }, /^publishedAt: must be an ISO 8601 date/],
    // entities
    ['entities not an array', { text: 'Iran spoke.', entities: 'Iran' }, /^entities: /],
    ['an entity not an object', { text: 'Iran spoke.', entities: [4] }, /^entities\.0: /],
    ['an entity without end', { text: 'Iran spoke.', entities: [{ start: 0 }] }, /^entities\.0\.end: /],
    ['an entity with a string offset', { text: 'Iran spoke.', entities: [{ start: '0', end: 4 }] }, /^entities\.0\.start: /],
    ['an entity with a negative offset', { text: 'Iran spoke.', entities: [{ start: -1, end: 4 }] }, /^entities\.0\.start: /],
    ['an entity with a fractional offset', { text: 'Iran spoke.', entities: [{ start: 0.5, end: 4 }] }, /^entities\.0\.start: /],
    ['an entity ending before it starts', { text: 'Iran spoke.', entities: [{ start: 4, end: 1 }] }, /^entities\.0: start must be below end/],
    ['an entity past the end of the text', { text: 'Iran spoke.', entities: [{ start: 0, end: 4 }, { start: 5, end: 500 }] }, /^entities\.1\.end: must not be past the end of the text \(11 characters\)/],
    ['an unknown field in an entity', { text: 'Iran spoke.', entities: [{ start: 0, end: 4, actorId: 'IRN' }] }, /^body\.entities\.0: unknown field\(s\) actorId/],
    ['too many entities', { text: 'Iran spoke.', entities: Array.from({ length: 1001 }, () => ({ start: 0, end: 4 })) }, /^entities: /],
    // unknown fields
    ['an unknown field', { text: 'x', txet: 'typo' }, /^body: unknown field\(s\) txet/],
    ['a __proto__ field', '{"text": "x", "__proto__": {"admin": true}}', /^body: unknown field\(s\) __proto__/],
    ['several unknown fields', { text: 'x', a: 1, b: 2 }, /^body: unknown field\(s\) a, b/],
  ];

  it.each(bad)('refuses %s with 400 naming the problem', async (_label, body, message) => {
    const reply = await post('/articles', body);
    expectApiError(reply, 400, reply.body?.error?.code === 'malformed_json' ? 'malformed_json' : 'invalid_request', message);
  });

  it.each([
    ['no content type', {}],
    ['text/plain', { 'content-type': 'text/plain' }],
    ['a form', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['JSON in UTF-16', { 'content-type': 'application/json; charset=utf-16' }],
  ])('refuses a body sent as %s with 415', async (_label, headers) => {
    expectApiError(await http(api.url, 'POST', '/articles', { body: '{"text":"x"}', headers }), 415, 'unsupported_media_type', /JSON|UTF-8|charset/);
  });

  it('refuses a body over the limit with 413, and a body compressed with an unknown encoding with 415', async () => {
    expectApiError(await post('/articles', { text: 'a'.repeat(3.5 * 1024 * 1024) }), 413, 'payload_too_large', /larger than the limit/);
    const zipped = await http(api.url, 'POST', '/articles', { body: 'garbage', headers: { ...JSON_HEADERS, 'content-encoding': 'br2' } });
    expectApiError(zipped, 415, 'unsupported_media_type', /content encoding "br2"/);
  });
});

describe('POST /articles/batch', () => {
  const bad: Case[] = [
    ['no articles', {}, /^articles: is required/],
    ['articles null', { articles: null }, /^articles: must be an array of articles/],
    ['articles an object', { articles: { text: 'x' } }, /^articles: must be an array of articles/],
    ['articles empty', { articles: [] }, /^articles: must hold at least one article/],
    ['one article too many', { articles: Array.from({ length: 11 }, (_, i) => ({ text: `n${i}` })) }, /^articles: must hold at most 10 articles/],
    ['a huge array', { articles: Array.from({ length: 100_000 }, () => ({ text: 'a' })) }, /^articles: must hold at most 10 articles/],
    ['numbers for articles', { articles: [1, 2] }, /^articles\.0: must be a JSON object/],
    ['strings for articles', { articles: ['Iran spoke.'] }, /^articles\.0: must be a JSON object/],
    ['null for an article', { articles: [{ text: 'x' }, null] }, /^articles\.1: must be a JSON object/],
    ['nested arrays', { articles: [[{ text: 'x' }]] }, /^articles\.0: must be a JSON object/],
    ['a bad field in the fourth article', { articles: [{ text: 'a' }, { text: 'b' }, { text: 'c' }, { text: 'd', publishedAt: 'soon' }] }, /^articles\.3\.publishedAt: must be an ISO 8601 date/],
    ['an unknown field in an article', { articles: [{ text: 'a', lang: 'en' }] }, /^body\.articles\.0: unknown field\(s\) lang/],
    ['an unknown field beside articles', { articles: [{ text: 'a' }], dryRun: true }, /^body: unknown field\(s\) dryRun/],
  ];

  it.each(bad)('refuses %s with 400 naming the problem', async (_label, body, message) => {
    expectApiError(await post('/articles/batch', body), 400, 'invalid_request', message);
  });
});

describe('ids in paths', () => {
  const ids = [
    ['a number', '42'],
    ['upper-case hex', 'A'.repeat(32)],
    ['too short', 'a'.repeat(31)],
    ['too long', 'a'.repeat(33)],
    ['not hex', 'g'.repeat(32)],
    ['a path', '..%2F..%2Fetc%2Fpasswd'],
    ['a NUL byte', `${'a'.repeat(31)}%00`],
    ['a Redis pattern', `${'a'.repeat(31)}*`],
  ];

  it.each(ids)('GET /articles/:id refuses %s with 400', async (_label, id) => {
    expectApiError(await http(api.url, 'GET', `/articles/${id}`), 400, 'invalid_request', /^id: must be an article id \(32 hex digits\)/);
  });

  it.each(ids)('GET /jobs/:id refuses %s with 400', async (_label, id) => {
    expectApiError(await http(api.url, 'GET', `/jobs/article-${id}`), 400, 'invalid_request', /^id: must be a job id/);
  });

  it('refuses a malformed %-escape in a path with 400', async () => {
    expectApiError(await http(api.url, 'GET', '/articles/%E0%A4%A'), 400, 'bad_request', /Failed to decode param/);
    expectApiError(await http(api.url, 'GET', '/actors/%FF'), 400, 'bad_request', /Failed to decode param/);
  });
});

describe('GET /stance/summary query parameters', () => {
  const bad: [string, string, RegExp][] = [
    ['limit 0', 'limit=0', /^limit: must be at least 1/],
    ['limit negative', 'limit=-5', /^limit: must be at least 1/],
    ['limit fractional', 'limit=1.5', /^limit: must be a whole number/],
    ['limit a word', 'limit=all', /^limit: must be a whole number/],
    ['limit too big', 'limit=1001', /^limit: must be at most 1000/],
    ['minArticles 0', 'minArticles=0', /^minArticles: must be at least 1/],
    ['minArticles a word', 'minArticles=some', /^minArticles: must be a whole number/],
    ['limit in hex', 'limit=0x10', /^limit: must be a whole number/],
    ['limit with an exponent', 'limit=1e3', /^limit: must be a whole number/],
    ['limit with a plus sign', 'limit=%2B5', /^limit: must be a whole number/],
    ['limit with spaces', 'limit=%205%20', /^limit: must be a whole number/],
    ['limit empty', 'limit=', /^limit: must be a whole number/],
    ['limit in binary', 'limit=0b11', /^limit: must be a whole number/],
    ['minArticles in hex', 'minArticles=0x2', /^minArticles: must be a whole number/],
    ['minArticles with an exponent', 'minArticles=2e0', /^minArticles: must be a whole number/],
    ['minConfidence over 1', 'minConfidence=1.5', /^minConfidence: must be at most 1/],
    ['minConfidence negative', 'minConfidence=-0.5', /^minConfidence: must be a number from 0 to 1/],
    ['minConfidence with an exponent', 'minConfidence=5e-1', /^minConfidence: must be a number from 0 to 1/],
    ['minConfidence a word', 'minConfidence=high', /^minConfidence: must be a number from 0 to 1/],
    ['from month 13', 'from=2019-13-01', /^from: must be an ISO 8601 date/],
    ['from in words', 'from=yesterday', /^from: must be an ISO 8601 date/],
    ['to without zone', 'to=2019-02-25T10:00:00', /^to: must be an ISO 8601 date/],
    ['to before from', 'from=2019-03-01&to=2019-02-01', /^to: must not be before from/],
    ['source twice', 'source=IRN&source=USA', /^source: must be a string/],
    ['actor empty', 'actor=', /^actor: must not be empty/],
    ['target too long', `target=${'X'.repeat(101)}`, /^target: must be at most 100 characters/],
    ['an unknown parameter', 'sauce=IRN', /^query: unknown field\(s\) sauce/],
    ['a bracketed parameter', 'actor[]=IRN', /^query: unknown field\(s\) actor\[\]/],
    ['several problems at once', 'limit=0&from=never', /limit: must be at least 1.*from: must be an ISO 8601 date|from: must be an ISO 8601 date.*limit: must be at least 1/],
  ];

  it.each(bad)('refuses %s with 400 naming the parameter', async (_label, query, message) => {
    expectApiError(await http(api.url, 'GET', `/stance/summary?${query}`), 400, 'invalid_request', message);
  });

  it.each(['0', '1', '0.6', '.25', '1.0'])('takes minConfidence=%s', async (value) => {
    expect((await http(api.url, 'GET', `/stance/summary?minConfidence=${value}`)).status).toBe(200);
  });
});

describe('GET /actors query parameters', () => {
  it.each([
    ['offset with an exponent', 'offset=1e2', /^offset: must be a whole number/],
    ['offset in hex', 'offset=0x10', /^offset: must be a whole number/],
    ['limit with an exponent', 'limit=1e1', /^limit: must be a whole number/],
    ['limit in octal', 'limit=0o7', /^limit: must be a whole number/],
  ])('refuses %s with 400 naming the parameter', async (_label, query, message) => {
    expectApiError(await http(api.url, 'GET', `/actors?${query}`), 400, 'invalid_request', message);
  });

  it('takes decimal whole numbers, leading zeros too', async () => {
    const reply = await http(api.url, 'GET', '/actors?limit=02&offset=010');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ limit: 2, offset: 10 });
  });
});

describe('text that is fine', () => {
  it('keeps tabs and line breaks in text, title and source', async () => {
    const reply = await post('/articles', { title: 'Iran\tand\nSyria', text: 'Iran spoke.\r\n\tSyria answered.', source: 'Wire\tDesk' });
    expect(reply.status).toBe(202);
  });
});

describe('methods and routes', () => {
  it.each([
    ['PUT', '/articles'],
    ['DELETE', `/articles/${'a'.repeat(32)}`],
    ['PATCH', '/stance/summary'],
    ['POST', '/articles/recent'],
    ['POST', '/jobs'],
    ['GET', '/%2e%2e/etc/passwd'],
  ])('answers %s %s with a JSON 404 naming the route', async (method, url) => {
    expectApiError(await http(api.url, method, url), 404, 'not_found', /^No route for /);
  });
});
