// On Redis Cluster: a worker process killed with SIGKILL in the middle of a job. Its lock
// expires, another worker's stalled-jobs check puts the job back, it completes once, and the
// summary counts every article exactly once (tests/faults/worker-killed.test.ts, on a cluster).
import { generatedArticle } from '../../bench/articles';
import { startWorker, type RunningWorker } from '../../src/entrypoints/start-worker';
import { createAnalysisQueue, type AnalysisQueue } from '../../src/queue/queue';
import { submitArticles } from '../../src/queue/submit-articles';
import { ArticleStore } from '../../src/store/article-store';
import { closeRedis, createRedis, type RedisClient } from '../../src/store/redis';
import { startService, stopService, WORKER_SCRIPT, type ServiceProcess, expectPairsCountTheirArticles } from '../faults/processes';
import { eventually, silentLogger } from '../setup/helpers';
import { closeWithin, clusterTestConfig, describeWithCluster, startRedisCluster, type RedisCluster } from '../setup/redis-cluster';

const SETTINGS = {
  JOB_LOCK_MS: '5000', // longer than the big article's analysis (about a second), so only a dead worker loses it
  JOB_STALLED_INTERVAL_MS: '1000',
  WORKER_CONCURRENCY: '1',
  HEARTBEAT_SECONDS: '1',
  LOG_LEVEL: 'info',
};

describeWithCluster('Redis Cluster: a worker killed mid-job', () => {
  let cluster: RedisCluster;
  let redis: RedisClient | undefined;
  let queue: AnalysisQueue | undefined;
  let victim: ServiceProcess | undefined;
  let rescuer: RunningWorker | undefined;

  beforeAll(async () => {
    cluster = await startRedisCluster();
  }, 60_000);
  afterAll(async () => {
    await closeWithin(10_000, () => stopService(victim), () => rescuer?.close(), () => queue?.close(), () => redis && closeRedis(redis));
    await cluster?.stop();
  }, 50_000);

  it('puts a killed worker\'s job back within seconds; it completes once and is counted once', async () => {
    const config = clusterTestConfig(cluster, SETTINGS);
    redis = createRedis(config);
    queue = createAnalysisQueue(config, redis);
    const store = new ArticleStore(redis, config.keyPrefix);
    const env = { ...SETTINGS, REDIS_URL: config.redisUrl, REDIS_CLUSTER_NODES: cluster.nodesEnv, KEY_PREFIX: config.keyPrefix };

    victim = startService(WORKER_SCRIPT, env);
    await victim.waitForLog((l) => l.msg === 'worker started', 60_000);

    // A long article (about 150 KB: a second or so of analysis) and a few ordinary ones behind it.
    const big = { ...generatedArticle(1, 450), publishedAt: '2019-06-01' };
    const small = Array.from({ length: 4 }, (_, i) => ({ ...generatedArticle(100 + i), publishedAt: '2019-06-02' }));
    const [bigSubmission, ...smallSubmissions] = await submitArticles([big, ...small], { store, queue });
    const theQueue = queue;
    await eventually(async () => ((await theQueue.getJob(bigSubmission.jobId))?.processedOn ? true : undefined), 20_000, 10);
    await new Promise((resolve) => setTimeout(resolve, 200)); // well inside the analysis

    victim.child.kill('SIGKILL');
    const killedAt = Date.now();
    expect(await victim.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(await (await queue.getJob(bigSubmission.jobId))?.getState()).toBe('active'); // locked by a dead worker
    expect((await store.get(bigSubmission.articleId))?.status).toBe('queued');

    rescuer = await startWorker(config, silentLogger);
    const all = [bigSubmission, ...smallSubmissions];
    const stored = await eventually(async () => {
      const articles = await Promise.all(all.map((s) => store.get(s.articleId, ['stances'])));
      return articles.every((a) => a?.status === 'completed') ? articles : undefined;
    }, 30_000);
    // Lock expiry (5 s) + one stalled check (1 s) + the analysis, with room for a busy machine.
    expect(Date.now() - killedAt).toBeLessThan(20_000);

    await eventually(async () => ((await theQueue.getJobState(bigSubmission.jobId)) === 'completed' ? true : undefined));
    const job = await queue.getJob(bigSubmission.jobId);
    expect(job?.stalledCounter).toBe(1); // taken back once, from the dead worker
    expect(job?.attemptsMade).toBe(1); // a stall is not a failed try
    expect(job?.failedReason).toBeFalsy();

    await expectPairsCountTheirArticles(store, stored);
  }, 90_000);
});
