// The pool of analysis threads: the same analysis as in-process, the event loop free while an
// article is analysed, an article past its budget ended with "analysis took longer than N ms"
// and its thread replaced, so the next article is analysed as usual.
import { generatedArticle } from '../../bench/articles';
import { analyze } from '../../src/analysis';
import { AnalysisPool, AnalysisTimeoutError } from '../../src/analysis-pool/pool';
import { loadModels } from '../../src/models';
import { longArticle } from '../setup/helpers';

let pool: AnalysisPool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

it('gives the analysis analyze() gives in this process', async () => {
  pool = await AnalysisPool.start({ threads: 2, timeoutMs: 20_000, memoryMb: 1024 });
  const articles = [1, 2, 3].map((seed) => ({ ...generatedArticle(seed), publishedAt: '2019-02-25' }));
  const models = loadModels();
  const inThreads = await Promise.all(articles.map((article) => pool!.analyse(article)));
  expect(inThreads).toEqual(articles.map((article) => JSON.parse(JSON.stringify(analyze(article, models)))));
  expect(inThreads[0].stances.length).toBeGreaterThan(0);
}, 60_000);

it('keeps the event loop free while a long article is analysed', async () => {
  pool = await AnalysisPool.start({ threads: 1, timeoutMs: 60_000, memoryMb: 1024 });
  let longestGap = 0;
  let last = Date.now();
  const ticker = setInterval(() => {
    longestGap = Math.max(longestGap, Date.now() - last);
    last = Date.now();
  }, 10);
  const startedAt = Date.now();
  const analysis = await pool.analyse(longArticle());
  const tookMs = Date.now() - startedAt;
  clearInterval(ticker);
  expect(analysis.quotes.length).toBeGreaterThan(500);
  // The analysis took seconds; the timers kept firing all along (in this process they would
  // have waited for the whole analysis). The slack is for collecting the 6 MB answer.
  expect(tookMs).toBeGreaterThan(1000);
  expect(longestGap).toBeLessThan(tookMs / 3);
}, 60_000);

it('ends an article past its budget, then analyses the next one on a new thread', async () => {
  pool = await AnalysisPool.start({ threads: 1, timeoutMs: 1500, memoryMb: 1024 });
  const startedAt = Date.now();
  const late = pool.analyse(longArticle());
  await expect(late).rejects.toThrow(AnalysisTimeoutError);
  await expect(late).rejects.toThrow('analysis took longer than 1500 ms');
  expect(Date.now() - startedAt).toBeLessThan(5000);
  // The replacement thread loads its models before it takes the article: that time is not the article's.
  const next = await pool.analyse(generatedArticle(4));
  expect(next.quotes.length).toBeGreaterThan(0);
}, 60_000);

it('rejects articles once closed, and refuses to start when the models cannot load', async () => {
  pool = await AnalysisPool.start({ threads: 1, timeoutMs: 20_000, memoryMb: 1024 });
  const closing = pool.close();
  await expect(pool.analyse(generatedArticle(5))).rejects.toThrow('the analysis pool is closed');
  await closing;
  await expect(AnalysisPool.start({ threads: 1, timeoutMs: 20_000, memoryMb: 1024, models: { actorsFile: '/nonexistent/actors.json' } })).rejects.toThrow(
    /an analysis thread cannot load the models: .*actors\.json/,
  );
}, 60_000);
