// GET /metrics with a real worker: HTTP latency by route and status, queue depth by state, and
// the workers' own counters (articles analysed, failures, job duration) summed through Redis.
import { startApi, type RunningApi } from '../../src/entrypoints/start-api';
import { startWorker, type RunningWorker } from '../../src/entrypoints/start-worker';
import { eventually, http, silentLogger, testConfig } from '../setup/helpers';

let api: RunningApi;
const workers: RunningWorker[] = [];

beforeAll(async () => {
  const config = testConfig();
  workers.push(await startWorker(config, silentLogger), await startWorker(config, silentLogger));
  api = await startApi(config, silentLogger);
});
afterAll(async () => {
  await api.close();
  await Promise.all(workers.map((w) => w.close()));
});

/** The value of one sample line of the exposition text, e.g. `stance_queue_jobs{state="waiting"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

it('reports HTTP latency, queue depth and the workers\' counters', async () => {
  const before = (await http(api.url, 'GET', '/metrics')).text;
  expect(sample(before, 'stance_articles_analysed_total')).toBe(0);
  expect(sample(before, 'stance_redis_up')).toBe(1);

  const texts = ['Chile welcomed the trade agreement with Peru, the minister said.', 'Peru thanked Chile for its help, officials said.', 'Norway criticised the plan.'];
  const posted = await Promise.all(texts.map((text) => http(api.url, 'POST', '/articles', { json: { text } })));
  await http(api.url, 'GET', '/nowhere');
  await http(api.url, 'GET', `/jobs/${posted[0].body.jobId}`);
  for (const p of posted) {
    await eventually(async () => ((await http(api.url, 'GET', p.body.links.job)).body.state === 'completed' ? true : undefined));
  }
  // Workers publish their counters every HEARTBEAT_SECONDS (1 s in the tests).
  const text = await eventually(async () => {
    const t = (await http(api.url, 'GET', '/metrics')).text;
    return sample(t, 'stance_articles_analysed_total') === 3 ? t : undefined;
  }, 10_000);

  expect(sample(text, 'stance_job_duration_seconds_count')).toBe(3);
  expect(sample(text, 'stance_job_duration_seconds_sum')).toBeGreaterThan(0);
  expect(sample(text, 'stance_job_attempts_failed_total')).toBe(0);
  expect(sample(text, 'stance_jobs_failed_total')).toBe(0);
  expect(sample(text, 'stance_queue_jobs{state="completed"}')).toBe(3);
  expect(sample(text, 'stance_queue_jobs{state="waiting"}')).toBe(0);
  expect(sample(text, 'stance_http_request_duration_seconds_count{method="POST",route="/articles",status="202"}')).toBe(3);
  expect(sample(text, 'stance_http_request_duration_seconds_count{method="GET",route="/jobs/:id",status="200"}')).toBeGreaterThanOrEqual(4);
  // Unmatched URLs share one label value: clients cannot grow the number of series.
  expect(sample(text, 'stance_http_request_duration_seconds_count{method="GET",route="(no route)",status="404"}')).toBe(1);
  expect(text).toMatch(/^stance_api_process_resident_memory_bytes \d+/m);
});
