// Configuration from environment variables: defaults, conversions, and one line per bad value.
import { ConfigError, loadConfig } from '../../src/config';

describe('loadConfig', () => {
  it('has defaults for everything', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      redisUrl: 'redis://127.0.0.1:6379',
      http: { host: '127.0.0.1', port: 8080, bodyLimitBytes: 1024 * 1024, batchMaxArticles: 1000 },
      keyPrefix: 'stance',
      queue: { name: 'articles', attempts: 3, backoffMs: 1000 },
      worker: { concurrency: 2, heartbeatSeconds: 5 },
      heartbeatMaxAgeSeconds: 15,
      privateRedis: 'auto',
      logLevel: 'info',
    });
  });

  it('reads and converts what is set, and treats empty variables as unset', () => {
    const config = loadConfig({ PORT: '9000', BODY_LIMIT: '2mb', WORKER_CONCURRENCY: '4', KEY_PREFIX: 'news_1', LOG_LEVEL: '', ACTORS_FILE: 'my-actors.json' });
    expect(config.http.port).toBe(9000);
    expect(config.http.bodyLimitBytes).toBe(2 * 1024 * 1024);
    expect(config.worker.concurrency).toBe(4);
    expect(config.keyPrefix).toBe('news_1');
    expect(config.logLevel).toBe('info');
    expect(config.models.actorsFile).toBe('my-actors.json');
  });

  it('names every bad value at once, with what it got and what it wants', () => {
    const bad = {
      REDIS_URL: 'http://127.0.0.1:6379',
      PORT: 'eighty',
      WORKER_CONCURRENCY: '0',
      BODY_LIMIT: 'huge',
      KEY_PREFIX: 'a:b',
      LOG_LEVEL: 'loud',
      JOB_ATTEMPTS: '2.5',
    };
    let error: unknown;
    try {
      loadConfig(bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(Object.keys(bad).length);
    for (const [name, value] of Object.entries(bad)) {
      expect(problems).toContainEqual(expect.stringContaining(`${name}=${JSON.stringify(value)}: `));
    }
    expect(problems).toContainEqual('WORKER_CONCURRENCY="0": must be at least 1');
    expect(problems).toContainEqual('JOB_ATTEMPTS="2.5": must be a whole number');
    expect((error as Error).message).toMatch(/^Invalid configuration:\n {2}- /);
  });
});
