// The connection helpers of src/store/redis.ts on a real Redis Cluster and on the suite's one
// server: what the rest of the service (and the store) may rely on in cluster mode.
import type { Cluster } from 'ioredis';
import { closeRedis, createRedis, isCluster, primaries, redisAnswersNow, scanKeys, type RedisClient } from '../../src/store/redis';
import { testRedisUrl } from '../setup/helpers';
import { clusterTestConfig, closeWithin, describeWithCluster, startRedisCluster, type RedisCluster } from '../setup/redis-cluster';

describeWithCluster('Redis Cluster: the connection helpers', () => {
  let cluster: RedisCluster;
  let redis: RedisClient;
  let single: RedisClient;

  beforeAll(async () => {
    cluster = await startRedisCluster();
    redis = createRedis(clusterTestConfig(cluster));
    single = createRedis(testRedisUrl());
  }, 60_000);
  afterAll(async () => {
    await closeWithin(5000, () => closeRedis(redis), () => closeRedis(single));
    await cluster?.stop();
  }, 30_000);

  it('makes a Cluster client for REDIS_CLUSTER_NODES and a plain one for REDIS_URL', async () => {
    expect(isCluster(redis)).toBe(true);
    expect(isCluster(single)).toBe(false);
    expect(await redisAnswersNow(redis)).toBe(true);
    expect(await redisAnswersNow(single)).toBe(true);
    expect(primaries(redis)).toHaveLength(3);
    expect(primaries(single)).toEqual([single]);
    // RESP2, as on one server: HGETALL is an object of strings, not a RESP3 map.
    await redis.hset('resp:h', 'a', '1');
    expect(await redis.hgetall('resp:h')).toEqual({ a: '1' });
  });

  it('sends commands issued together over many slots, each to its node; a multi-key command across slots is refused', async () => {
    const keys = Array.from({ length: 300 }, (_, i) => `spread:${i}`);
    await Promise.all(keys.map((key, i) => redis.set(key, String(i))));
    expect(await Promise.all(keys.map((key) => redis.get(key)))).toEqual(keys.map((_, i) => String(i)));
    const slots = await Promise.all(keys.slice(0, 50).map((key) => (redis as Cluster).call('CLUSTER', 'KEYSLOT', key)));
    expect(new Set(slots).size).toBeGreaterThan(10);
    await expect(redis.mget('spread:1', 'spread:2', 'spread:3')).rejects.toThrow(/CROSSSLOT|same slot/);
    // callBuffer keeps its command name when issued with others (ioredis's auto-pipeline loses it).
    await redis.zadd('spread:z', 0, 'a', 0, 'b');
    const lex = await Promise.all([redis.callBuffer('ZRANGE', 'spread:z', '-', '+', 'BYLEX'), redis.get('spread:7')]);
    expect(lex).toEqual([[Buffer.from('a'), Buffer.from('b')], '7']);
    // One hash tag: one slot, so a multi-key command works.
    await redis.set('{tag}:a', '1');
    await redis.set('{tag}:b', '2');
    expect(await redis.mget('{tag}:a', '{tag}:b')).toEqual(['1', '2']);
  });

  it('scans every primary (a SCAN alone reaches one)', async () => {
    const keys = Array.from({ length: 120 }, (_, i) => `scanned:${i}`);
    await Promise.all(keys.map((key) => redis.set(key, 'x')));
    const found: string[] = [];
    for await (const batch of scanKeys(redis, 'scanned:*', 50)) found.push(...batch);
    expect(found.sort()).toEqual([...keys].sort());
    // One node's SCAN sees only its share.
    const [, fromOneNode] = await primaries(redis)[0].scan('0', 'MATCH', 'scanned:*', 'COUNT', 10_000);
    expect(fromOneNode.length).toBeLessThan(keys.length);
  });
});
