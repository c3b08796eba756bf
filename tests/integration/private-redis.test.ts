// How `npm start` finds Redis: the one at REDIS_URL when it answers, else a private
// redis-server with its append-only file under the data folder, else a message on how to get one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import { ensureRedis, freePort, redact, redisAnswers, RedisUnavailableError } from '../../src/entrypoints/private-redis';
import { testRedisUrl } from '../setup/helpers';

let dataDir: string;
const messages: string[] = [];
const log = (message: string) => void messages.push(message);

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stance-private-redis-'));
  messages.length = 0;
});
afterEach(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

it('uses the Redis at REDIS_URL when it answers', async () => {
  const redis = await ensureRedis(testRedisUrl(), { dataDir, allowPrivate: true, log });
  expect(redis).toEqual({ url: testRedisUrl(), started: null });
  expect(messages).toEqual([]);
});

it('starts a private redis-server on the URL\'s port, with its append-only file in the data folder, and says so', async () => {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  expect(await redisAnswers(url)).toBe(false);
  const redis = await ensureRedis(url, { dataDir, allowPrivate: true, log });
  try {
    expect(redis.url).toBe(url);
    expect(messages).toEqual(['Started a private redis-server (append-only file on)']);
    const client = new Redis(redis.url);
    expect(await client.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
    expect(await client.config('GET', 'dir')).toEqual(['dir', fs.realpathSync(path.join(dataDir, 'redis'))]);
    await client.set('kept', 'yes');
    await client.quit();
  } finally {
    await redis.started?.stop();
  }
  expect(await redisAnswers(url)).toBe(false);
  expect(fs.readdirSync(path.join(dataDir, 'redis'))).toContain('appendonlydir');

  // Started again on the same folder, it has the data back.
  const again = await ensureRedis(url, { dataDir, allowPrivate: true, log });
  try {
    const client = new Redis(again.url);
    expect(await client.get('kept')).toBe('yes');
    await client.quit();
  } finally {
    await again.started?.stop();
  }
});

it('keeps a password given in the URL', async () => {
  const url = `redis://:s3cret@127.0.0.1:${await freePort()}`;
  const redis = await ensureRedis(url, { dataDir, allowPrivate: true, log });
  try {
    expect(await redisAnswers(url)).toBe(true);
    expect(await redisAnswers(url.replace('s3cret', 'wrong'))).toBe(false);
    expect(redact(redis.url)).not.toContain('s3cret');
  } finally {
    await redis.started?.stop();
  }
});

it('says how to get Redis when it may not start one', async () => {
  const url = `redis://127.0.0.1:${await freePort()}`;
  const attempt = ensureRedis(url, { dataDir, allowPrivate: false, log });
  await expect(attempt).rejects.toBeInstanceOf(RedisUnavailableError);
  await expect(attempt).rejects.toThrow(/Nothing answers at redis:\/\/127\.0\.0\.1:\d+.*apt-get install -y redis-server/s);
});
