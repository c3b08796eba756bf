// Articles that take long to analyse: analysed on the pool's threads, so the worker renews its
// job's lock all along (a lock far shorter than the analysis is not lost); past the budget
// (ANALYSIS_TIMEOUT_MS) the thread is ended and the job fails for good with the reason, shown by
// GET /jobs/:id and GET /articles/:id, while the next articles are analysed as usual.
import { generatedArticle } from '../../bench/articles';
import { startApi, type RunningApi } from '../../src/entrypoints/start-api';
import { startWorker, type RunningWorker } from '../../src/entrypoints/start-worker';
import { eventually, http, longArticle, silentLogger, testConfig } from '../setup/helpers';

let api: RunningApi | undefined;
let worker: RunningWorker | undefined;
afterEach(async () => {
  await api?.close();
  await worker?.close();
  api = worker = undefined;
});

async function start(settings: Record<string, string>): Promise<string> {
  const config = testConfig({ WORKER_CONCURRENCY: '1', ...settings });
  worker = await startWorker(config, silentLogger);
  api = await startApi(config, silentLogger);
  return api.url;
}

async function finished(url: string, jobLink: string, timeoutMs = 60_000) {
  return eventually(async () => {
    const job = await http(url, 'GET', jobLink);
    return job.body.state === 'completed' || job.body.state === 'failed' ? job.body : undefined;
  }, timeoutMs, 100);
}

it('keeps the lock of a job whose analysis lasts many times the lock', async () => {
  const url = await start({ JOB_LOCK_MS: '1000', JOB_STALLED_INTERVAL_MS: '500', JOB_MAX_STALLED: '0', ANALYSIS_TIMEOUT_MS: '60000' });
  const posted = await http(url, 'POST', '/articles', { json: longArticle(2) });
  expect(posted.status).toBe(202);
  const job = await finished(url, posted.body.links.job);
  // Seconds of analysis under a one-second lock: one try, completed, nothing found stalled.
  expect(Date.parse(job.finishedAt) - Date.parse(job.createdAt)).toBeGreaterThan(1500);
  expect(job).toMatchObject({ state: 'completed', attempts: 1 });
  expect(job.result.quotes).toBeGreaterThan(500);
}, 90_000);

it('fails an article past its budget for good, with the reason, and goes on with the others', async () => {
  const url = await start({ ANALYSIS_TIMEOUT_MS: '1500', JOB_ATTEMPTS: '3', JOB_BACKOFF_MS: '20' });
  const late = await http(url, 'POST', '/articles', { json: longArticle(3) });
  const next = await http(url, 'POST', '/articles', { json: generatedArticle(9) });

  const job = await finished(url, late.body.links.job);
  // Once: another try would take as long.
  expect(job).toMatchObject({ state: 'failed', attempts: 1, error: 'analysis took longer than 1500 ms' });
  const article = await http(url, 'GET', late.body.links.article);
  expect(article.body).toMatchObject({ status: 'failed', error: 'analysis took longer than 1500 ms', analysis: null });

  expect(await finished(url, next.body.links.job)).toMatchObject({ state: 'completed', attempts: 1 });
}, 90_000);
