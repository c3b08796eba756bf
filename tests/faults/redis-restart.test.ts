// Redis stopped and started again (a private redis-server with its append-only file): while it
// is down the API answers 503 with a clear message; afterwards the API and the workers carry on
// without a restart, and no article the API had accepted is lost.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startRedisServer, type RedisServer } from '../../src/entrypoints/private-redis';
import { startApi, type RunningApi } from '../../src/entrypoints/start-api';
import { startWorker, type RunningWorker } from '../../src/entrypoints/start-worker';
import { acceptSixThreeWaiting, outageArticle, timed } from './outage';
import { eventually, expectApiError, http, silentLogger, testConfig } from '../setup/helpers';

let dir: string;
let redis: RedisServer | undefined;
const apis: RunningApi[] = [];
let worker: RunningWorker | undefined;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stance-redis-restart-'));
});
afterAll(async () => {
  await Promise.all(apis.map((a) => a.close()));
  await worker?.close();
  await redis?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}, 30_000);



it('answers 503 while Redis is down, then recovers on its own without losing an accepted article', async () => {
  redis = await startRedisServer({ dir, appendOnly: true });
  const port = Number(new URL(redis.url).port);
  const config = testConfig({ REDIS_URL: redis.url, JOB_LOCK_MS: '3000', JOB_STALLED_INTERVAL_MS: '1000' });
  worker = await startWorker(config, silentLogger);
  const api = await startApi(config, silentLogger);
  apis.push(api);

  const accepted = await acceptSixThreeWaiting(api, worker);
  await redis.stop(); // SIGTERM: Redis writes its append-only file and exits

  const down = await timed(http(api.url, 'POST', '/articles', { json: outageArticle(100) }), 3000, 'POST /articles');
  expectApiError(down, 503, 'unavailable', /cannot reach its data store \(Redis\)/);
  expect(down.headers.get('retry-after')).toBe('5');
  expectApiError(await timed(http(api.url, 'GET', accepted[0].links.job), 3000, 'GET /jobs/:id'), 503, 'unavailable');
  expectApiError(await timed(http(api.url, 'GET', '/stance/summary'), 3000, 'GET /stance/summary'), 503, 'unavailable');
  expectApiError(await timed(http(api.url, 'GET', '/ready'), 3000, 'GET /ready'), 503, 'not_ready', /Redis does not answer/);
  expect((await http(api.url, 'GET', '/health')).status).toBe(200);
  const metrics = await timed(http(api.url, 'GET', '/metrics'), 3000, 'GET /metrics');
  expect(metrics.status).toBe(200);
  expect(metrics.text).toMatch(/^stance_redis_up 0$/m);
  // An API replica started while Redis is away works once it is back.
  const lateReplica = await startApi(config, silentLogger);
  apis.push(lateReplica);

  redis = await startRedisServer({ dir, port, appendOnly: true });

  // The same processes carry on: new articles are accepted, the old ones are all analysed.
  worker.worker.resume();
  // (Each connection tries again every 2 s at most.)
  for (const [n, replica] of [api, lateReplica].entries()) {
    const after = await eventually(async () => {
      const reply = await http(replica.url, 'POST', '/articles', { json: outageArticle(200 + n) });
      return reply.status === 202 ? reply : undefined;
    }, 15_000, 200);
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
  // The worker beats again: /ready is green without restarting anything.
  await eventually(async () => ((await http(api.url, 'GET', '/ready')).status === 200 ? true : undefined), 10_000, 200);
}, 90_000);
