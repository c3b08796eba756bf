// What the logs must never hold: the arguments of a failed Redis command (a whole article) and
// credentials sent in a query string.
import type Redis from 'ioredis';
import { startApi, type RunningApi } from '../../src/entrypoints/start-api';
import { createLogger, type Logger } from '../../src/entrypoints/logger';
import { articleIdFor } from '../../src/store/article-id';
import { createRedis } from '../../src/store/redis';
import { http, testConfig } from '../setup/helpers';

interface Captured {
  logger: Logger;
  /** Every line written, as written. */
  lines: string[];
}

function capturingLogger(): Captured {
  const lines: string[] = [];
  return { lines, logger: createLogger({ logLevel: 'info' }, 'test', { write: (line: string) => void lines.push(line) }) };
}

const MARKER = 'Vestrian-ministry-memo';
const SECRET = 'sekrit-0123456789abcdef';

let redis: Redis;
let api: RunningApi;
let captured: Captured;
beforeAll(async () => {
  captured = capturingLogger();
  api = await startApi(testConfig({ RATE_LIMIT: '0' }), captured.logger);
  redis = createRedis(testConfig().redisUrl);
});
afterAll(async () => {
  await api.close();
  await redis.quit();
});

/** An article whose registration fails in Redis: its key already holds a string. */
async function articleThatFailsToRegister(): Promise<{ text: string }> {
  const text = `${MARKER} said the talks would resume. ${'More words of the article. '.repeat(2000)}`;
  await redis.set(api.store.keys.article(articleIdFor({ text })), 'not a hash');
  return { text };
}

const linesOf = (c: Captured, message: string) => c.lines.filter((line) => JSON.parse(line).msg === message);

describe('a failed Redis write', () => {
  it('is logged with its error and command name, not the command\'s arguments', async () => {
    const reply = await http(api.url, 'POST', '/articles', { json: await articleThatFailsToRegister() });
    expect(reply.status).toBe(500);
    const [line] = linesOf(captured, 'request failed');
    expect(line).toBeDefined();
    const { err } = JSON.parse(line);
    expect(err.message).toMatch(/WRONGTYPE/);
    expect(err.command).toEqual({ name: expect.any(String) });
    expect(line).not.toContain(MARKER);
    expect(line.length).toBeLessThan(5000);
  });

  it('loses its arguments wherever a process logs it (worker and API share the logger), inside a cause too', async () => {
    const c = capturingLogger();
    const key = `${api.store.keys.prefix}:a-string`;
    await redis.set(key, 'x');
    const failure = await redis.hset(key, 'field', `${MARKER} ${'x'.repeat(10_000)}`).catch((e: Error) => e);
    expect((failure as { command?: { args?: unknown[] } }).command?.args).toHaveLength(3); // what ioredis attaches
    c.logger.error({ err: failure }, 'worker error');
    c.logger.warn({ err: new Error('recording failed', { cause: failure }) }, 'analysis failed');
    expect(c.lines).toHaveLength(2);
    for (const line of c.lines) {
      expect(line).toMatch(/WRONGTYPE/);
      expect(line).not.toContain(MARKER);
    }
    expect(JSON.parse(c.lines[0]).err.command).toEqual({ name: 'hset' });
  });
});

describe('credentials in the query string', () => {
  it.each(['api_key', 'apiKey', 'key', 'token', 'access_token', 'password', 'api%5Fkey', 'X-API-KEY'])(
    'are redacted from the request log line (%s)',
    async (name) => {
      const before = captured.lines.length;
      const reply = await http(api.url, 'GET', `/stance/summary?limit=5&${name}=${SECRET}&source=IRN`);
      expect(reply.status).toBe(400); // not a parameter of the route
      const lines = captured.lines.slice(before).filter((line) => JSON.parse(line).req);
      expect(lines).toHaveLength(1);
      expect(lines[0]).not.toContain(SECRET);
      expect(JSON.parse(lines[0]).req.url).toBe(`/stance/summary?limit=5&${name}=[redacted]&source=IRN`);
    },
  );

  it('are redacted from error lines', async () => {
    const before = captured.lines.length;
    const reply = await http(api.url, 'POST', `/articles?token=${SECRET}`, { json: await articleThatFailsToRegister() });
    expect(reply.status).toBe(500);
    const lines = captured.lines.slice(before);
    expect(lines.length).toBeGreaterThanOrEqual(2); // the error and the request
    for (const line of lines) expect(line).not.toContain(SECRET);
    expect(JSON.parse(linesOf({ ...captured, lines }, 'request failed')[0]).url).toBe('/articles?token=[redacted]');
  });
});
