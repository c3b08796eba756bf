// A finished job trimmed from BullMQ still answers GET /jobs/:id, from the article's record.
import { startApi, type RunningApi } from '../../src/entrypoints/start-api';
import { startWorker, type RunningWorker } from '../../src/entrypoints/start-worker';
import { eventually, http, silentLogger, testConfig } from '../setup/helpers';

let api: RunningApi;
let worker: RunningWorker;

beforeAll(async () => {
  const config = testConfig({ KEEP_COMPLETED_JOBS: '0' });
  worker = await startWorker(config, silentLogger);
  api = await startApi(config, silentLogger);
}, 30_000); // loading the models takes seconds on a busy machine
afterAll(async () => {
  await api.close();
  await worker.close();
});

it('reports a trimmed job as completed, with its result, from the store', async () => {
  const text = 'Turkey welcomed the agreement with Russia, the foreign minister said on Friday.';
  const posted = await http(api.url, 'POST', '/articles', { json: { text } });
  expect(posted.status).toBe(202);
  await eventually(async () => ((await api.queue.getJob(posted.body.jobId)) ? undefined : true));
  const job = await http(api.url, 'GET', posted.body.links.job);
  expect(job.status).toBe(200);
  const article = await http(api.url, 'GET', `${posted.body.links.article}?include=quotes,actors,stances`);
  const { quotes, actors, stances } = article.body.analysis;
  expect(job.body).toEqual({
    id: posted.body.jobId,
    articleId: posted.body.articleId,
    state: 'completed',
    progress: 100,
    attempts: null,
    createdAt: article.body.receivedAt,
    finishedAt: article.body.analysedAt,
    result: { articleId: posted.body.articleId, quotes: quotes.length, actors: actors.length, stances: stances.length },
  });
});
