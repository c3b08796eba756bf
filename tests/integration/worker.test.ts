// The queue and the analysis worker against the suite's Redis, with the real analysis: jobs
// run to completion, results land in the store, duplicates are not re-queued, failures keep
// their reason, and two workers count every article once.
import { UnrecoverableError, Worker } from 'bullmq';
import { generatedArticle } from '../../bench/articles';
import type { Analysis } from '../../src/analysis/types';
import { ANALYSED_PROGRESS } from '../../src/queue/analyse-article';
import { startWorker, type RunningWorker } from '../../src/entrypoints/start-worker';
import { countFreshWorkers } from '../../src/queue/heartbeat';
import { createAnalysisQueue, type AnalysisQueue } from '../../src/queue/queue';
import { submitArticles } from '../../src/queue/submit-articles';
import { ArticleStore } from '../../src/store/article-store';
import { pairToken } from '../../src/store/keys';
import { createRedis } from '../../src/store/redis';
import type Redis from 'ioredis';
import type { Config } from '../../src/config';
import { eventually, silentLogger, testConfig } from '../setup/helpers';

/** A queue, a store and the workers of one test, all under a key prefix of its own. */
async function setUp(workers: number, overrides: Record<string, string> = {}) {
  const config: Config = testConfig(overrides);
  const redis: Redis = createRedis(config.redisUrl);
  const store = new ArticleStore(redis, config.keyPrefix);
  const queue: AnalysisQueue = createAnalysisQueue(config, redis);
  const running: RunningWorker[] = [];
  for (let i = 0; i < workers; i++) running.push(await startWorker(config, silentLogger));
  const tearDown = async () => {
    await Promise.all(running.map((w) => w.close()));
    await queue.close();
    await redis.quit();
  };
  return { config, redis, store, queue, running, tearDown };
}

const article = (n: number) => ({
  title: `Briefing ${n}`,
  text:
    `"We will never accept these threats from Washington," the Iranian foreign minister said on day ${n}.\n` +
    `The Syrian president praised Russia's support. "Our friends in Moscow stood by us," he said.`,
  publishedAt: `2019-03-${String((n % 28) + 1).padStart(2, '0')}`,
});

describe('the analysis worker', () => {
  it('analyses a queued article, stores the analysis and reports progress and counts', async () => {
    const t = await setUp(1);
    try {
      const [submission] = await submitArticles([article(1)], t);
      const stored = await eventually(async () => {
        const a = await t.store.get(submission.articleId, ['quotes', 'actors', 'stances']);
        return a?.status === 'completed' ? a : undefined;
      });
      const analysis = stored.analysis as Analysis;
      expect(Array.isArray(analysis.quotes) && Array.isArray(analysis.actors) && Array.isArray(analysis.stances)).toBe(true);
      expect(stored.analysedAt).toBeDefined();
      // The store says completed before BullMQ records the job's return value: wait for the job too.
      const job = await eventually(async () => {
        const j = await t.queue.getJob(submission.jobId);
        return j?.finishedOn ? j : undefined;
      });
      expect(job?.returnvalue).toEqual({
        articleId: submission.articleId,
        quotes: analysis.quotes.length,
        actors: analysis.actors.length,
        stances: analysis.stances.length,
      });
      expect(job?.progress).toBe(ANALYSED_PROGRESS);
      expect(job?.opts).toMatchObject({ attempts: t.config.queue.attempts, backoff: { type: 'exponential', delay: t.config.queue.backoffMs } });
    } finally {
      await t.tearDown();
    }
  });

  it('reads an article posted with no date as of the day it arrived: its people hold that day\'s offices', async () => {
    const t = await setUp(1);
    try {
      // Khamenei's role in the dictionary has no end: any day of arrival finds him in office.
      const [submission] = await submitArticles([{ text: 'Ali Khamenei condemned the new sanctions on Tuesday.' }], t);
      const stored = await eventually(async () => {
        const a = await t.store.get(submission.articleId, ['actors']);
        return a?.status === 'completed' ? a : undefined;
      });
      expect((stored.analysis as Analysis).actors.map((a) => [a.id, a.name])).toContainEqual(['IRNGOV', expect.stringMatching(/Iran/)]);
    } finally {
      await t.tearDown();
    }
  });

  it('does not queue an analysed article again, even after its job was trimmed', async () => {
    const t = await setUp(1, { KEEP_COMPLETED_JOBS: '0' });
    try {
      const [first] = await submitArticles([article(2)], t);
      await eventually(async () => ((await t.store.get(first.articleId))?.status === 'completed' ? true : undefined));
      await eventually(async () => ((await t.queue.getJob(first.jobId)) ? undefined : true)); // trimmed
      const [again] = await submitArticles([article(2)], t);
      expect(again).toMatchObject({ articleId: first.articleId, status: 'completed', duplicate: true });
      expect(await t.queue.getJob(first.jobId)).toBeUndefined();
    } finally {
      await t.tearDown();
    }
  });

  it('fails a job whose article is not in the store at once, keeping the reason; other jobs go on', async () => {
    const t = await setUp(1);
    try {
      const [submission] = await submitArticles([article(3)], t);
      const ghost = 'e'.repeat(32);
      await t.queue.add('analyse', { articleId: ghost }, { jobId: `article-${ghost}` });
      // The job read again once failed: a copy read before it failed has no reason yet.
      const job = await eventually(async () => {
        const j = await t.queue.getJob(`article-${ghost}`);
        return j && (await j.isFailed()) ? t.queue.getJob(`article-${ghost}`) : undefined;
      });
      expect(job?.failedReason).toBe(`article ${ghost} is not in the store`);
      expect(job?.attemptsMade).toBe(1); // unrecoverable: no retry
      await eventually(async () => ((await t.store.get(submission.articleId))?.status === 'completed' ? true : undefined));
    } finally {
      await t.tearDown();
    }
  });

  it('queues a lost article again when it is posted again: its job failed or vanished without the store knowing', async () => {
    const t = await setUp(0);
    try {
      const [failing, vanishing] = await submitArticles([article(4), article(5)], t);
      // A bare BullMQ worker fails the first job for good; its article's record does not follow.
      const connection = createRedis(t.config.redisUrl, { blocking: true });
      const bare = new Worker(t.config.queue.name, async () => { throw new UnrecoverableError('lost on the way'); }, {
        connection,
        prefix: t.store.keys.queuePrefix,
      });
      await eventually(async () => ((await t.queue.getJobState(failing.jobId)) === 'failed' ? true : undefined));
      await bare.close();
      await connection.quit();
      await t.queue.remove(vanishing.jobId);
      expect((await t.store.get(failing.articleId))?.status).toBe('queued');

      const again = await submitArticles([article(4), article(5)], t);
      expect(again.map((s) => [s.status, s.duplicate])).toEqual([['queued', true], ['queued', true]]);
      t.running.push(await startWorker(t.config, silentLogger));
      for (const submission of again) {
        await eventually(async () => ((await t.store.get(submission.articleId))?.status === 'completed' ? true : undefined));
        // The store records the analysis before the processor returns and BullMQ completes the job.
        await eventually(async () => ((await t.queue.getJobState(submission.jobId)) === 'completed' ? true : undefined));
      }
    } finally {
      await t.tearDown();
    }
  }, 60_000);

  it('analyses an article again when it is posted with new metadata; its contribution moves to the new analysis and date', async () => {
    const t = await setUp(1);
    try {
      const text = 'Mike Pence condemned Iran on Monday. "Iran threatens the whole region," Mike Pence said.';
      const [first] = await submitArticles([{ text, publishedAt: '2019-03-02' }], t);
      await eventually(async () => ((await t.store.get(first.articleId))?.status === 'completed' ? true : undefined));
      const pairsOf = async () => (await t.store.summary()).pairs.map((p) => `${p.source.id}>${p.target.id} ${p.articles} ${p.firstSeen.slice(0, 10)}`).sort();
      expect(await pairsOf()).toContain('USAGOV>IRN 1 2019-03-02'); // in office then

      const [same] = await submitArticles([{ text, publishedAt: '2019-03-02' }], t);
      expect(same).toMatchObject({ duplicate: true, updated: false, status: 'completed' });
      const [updated] = await submitArticles([{ text, publishedAt: '2023-03-02', source: 'Wire' }], t);
      expect(updated).toMatchObject({ articleId: first.articleId, duplicate: false, updated: true, status: 'queued' });
      const stored = await eventually(async () => {
        const a = await t.store.get(first.articleId, ['stances']);
        return a?.status === 'completed' && a.version === 2 ? a : undefined;
      });
      expect(stored).toMatchObject({ publishedAt: '2023-03-02', source: 'Wire' });
      const pairs = await pairsOf();
      expect(pairs.some((p) => p.startsWith('USAGOV>'))).toBe(false); // out of office by the new date
      expect(pairs).toContain('name:mike-pence>IRN 1 2023-03-02');
      expect(pairs.every((p) => p.endsWith(' 1 2023-03-02'))).toBe(true);
    } finally {
      await t.tearDown();
    }
  }, 60_000);

  it('analyses the new version when new metadata comes during the analysis, never recording the old one over it', async () => {
    const t = await setUp(1);
    try {
      const big = generatedArticle(5, 450); // about a second of analysis
      const [first] = await submitArticles([{ ...big, publishedAt: '2019-03-02' }], t);
      const firstJob = await eventually(async () => {
        const job = await t.queue.getJob(first.jobId);
        return job?.processedOn ? job : undefined;
      }, 10_000, 10);
      await new Promise((resolve) => setTimeout(resolve, 300)); // the article read, its analysis under way
      const [updated] = await submitArticles([{ ...big, publishedAt: '2022-08-09' }], t);
      expect(updated).toMatchObject({ updated: true, status: 'queued' });
      const stored = await eventually(async () => {
        const a = await t.store.get(first.articleId, ['stances']);
        return a?.status === 'completed' ? a : undefined;
      }, 30_000);
      expect(stored.version).toBe(2);
      // The first job's record was refused as stale; a new job analysed the new version.
      expect((await t.queue.getJob(first.jobId))?.timestamp).toBeGreaterThan(firstJob.timestamp);
      const { pairs } = await t.store.summary({ limit: 1000 });
      expect(pairs.length).toBe(new Set(stored.analysis?.stances?.map((s) => pairToken(s.source, s.target))).size);
      for (const p of pairs) expect([p.articles, p.firstSeen, p.lastSeen]).toEqual([1, '2022-08-09T00:00:00.000Z', '2022-08-09T00:00:00.000Z']);
    } finally {
      await t.tearDown();
    }
  }, 60_000);

  it('beats while it runs and stops beating when closed', async () => {
    const t = await setUp(1);
    try {
      expect(await countFreshWorkers(t.redis, t.store.keys, t.config.heartbeatMaxAgeSeconds)).toBe(1);
      await t.running[0].close();
      t.running.length = 0;
      expect(await countFreshWorkers(t.redis, t.store.keys, t.config.heartbeatMaxAgeSeconds)).toBe(0);
    } finally {
      await t.tearDown();
    }
  });

  it('with two workers, counts every article once in the summary', async () => {
    const t = await setUp(2, { WORKER_CONCURRENCY: '2' });
    try {
      const articles = Array.from({ length: 12 }, (_, n) => article(10 + n));
      const submissions = await submitArticles(articles, t);
      const stored = await eventually(async () => {
        const all = await Promise.all(submissions.map((s) => t.store.get(s.articleId, ['stances'])));
        return all.every((a) => a?.status === 'completed') ? all : undefined;
      }, 30_000);
      // Every pair row counts exactly the articles whose analysis has a stance for that pair.
      const expected = new Map<string, number>();
      for (const a of stored) {
        for (const pair of new Set(a?.analysis?.stances?.map((s) => pairToken(s.source, s.target)))) {
          expected.set(pair, (expected.get(pair) ?? 0) + 1);
        }
      }
      const { pairs } = await t.store.summary({ limit: 1000 });
      expect(new Map(pairs.map((p) => [pairToken(p.source.id, p.target.id), p.articles]))).toEqual(expected);
    } finally {
      await t.tearDown();
    }
  });
});
