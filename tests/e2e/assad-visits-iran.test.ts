// End to end: the API and a worker as `npm start` runs them, on the suite's Redis. Post the
// example article our user gave, poll its job to completion, read the analysis and the summary.
import { startApi, type RunningApi } from '../../src/entrypoints/start-api';
import { startWorker, type RunningWorker } from '../../src/entrypoints/start-worker';
import { eventually, http, silentLogger, testConfig } from '../setup/helpers';
import { describeWithSharedText, EXAMPLE_ARTICLE } from '../setup/shared';

describeWithSharedText(EXAMPLE_ARTICLE, 'the example article, end to end', (text) => {
  let api: RunningApi;
  let worker: RunningWorker;
  const call = (method: string, url: string, json?: unknown) => http(api.url, method, url, json === undefined ? {} : { json });

  beforeAll(async () => {
    const config = testConfig();
    worker = await startWorker(config, silentLogger);
    api = await startApi(config, silentLogger);
  });
  afterAll(async () => {
    await api.close();
    await worker.close();
  });

  it('analyses the example article and summarises Iran\'s stance toward the United States', async () => {
    expect((await call('GET', '/ready')).status).toBe(200);
    const article = { text, publishedAt: '2019-02-25', source: 'example' };

    const posted = await call('POST', '/articles', article);
    expect(posted.status).toBe(202);
    const job = await eventually(async () => {
      const reply = await call('GET', posted.body.links.job);
      expect(reply.body.state).not.toBe('failed');
      return reply.body.state === 'completed' ? reply.body : undefined;
    }, 30_000);
    expect(job).toMatchObject({ id: posted.body.jobId, articleId: posted.body.articleId, progress: 100 });
    expect(job.result.quotes).toBeGreaterThan(0);

    const stored = await call('GET', `${posted.body.links.article}?include=all`);
    expect(stored.body).toMatchObject({ id: posted.body.articleId, status: 'completed', publishedAt: '2019-02-25' });
    const { quotes, actors, stances } = stored.body.analysis;
    expect(quotes.length).toBe(job.result.quotes);
    expect(actors.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining([expect.stringMatching(/^IRN/), expect.stringMatching(/^SYR/)]));
    expect(stances.length).toBe(job.result.stances);

    const summary = await call('GET', '/stance/summary?from=2019-02-25&to=2019-02-25');
    const iranToUs = summary.body.pairs.find(
      (p: { source: { id: string }; target: { id: string } }) => p.source.id.startsWith('IRN') && p.target.id.startsWith('USA'),
    );
    expect(iranToUs).toBeDefined();
    expect(iranToUs.mean).toBeLessThan(0);
    expect(iranToUs).toMatchObject({ articles: 1, firstSeen: '2019-02-25T00:00:00.000Z' });
    expect(iranToUs.evidence[0]).toMatchObject({ articleId: posted.body.articleId });

    // Posting the same article again changes nothing.
    const again = await call('POST', '/articles', article);
    expect(again).toMatchObject({ status: 200, body: { articleId: posted.body.articleId, status: 'completed', duplicate: true } });
    const after = (await call('GET', '/stance/summary?from=2019-02-25&to=2019-02-25')).body.pairs;
    expect(after).toEqual(summary.body.pairs);
  });
});
