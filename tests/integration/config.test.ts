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

  it('reads the security and stalled-job settings', () => {
    expect(loadConfig({}).security).toEqual({ apiKeys: [], adminApiKeys: [], rateLimit: 6000, rateLimitWindowMs: 60_000, corsOrigins: [], trustProxy: 0 });
    expect(loadConfig({}).worker).toMatchObject({ lockMs: 30_000, stalledIntervalMs: 30_000, maxStalled: 1 });
    const config = loadConfig({
      API_KEYS: ' first-key-0123456789, second-key-0123456789 ,',
      RATE_LIMIT: '0',
      CORS_ORIGINS: 'https://a.example,http://localhost:3000',
      JOB_LOCK_MS: '2000',
      JOB_STALLED_INTERVAL_MS: '1000',
    });
    expect(config.security).toMatchObject({ apiKeys: ['first-key-0123456789', 'second-key-0123456789'], rateLimit: 0, corsOrigins: ['https://a.example', 'http://localhost:3000'] });
    expect(config.worker).toMatchObject({ lockMs: 2000, stalledIntervalMs: 1000 });
    expect(() => loadConfig({ API_KEYS: 'a-key-with a space-in-it' })).toThrow(/API_KEYS=\(value hidden\): keys may hold/);
    expect(() => loadConfig({ CORS_ORIGINS: 'https://a.example/path' })).toThrow(/CORS_ORIGINS=.*must be \*/);
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

  it('reads REDIS_CLUSTER_NODES as the cluster\'s nodes, and names a bad entry', () => {
    expect(loadConfig({}).redisClusterNodes).toBeUndefined();
    const config = loadConfig({ REDIS_CLUSTER_NODES: '10.0.0.1:7000, redis-2.internal:7001,[::1]:7002', REDIS_URL: 'rediss://:secret@ignored:6379' });
    expect(config.redisClusterNodes).toEqual([
      { host: '10.0.0.1', port: 7000 },
      { host: 'redis-2.internal', port: 7001 },
      { host: '::1', port: 7002 },
    ]);
    expect(config.redisUrl).toBe('rediss://:secret@ignored:6379'); // its password and TLS apply to the nodes
    for (const [value, named] of [
      ['10.0.0.1', '"10.0.0.1" is not host:port'],
      ['10.0.0.1:7000,10.0.0.2:70000', '"10.0.0.2:70000" is not host:port (port 1-65535)'],
      ['10.0.0.1:7000,,10.0.0.2:7001', 'an empty entry is not host:port'],
      ['redis://10.0.0.1:7000', '"redis://10.0.0.1:7000" is not host:port'],
      ['10.0.0.1:0', '"10.0.0.1:0" is not host:port'],
    ]) {
      expect(() => loadConfig({ REDIS_CLUSTER_NODES: value })).toThrow(`REDIS_CLUSTER_NODES=${JSON.stringify(value)}: ${named}`);
    }
    // Redis Cluster has database 0 alone; the password stays hidden in the message.
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: '10.0.0.1:7000', REDIS_URL: 'redis://:secret@x:6379/2' })).toThrow(
      /REDIS_URL="redis:\/\/:\*\*\*@x:6379\/2": names database 2, but Redis Cluster .* has database 0 only/,
    );
    expect(loadConfig({ REDIS_CLUSTER_NODES: '10.0.0.1:7000', REDIS_URL: 'redis://x:6379/0' }).redisClusterNodes).toHaveLength(1);
  });
});
