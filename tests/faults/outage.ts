// What the Redis outage tests share (tests/faults/redis-restart.test.ts on one Redis,
// tests/cluster/primary-restart.test.ts on a cluster): the articles they post, a reply within a
// deadline, and the state they take Redis down in.
import type { RunningApi } from '../../src/entrypoints/start-api';
import type { RunningWorker } from '../../src/entrypoints/start-worker';
import { eventually, http } from '../setup/helpers';

export const outageArticle = (n: number) => ({
  text: `"We reject the demands of Portugal," the Spanish foreign minister said in statement ${n}. Spain praised Italy's help.`,
  publishedAt: '2020-01-15',
});

/** A reply within `ms`: while Redis is away the API answers at once, it does not wait for it. */
export async function timed<T>(work: Promise<T>, ms: number, what = ''): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)));
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export type Accepted = { articleId: string; links: { job: string } };

/**
 * Six articles accepted while Redis is whole: three analysed, three still waiting (the worker
 * paused), so those exist only in Redis's append-only file when it stops.
 */
export async function acceptSixThreeWaiting(api: RunningApi, worker: RunningWorker): Promise<Accepted[]> {
  const accepted: Accepted[] = [];
  const post = async (n: number) => {
    const reply = await http(api.url, 'POST', '/articles', { json: outageArticle(n) });
    expect(reply.status).toBe(202);
    accepted.push(reply.body);
  };
  for (let n = 0; n < 3; n++) await post(n);
  for (const { links } of accepted) {
    await eventually(async () => ((await http(api.url, 'GET', links.job)).body.state === 'completed' ? true : undefined));
  }
  await worker.worker.pause();
  for (let n = 3; n < 6; n++) await post(n);
  expect(await api.queue.getJobCountByTypes('waiting')).toBe(3);
  return accepted;
}
