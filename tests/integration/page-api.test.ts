// What the page reads besides the articles: the summary a page at a time (cursor, total, a
// stable order), one pair's articles, the recent articles, the graph library and the favicon.
import type { Analysis } from '../../src/analysis/types';
import { startApi, type RunningApi } from '../../src/entrypoints/start-api';
import type { StoredArticle } from '../../src/store/article-store';
import { bucketStart } from '../../src/store/summary';
import { expectApiError, http, silentLogger, testConfig } from '../setup/helpers';

let api: RunningApi;
const call = (url: string) => http(api.url, 'GET', url);

/** An analysed article whose source speaks of each target (scores given), written to the store. */
async function analysed(title: string, publishedAt: string, source: string, targets: [string, number][]): Promise<string> {
  const text = `${title}: a statement written for this test.`;
  const posted = await http(api.url, 'POST', '/articles', { json: { title, text, publishedAt } });
  const analysis: Analysis = {
    quotes: [],
    actors: [source, ...targets.map(([t]) => t)].map((id) => ({ id, name: `Name of ${id}`, type: 'country', mentions: [] })),
    stances: targets.map(([target, score]) => ({
      source, target, score, polarity: score < 0 ? -1 : 1, evidence: [{ start: 0, end: 10, text: `${source} on ${target}`, score }],
    })),
  };
  await api.store.recordAnalysis((await api.store.get(posted.body.articleId)) as StoredArticle, analysis);
  return posted.body.articleId;
}

const pairOf = (p: { source: { id: string }; target: { id: string }; articles: number }) => `${p.articles} ${p.source.id}>${p.target.id}`;

let first: string;
let second: string;

beforeAll(async () => {
  api = await startApi(testConfig(), silentLogger);
  // AAA → BBB and CCC → BBB in two articles; the rest in one, in an order the ids do not follow.
  first = await analysed('First', '2019-01-02', 'CCC', [['BBB', -0.5], ['AAA', 0.2], ['EEE', 0.1]]);
  second = await analysed('Second', '2019-01-03', 'CCC', [['BBB', -0.3]]);
  await analysed('Third', '2019-01-04', 'AAA', [['BBB', 0.4], ['DDD', -0.1]]);
  await analysed('Fourth', '2019-01-05', 'AAA', [['BBB', 0.6]]);
});
afterAll(async () => {
  await api.close();
});

describe('GET /stance/summary, a page at a time', () => {
  const ORDER = ['2 AAA>BBB', '2 CCC>BBB', '1 AAA>DDD', '1 CCC>AAA', '1 CCC>EEE'];

  it('orders rows by articles (most first), then source id, then target id, and says how many there are', async () => {
    const all = await call('/stance/summary');
    expect(all.body).toMatchObject({ total: 5, nextCursor: null, links: { next: null } });
    expect(all.body.pairs.map(pairOf)).toEqual(ORDER);
  });

  it('pages through every row exactly once with the cursor it hands out', async () => {
    const seen: string[] = [];
    let url: string | null = '/stance/summary?limit=2';
    let pages = 0;
    while (url) {
      const page: { status: number; body: any } = await call(url);
      expect(page.status).toBe(200);
      expect(page.body.total).toBe(5);
      seen.push(...page.body.pairs.map(pairOf));
      url = page.body.links.next;
      if (url) expect(url).toContain(`cursor=${page.body.nextCursor}`);
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(ORDER);
  });

  it('keeps the filters on its next link, and a cursor still works when the row it names is gone', async () => {
    const page = await call('/stance/summary?source=CCC&limit=1');
    expect(page.body).toMatchObject({ total: 3 });
    expect(page.body.links.next).toMatch(/source=CCC/);
    const next = await call(page.body.links.next);
    expect(next.body.pairs.map(pairOf)).toEqual(['1 CCC>AAA']);
    // A position between rows (as if its row had left the summary): the rows after it.
    const between = Buffer.from(JSON.stringify(['articles', -2, 'BBB', 'ZZZ'])).toString('base64url');
    expect((await call(`/stance/summary?cursor=${between}`)).body.pairs.map(pairOf)).toEqual(ORDER.slice(1));
  });

  it('sorts by mean (most hostile first, or friendliest with -mean) or by the latest article, and pages in that order', async () => {
    // Means: AAA>BBB 0.5, CCC>BBB -0.4, AAA>DDD -0.1, CCC>AAA 0.2, CCC>EEE 0.1; last seen 01-05, 01-03, 01-04, 01-02, 01-02.
    const order = async (sort: string) => {
      const seen: string[] = [];
      let url: string | null = `/stance/summary?sort=${sort}&limit=2`;
      while (url) {
        const page: { body: any } = await call(url);
        seen.push(...page.body.pairs.map((p: { source: { id: string }; target: { id: string } }) => `${p.source.id}>${p.target.id}`));
        url = page.body.links.next;
      }
      return seen;
    };
    expect(await order('mean')).toEqual(['CCC>BBB', 'AAA>DDD', 'CCC>EEE', 'CCC>AAA', 'AAA>BBB']);
    expect(await order('-mean')).toEqual(['AAA>BBB', 'CCC>AAA', 'CCC>EEE', 'AAA>DDD', 'CCC>BBB']);
    expect(await order('recent')).toEqual(['AAA>BBB', 'AAA>DDD', 'CCC>BBB', 'CCC>AAA', 'CCC>EEE']);
    // A cursor is for the sort it was made in.
    const { nextCursor } = (await call('/stance/summary?sort=mean&limit=1')).body;
    expectApiError(await call(`/stance/summary?cursor=${nextCursor}`), 400, 'invalid_request', /^cursor: is of another sort/);
    expectApiError(await call('/stance/summary?sort=hostile'), 400, 'invalid_request', /^sort: must be one of articles, mean, -mean, recent/);
  });

  it.each([
    ['not base64url', 'not a cursor!'],
    ['not JSON', Buffer.from('nope').toString('base64url')],
    ['not a position', Buffer.from(JSON.stringify({ a: 1 })).toString('base64url')],
  ])('refuses a cursor that is %s with 400 naming it', async (_case, cursor) => {
    expectApiError(await call(`/stance/summary?cursor=${encodeURIComponent(cursor)}`), 400, 'invalid_request', /^cursor: must be the cursor of a previous page/);
  });
});

describe('GET /stance/pair', () => {
  it('lists every article behind a pair, newest first, with its title, date, score and evidence', async () => {
    const reply = await call('/stance/pair?source=CCC&target=BBB');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      source: 'CCC',
      target: 'BBB',
      total: 2,
      articles: [
        { articleId: second, title: 'Second', publishedAt: '2019-01-03T00:00:00.000Z', score: -0.3, evidence: [{ text: 'CCC on BBB', score: -0.3 }] },
        { articleId: first, title: 'First', publishedAt: '2019-01-02T00:00:00.000Z', score: -0.5, evidence: [{ text: 'CCC on BBB', score: -0.5 }] },
      ],
    });
    expect((await call('/stance/pair?source=CCC&target=BBB&limit=1')).body).toMatchObject({ total: 2, articles: [{ articleId: second }] });
    expect((await call('/stance/pair?source=BBB&target=CCC')).body).toEqual({ source: 'BBB', target: 'CCC', total: 0, articles: [] });
  });

  it('refuses a missing or malformed actor id with 400 naming it', async () => {
    expectApiError(await call('/stance/pair?source=CCC'), 400, 'invalid_request', /^target: /);
    expectApiError(await call('/stance/pair?source=a%20b&target=CCC'), 400, 'invalid_request', /^source: must be an actor id/);
  });
});

describe('GET /stance/timeline', () => {
  it('gives the matching pairs\' mean stance and article counts per week or month', async () => {
    const pair = await call('/stance/timeline?source=AAA&target=BBB&interval=week');
    expect(pair.status).toBe(200);
    expect(pair.body).toEqual({
      interval: 'week', source: 'AAA', target: 'BBB', actor: null,
      buckets: [{ start: '2018-12-31', articles: 2, mean: 0.5, positive: 2, negative: 0, neutral: 0 }],
    });
    // Every pair toward BBB, by month (the default): four articles, each pair's score one vote.
    const toward = await call('/stance/timeline?target=BBB');
    expect(toward.body.buckets).toEqual([{ start: '2019-01-01', articles: 4, mean: 0.05, positive: 2, negative: 2, neutral: 0 }]);
    // An article with a stance for three of CCC's pairs counts once for each of them.
    expect((await call('/stance/timeline?actor=CCC&to=2019-01-02')).body.buckets).toEqual([
      { start: '2019-01-01', articles: 3, mean: -0.0667, positive: 2, negative: 1, neutral: 0 },
    ]);
    // By day: the per-day buckets themselves.
    expect((await call('/stance/timeline?source=AAA&target=BBB&interval=day')).body.buckets.map((b: { start: string }) => b.start)).toEqual(['2019-01-04', '2019-01-05']);
  });

  it('starts weeks on Monday and months on the first, in UTC', () => {
    expect(bucketStart(Date.parse('2019-01-06T23:59:59Z'), 'week')).toBe('2018-12-31');
    expect(bucketStart(Date.parse('2019-01-07T00:00:00Z'), 'week')).toBe('2019-01-07');
    expect(bucketStart(Date.parse('2020-02-29T12:00:00Z'), 'month')).toBe('2020-02-01');
  });

  it('refuses a query without a side, or with an unknown interval, with 400 naming it', async () => {
    expectApiError(await call('/stance/timeline'), 400, 'invalid_request', /^source: name a source, a target or an actor/);
    expectApiError(await call('/stance/timeline?source=AAA&interval=hour'), 400, 'invalid_request', /^interval: must be day, week or month/);
  });
});

describe('GET /articles', () => {
  it('lists the articles received, newest first, with their status and counts, a page at a time', async () => {
    const all = await call('/articles');
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ total: 4, offset: 0, limit: 20, links: { next: null } });
    expect(all.body.articles.map((a: { title: string }) => a.title)).toEqual(['Fourth', 'Third', 'Second', 'First']);
    expect(all.body.articles[3]).toMatchObject({ id: first, status: 'completed', publishedAt: '2019-01-02', counts: { stances: 3 }, links: { article: `/articles/${first}` } });
    expect(all.body.articles[3].text).toBeUndefined();
    const page = await call('/articles?limit=3&offset=1');
    expect(page.body.articles.map((a: { title: string }) => a.title)).toEqual(['Third', 'Second', 'First']);
    const paged = await call('/articles?limit=3');
    expect(paged.body.links.next).toBe('/articles?offset=3&limit=3');
    expectApiError(await call('/articles?limit=101'), 400, 'invalid_request', /^limit: must be at most 100/);
  });
});

describe('the page\'s files', () => {
  it('serves the graph library from node_modules and a favicon', async () => {
    const script = await call('/vendor/cytoscape.min.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(script.text.length).toBeGreaterThan(100_000);
    const icon = await call('/favicon.svg');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toMatch(/image\/svg\+xml/);
  });
});
