// On Redis Cluster: one primary stopped and started again (same port, same nodes.conf and
// append-only file; no replicas, so its slots are served by nobody meanwhile). While it is down
// the API answers 503 at once, /ready says Redis does not answer, /health stays up; afterwards
// the API and the worker carry on without a restart, and no article the API accepted is lost
// (tests/faults/redis-restart.test.ts, on a cluster).
import type { Config } from '../../src/config';
import { startApi, type RunningApi } from '../../src/entrypoints/start-api';
import { startWorker, type RunningWorker } from '../../src/entrypoints/start-worker';
import { queuePrefix } from '../../src/queue/queue';
import { acceptSixThreeWaiting, outageArticle, timed } from '../faults/outage';
import { eventually, expectApiError, http, silentLogger } from '../setup/helpers';
import { closeWithin, clusterTestConfig, describeWithCluster, nodeOfKey, startRedisCluster, type RedisCluster } from '../setup/redis-cluster';



describeWithCluster('Redis Cluster: a primary restarted', () => {
  let cluster: RedisCluster;
  let config: Config;
  const apis: RunningApi[] = [];
  let worker: RunningWorker | undefined;

  beforeAll(async () => {
    // A primary silent for 1 s is marked failed by the others (cluster_state:fail).
    cluster = await startRedisCluster({ nodeTimeoutMs: 1000 });
    config = clusterTestConfig(cluster, { JOB_LOCK_MS: '3000', JOB_STALLED_INTERVAL_MS: '1000' });
  }, 60_000);
  afterAll(async () => {
    await closeWithin(10_000, () => Promise.all(apis.map((a) => a.close())), () => worker?.close());
    await cluster?.stop();
  }, 40_000);

  it('answers 503 while a primary is down, then recovers on its own without losing an accepted article', async () => {
    worker = await startWorker(config, silentLogger);
    const api = await startApi(config, silentLogger);
    apis.push(api);

    const accepted = await acceptSixThreeWaiting(api, worker);

    // The primary of the queue's slot (BullMQ's keys share one hash tag): the hardest one to lose.
    const victim = await nodeOfKey(cluster, `${queuePrefix(config)}:${config.queue.name}:wait`);
    expect(victim).toBeGreaterThanOrEqual(0);
    await cluster.stopNode(victim);
    const others = cluster.nodes.map((_, i) => i).filter((i) => i !== victim);
    await eventually(async () => ((await Promise.all(others.map((i) => cluster.state(i)))).every((s) => s === 'fail') ? true : undefined), 15_000, 100);

    const down = await timed(http(api.url, 'POST', '/articles', { json: outageArticle(100) }), 3000, 'POST /articles');
    expectApiError(down, 503, 'unavailable', /cannot reach its data store \(Redis\)/);
    expect(down.headers.get('retry-after')).toBe('5');
    expectApiError(await timed(http(api.url, 'GET', accepted[0].links.job), 3000, 'GET /jobs/:id'), 503, 'unavailable');
    expectApiError(await timed(http(api.url, 'GET', '/stance/summary'), 3000, 'GET /stance/summary'), 503, 'unavailable');
    expectApiError(await timed(http(api.url, 'GET', `/articles/${accepted[0].articleId}`), 3000, 'GET /articles/:id'), 503, 'unavailable');
    expectApiError(await timed(http(api.url, 'GET', '/ready'), 3000, 'GET /ready'), 503, 'not_ready', /Redis does not answer/);
    expect((await http(api.url, 'GET', '/health')).status).toBe(200);
    const metrics = await timed(http(api.url, 'GET', '/metrics'), 5000, 'GET /metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.text).toMatch(/^stance_redis_up 0$/m);
    // An API replica started while the cluster is down works once it is whole again.
    const lateReplica = await startApi(config, silentLogger);
    apis.push(lateReplica);

    await cluster.startNode(victim); // resolves once every node says cluster_state:ok

    // The same processes carry on: new articles are accepted, the old ones are all analysed.
    worker.worker.resume();
    for (const [n, replica] of [api, lateReplica].entries()) {
      const after = await eventually(async () => {
        const reply = await http(replica.url, 'POST', '/articles', { json: outageArticle(200 + n) });
        return reply.status === 202 ? reply : undefined;
      }, 20_000, 200);
      // Counted by the rate limiter again (a failing store lets requests through without these;
      // the first request after an outage may be one, as the limiter loads its script again).
      const counted = await eventually(async () => {
        const reply = await http(replica.url, 'GET', '/articles?limit=1');
        return reply.headers.get('ratelimit-remaining') !== null ? reply : undefined;
      }, 5000, 100);
      expect(counted.status).toBe(200);
      accepted.push(after.body);
    }
    for (const { links } of accepted) {
      await eventually(async () => {
        const job = await http(api.url, 'GET', links.job);
        expect(job.body.state).not.toBe('failed');
        return job.body.state === 'completed' ? true : undefined;
      }, 30_000, 200);
    }
    const analysed = await Promise.all(accepted.map(({ articleId }) => http(api.url, 'GET', `/articles/${articleId}`)));
    expect(analysed.map((a) => a.body.status)).toEqual(accepted.map(() => 'completed'));
    // The summary counts each article once: every pair (Spanish government → Portugal, Spain →
    // Italy …) is in all eight.
    const summary = await http(api.url, 'GET', '/stance/summary?limit=1000');
    expect(summary.status).toBe(200);
    const rows = summary.body.pairs as { source: { id: string }; target: { id: string }; articles: number }[];
    expect(rows.map((row) => `${row.source.id}>${row.target.id}`)).toEqual(expect.arrayContaining(['ESPGOV>PRT', 'ESP>ITA']));
    expect(rows.map((row) => row.articles)).toEqual(rows.map(() => accepted.length));
    // The worker beats again: /ready is green without restarting anything.
    await eventually(async () => ((await http(api.url, 'GET', '/ready')).status === 200 ? true : undefined), 15_000, 200);
    expect((await http(lateReplica.url, 'GET', '/ready')).status).toBe(200);
  }, 120_000);
});
