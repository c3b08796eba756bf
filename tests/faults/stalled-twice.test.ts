// A job whose worker process dies under it twice (SIGKILL): BullMQ's stalled-jobs check fails
// it itself, the processor never hearing of it. The article's record follows (failed, with
// BullMQ's reason), and posting the article again queues a new job that completes.
import { generatedArticle } from '../../bench/articles';
import { startApi, type RunningApi } from '../../src/entrypoints/start-api';
import { startWorker, type RunningWorker } from '../../src/entrypoints/start-worker';
import { eventually, http, silentLogger, testConfig } from '../setup/helpers';
import { startService, stopService, WORKER_SCRIPT, type ServiceProcess } from './processes';

const SETTINGS = {
  JOB_LOCK_MS: '5000', // longer than the big article's analysis (about a second), so only a dead worker loses it
  JOB_STALLED_INTERVAL_MS: '1000',
  JOB_MAX_STALLED: '1', // taken back once; the second stall fails the job
  WORKER_CONCURRENCY: '1',
  HEARTBEAT_SECONDS: '1',
  LOG_LEVEL: 'info',
};
const STALLED_REASON = 'job stalled more than allowable limit'; // BullMQ's words

let api: RunningApi;
const victims: ServiceProcess[] = [];
let rescuer: RunningWorker | undefined;

afterAll(async () => {
  for (const victim of victims) await stopService(victim);
  await rescuer?.close();
  await api?.close();
});

it('marks an article failed when its job stalls twice, and queues it anew when it is posted again', async () => {
  const config = testConfig(SETTINGS);
  api = await startApi(config, silentLogger);
  const env = { ...SETTINGS, REDIS_URL: config.redisUrl, KEY_PREFIX: config.keyPrefix };
  const startVictim = async () => {
    const victim = startService(WORKER_SCRIPT, env);
    victims.push(victim);
    await victim.waitForLog((l) => l.msg === 'worker started', 60_000);
    return victim;
  };
  /** Kills the victim once it has been analysing the article for a moment. */
  const killMidJob = async (victim: ServiceProcess, jobId: string, stalledBefore: number) => {
    await eventually(async () => {
      const job = await api.queue.getJob(jobId);
      return job && (await job.getState()) === 'active' && job.stalledCounter === stalledBefore ? true : undefined;
    }, 30_000, 10);
    await new Promise((resolve) => setTimeout(resolve, 200)); // well inside the analysis
    victim.child.kill('SIGKILL');
    expect(await victim.exited).toEqual({ code: null, signal: 'SIGKILL' });
  };

  // About 150 KB: a second or so of analysis.
  const article = { ...generatedArticle(7, 450), publishedAt: '2019-06-01' };
  const first = await startVictim();
  const posted = await http(api.url, 'POST', '/articles', { json: article });
  expect(posted.status).toBe(202);
  await killMidJob(first, posted.body.jobId, 0);
  // The second victim's stalled check takes the job back once its lock expires; it dies too.
  await killMidJob(await startVictim(), posted.body.jobId, 1);

  // The next worker's stalled check fails the job; the worker that takes it fails it at once.
  rescuer = await startWorker(config, silentLogger);
  const failed = await eventually(async () => {
    const stored = await http(api.url, 'GET', posted.body.links.article);
    return stored.body.status === 'failed' ? stored.body : undefined;
  }, 30_000);
  expect(failed).toMatchObject({ status: 'failed', error: STALLED_REASON, analysis: null });
  const job = await http(api.url, 'GET', posted.body.links.job);
  expect(job.body).toMatchObject({ state: 'failed', error: STALLED_REASON });

  // Posted again: a new job (BullMQ's failed one removed first), which completes.
  const again = await http(api.url, 'POST', '/articles', { json: article });
  expect(again.body).toMatchObject({ articleId: posted.body.articleId, status: 'queued', duplicate: true });
  const completed = await eventually(async () => {
    const reply = await http(api.url, 'GET', posted.body.links.job);
    return reply.body.state === 'completed' ? reply.body : undefined;
  }, 30_000);
  expect(completed).toMatchObject({ attempts: 1, result: { articleId: posted.body.articleId } });
  expect((await api.queue.getJob(posted.body.jobId))?.stalledCounter).toBe(0); // a new job, not the old one retried
  const stored = await http(api.url, 'GET', posted.body.links.article);
  expect(stored.body).toMatchObject({ status: 'completed', counts: { stances: completed.result.stances } });
  expect(stored.body.error).toBeUndefined();
}, 180_000);
