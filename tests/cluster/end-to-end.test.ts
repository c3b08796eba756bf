// End to end on a real Redis Cluster (three primaries, tests/setup/redis-cluster.ts): the API and
// a worker with REDIS_CLUSTER_NODES set. Post articles (one, and a batch), poll their jobs, read
// the articles, the summary, a pair's articles, the time line and the recent articles; the rate
// limiter, /ready and /metrics work against the cluster too, and BullMQ's keys share one slot.
import { generatedArticle } from '../../bench/articles';
import type { Config } from '../../src/config';
import { startApi, type RunningApi } from '../../src/entrypoints/start-api';
import { startWorker, type RunningWorker } from '../../src/entrypoints/start-worker';
import { queuePrefix } from '../../src/queue/queue';
import { pairToken } from '../../src/store/keys';
import { closeRedis, createRedis, isCluster, type RedisClient } from '../../src/store/redis';
import { eventually, http, silentLogger } from '../setup/helpers';
import { closeWithin, clusterTestConfig, describeWithCluster, startRedisCluster, type RedisCluster } from '../setup/redis-cluster';

describeWithCluster('Redis Cluster: the API and a worker end to end', () => {
  let cluster: RedisCluster;
  let config: Config;
  let api: RunningApi;
  let worker: RunningWorker;
  let redis: RedisClient;
  const call = (method: string, url: string, json?: unknown) => http(api.url, method, url, json === undefined ? {} : { json });

  beforeAll(async () => {
    cluster = await startRedisCluster();
    config = clusterTestConfig(cluster, { RATE_LIMIT: '10000' });
    worker = await startWorker(config, silentLogger);
    api = await startApi(config, silentLogger);
    redis = createRedis(config);
  }, 60_000);
  afterAll(async () => {
    await closeWithin(10_000, () => api?.close(), () => worker?.close(), () => redis && closeRedis(redis));
    await cluster?.stop();
  }, 40_000);

  it('connects in cluster mode, with BullMQ\'s keys under one hash tag', async () => {
    expect(isCluster(redis)).toBe(true);
    // One Redis keeps BullMQ's prefix as it was (queued jobs stay where workers look); a cluster tags it.
    expect(queuePrefix({ keyPrefix: 'stance' })).toBe('stance:bull');
    expect(queuePrefix({ keyPrefix: 'stance', redisClusterNodes: cluster.nodes })).toBe('{stance:bull}');
    const prefix = queuePrefix(config);
    expect(prefix).toMatch(/\{[^}]+\}/);
    // The queue's keys exist under the tag, and every one of them is in the tag's slot.
    const meta = `${prefix}:${config.queue.name}:meta`;
    await eventually(async () => ((await redis.exists(meta)) === 1 ? true : undefined), 10_000);
    const slotOf = (key: string) => redis.call('CLUSTER', 'KEYSLOT', key) as Promise<number>;
    const slots = await Promise.all(['meta', 'wait', 'active', 'id', 'events', 'stalled-check'].map((s) => slotOf(`${prefix}:${config.queue.name}:${s}`)));
    expect(new Set(slots).size).toBe(1);
  });

  it('queues, analyses and records articles; the summary counts each exactly once', async () => {
    const ready = await eventually(async () => {
      const reply = await call('GET', '/ready');
      return reply.status === 200 ? reply : undefined;
    }, 10_000, 100);
    expect(ready.body).toMatchObject({ status: 'ready', redis: true, workers: 1, paused: false });

    const articles = Array.from({ length: 4 }, (_, i) => ({ ...generatedArticle(500 + i), publishedAt: `2021-03-0${i + 1}`, source: 'cluster wire' }));
    // One article alone (the POST's own path) and three in a batch (the bulk path).
    const one = await call('POST', '/articles', articles[0]);
    expect(one.status).toBe(202);
    // The rate limiter counted it in the cluster (a failing store lets requests through without these).
    expect(one.headers.get('ratelimit-limit')).toBe('10000');
    expect(Number(one.headers.get('ratelimit-remaining'))).toBeLessThan(10000);
    const batch = await call('POST', '/articles/batch', { articles: articles.slice(1) });
    expect(batch.status).toBe(202);
    expect(batch.body).toMatchObject({ accepted: 3, duplicates: 0 });
    const submissions = [one.body, ...batch.body.articles] as { articleId: string; jobId: string; links: { job: string; article: string } }[];

    const jobs: { result: { stances: number } }[] = [];
    for (const submission of submissions) {
      jobs.push(
        await eventually(async () => {
          const reply = await call('GET', submission.links.job);
          expect(reply.body.state).not.toBe('failed');
          return reply.body.state === 'completed' ? reply.body : undefined;
        }, 60_000, 100),
      );
    }
    const stored = await Promise.all(submissions.map((s) => call('GET', `${s.links.article}?include=all`)));
    stored.forEach((reply, i) => {
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ id: submissions[i].articleId, status: 'completed', publishedAt: articles[i].publishedAt });
      expect(reply.body.analysis.stances.length).toBe(jobs[i].result.stances);
      expect(reply.body.text).toBe(articles[i].text);
    });

    // Every pair counts exactly the articles whose analysis has a stance for it.
    const expected = new Map<string, number>();
    for (const reply of stored) {
      for (const pair of new Set<string>(reply.body.analysis.stances.map((s: { source: string; target: string }) => pairToken(s.source, s.target)))) {
        expected.set(pair, (expected.get(pair) ?? 0) + 1);
      }
    }
    expect(expected.size).toBeGreaterThan(0);
    const summary = await call('GET', '/stance/summary?limit=1000');
    expect(summary.status).toBe(200);
    type Row = { source: { id: string }; target: { id: string }; articles: number };
    expect(new Map((summary.body.pairs as Row[]).map((p) => [pairToken(p.source.id, p.target.id), p.articles]))).toEqual(expected);

    // One pair's articles, and its actor's time line.
    const [top] = summary.body.pairs as Row[];
    const pair = await call('GET', `/stance/pair?source=${encodeURIComponent(top.source.id)}&target=${encodeURIComponent(top.target.id)}`);
    expect(pair.status).toBe(200);
    expect(pair.body.total).toBe(top.articles);
    const timeline = await call('GET', `/stance/timeline?actor=${encodeURIComponent(top.source.id)}&interval=month`);
    expect(timeline.status).toBe(200);
    expect(timeline.body.buckets.length).toBeGreaterThan(0);

    // The recent articles, newest first.
    const recent = await call('GET', '/articles?limit=10');
    expect(recent.status).toBe(200);
    expect(recent.body.total).toBe(4);
    expect(new Set(recent.body.articles.map((a: { id: string }) => a.id))).toEqual(new Set(submissions.map((s) => s.articleId)));

    // The same article again: nothing changes.
    const again = await call('POST', '/articles', articles[0]);
    expect(again).toMatchObject({ status: 200, body: { articleId: submissions[0].articleId, duplicate: true } });
    expect((await call('GET', '/stance/summary?limit=1000')).body.pairs).toEqual(summary.body.pairs);

    // The queue's figures and the worker's (published through the cluster) on /metrics.
    const metrics = await eventually(async () => {
      const reply = await call('GET', '/metrics');
      return /^stance_articles_analysed_total 4$/m.test(reply.text) ? reply : undefined;
    }, 10_000, 200);
    expect(metrics.text).toMatch(/^stance_redis_up 1$/m);
    expect(metrics.text).toMatch(/^stance_queue_jobs\{state="completed"\} 4$/m);
  }, 120_000);
});
