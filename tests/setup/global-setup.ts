// Jest global setup: a private redis-server on a free port with a temporary directory, so the
// tests never touch the data of a Redis the user runs. Its URL reaches the tests through
// STANCE_TEST_REDIS_URL; global-teardown.ts stops it and removes the directory.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { redisServerInstalled, startRedisServer, type RedisServer } from '../../src/entrypoints/private-redis';

export interface TestRedis {
  server: RedisServer;
  dir: string;
}

export default async function globalSetup(): Promise<void> {
  if (!redisServerInstalled()) {
    throw new Error(
      'The tests start their own Redis and need the redis-server binary on PATH. ' +
        'Install the Debian package redis-server: sudo apt-get install -y redis-server',
    );
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stance-test-redis-'));
  const server = await startRedisServer({ dir, appendOnly: false });
  process.env.STANCE_TEST_REDIS_URL = server.url;
  (globalThis as { stanceTestRedis?: TestRedis }).stanceTestRedis = { server, dir };
}
