import fs from 'node:fs';
import type { TestRedis } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const redis = (globalThis as { stanceTestRedis?: TestRedis }).stanceTestRedis;
  if (!redis) return;
  await redis.server.stop();
  fs.rmSync(redis.dir, { recursive: true, force: true });
}
