// A poison article, one whose analysis throws: tried again with exponential backoff, then failed
// with its reason on GET /jobs/:id and GET /articles/:id, while the other articles flow past it.
//
// The worker here is the real one with the real models, except that wink-nlp's readDoc throws
// on texts holding a marker: the analysis fails inside analyze() the way a bug in a pass would,
// and no production code knows about it.
import { startApi, type RunningApi } from '../../src/entrypoints/start-api';
import { startWorker, type RunningWorker } from '../../src/entrypoints/start-worker';
import { analyze } from '../../src/analysis';
import { loadModels, type Models } from '../../src/models';
import { eventually, http, silentLogger, testConfig } from '../setup/helpers';

const MARKER = 'Xq7-poison-marker';
const BACKOFF_MS = 300;

let api: RunningApi;
let worker: RunningWorker;
/** When readDoc was asked to read the poison article: one entry per try. */
const poisonReads: number[] = [];

/** The real models, with a readDoc that throws on the marker. */
function poisoned(models: Models): Models {
  const engine = Object.create(models.nlp.engine, {
    readDoc: {
      value: (text: string) => {
        if (text.includes(MARKER)) {
          poisonReads.push(Date.now());
          throw new RangeError('tokeniser ran off the end of the text');
        }
        return models.nlp.engine.readDoc(text);
      },
    },
  });
  return { ...models, nlp: { ...models.nlp, engine } };
}

beforeAll(async () => {
  const config = testConfig({ JOB_ATTEMPTS: '3', JOB_BACKOFF_MS: String(BACKOFF_MS), WORKER_CONCURRENCY: '1' });
  // In this process rather than on the pool's threads, so that the poisoned models are the ones used.
  const models = poisoned(loadModels());
  worker = await startWorker(config, silentLogger, { analyse: async (article) => analyze(article, models) });
  api = await startApi(config, silentLogger);
});
afterAll(async () => {
  await api.close();
  await worker.close();
});

it('retries a poison article with backoff, fails it with its reason, and keeps the others flowing', async () => {
  const poison = await http(api.url, 'POST', '/articles', { json: { text: `The envoy said ${MARKER} twice.` } });
  expect(poison.status).toBe(202);
  const others = [];
  for (const country of ['Kenya', 'Ghana', 'Chile', 'Nepal']) {
    others.push((await http(api.url, 'POST', '/articles', { json: { text: `${country} welcomed the agreement, the minister said.` } })).body);
  }

  const failed = await eventually(async () => {
    const job = await http(api.url, 'GET', poison.body.links.job);
    return job.body.state === 'failed' ? job.body : undefined;
  }, 20_000);
  expect(failed).toMatchObject({ id: poison.body.jobId, attempts: 3, error: 'tokeniser ran off the end of the text' });
  // The record follows the job's failure (the worker's failed event) a moment later.
  const article = await eventually(async () => {
    const reply = await http(api.url, 'GET', poison.body.links.article);
    return reply.body.status === 'failed' ? reply.body : undefined;
  }, 5_000);
  expect(article).toMatchObject({ status: 'failed', error: 'tokeniser ran off the end of the text', analysis: null });

  // Three tries, BACKOFF_MS then twice that apart (a little slack for the delayed-job timer).
  expect(poisonReads).toHaveLength(3);
  expect(poisonReads[1] - poisonReads[0]).toBeGreaterThanOrEqual(BACKOFF_MS - 20);
  expect(poisonReads[2] - poisonReads[1]).toBeGreaterThanOrEqual(2 * BACKOFF_MS - 20);

  // The others were analysed while the poison article waited between its tries.
  const finished = await Promise.all(
    others.map((o) => eventually(async () => {
      const job = await http(api.url, 'GET', o.links.job);
      return job.body.state === 'completed' ? Date.parse(job.body.finishedAt) : undefined;
    })),
  );
  expect(Math.max(...finished)).toBeLessThan(Date.parse(failed.finishedAt));

  // The failures show in the metrics: three failed tries, one job failed for good.
  const metrics = await eventually(async () => {
    const text = (await http(api.url, 'GET', '/metrics')).text;
    return /^stance_jobs_failed_total 1$/m.test(text) ? text : undefined;
  }, 10_000);
  expect(metrics).toMatch(/^stance_job_attempts_failed_total 3$/m);
  expect(metrics).toMatch(/^stance_articles_analysed_total 4$/m);
});
