// The page in a real browser (Chromium, driven by playwright-core) against a real API, worker
// and Redis, with API keys on: the browser answers the Basic prompt with the key, as a user does.
// An article is submitted through the form and shown annotated; the graph, the summary's pages,
// the filters, the recent articles and the exports are used; at 1400 and 390 px, without sideways
// scrolling and without a console error. Screenshots: test-artifacts/screenshots/ (and docs/
// with STANCE_DOCS_SCREENSHOTS=1, for the README).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { generatedArticle } from '../../bench/articles';
import { startApi, type RunningApi } from '../../src/entrypoints/start-api';
import { startWorker, type RunningWorker } from '../../src/entrypoints/start-worker';
import { ArticleStore } from '../../src/store/article-store';
import { createRedis } from '../../src/store/redis';
import { describeWithBrowser, horizontalOverflow, launchBrowser, openPage, screenshot, SCREENSHOTS_DIR, type WatchedPage } from '../setup/browser';
import { eventually, http, longArticle, silentLogger, testConfig } from '../setup/helpers';

// The page's globals, in the functions the browser runs (the tests' types have no DOM library).
declare const document: any;
declare const window: any;

const KEY = 'browser-test-key-0123456789';
const CREDENTIALS = { username: 'analyst', password: KEY };
const DOCS = process.env.STANCE_DOCS_SCREENSHOTS ? path.resolve(__dirname, '../../docs') : undefined;

// Written for this test.
const ARTICLE = {
  title: 'Iran hosts talks with Syria',
  publishedAt: '2019-03-04',
  source: 'Test Wire',
  text: [
    'Iran condemned the United States on Monday for the new sanctions. "These sanctions are a crime against our people," Iran\'s foreign minister said in Tehran.',
    'Syria praised Russia for its steady support, the Syrian president told reporters. "Russia stood by us when others did not," he said.',
    'Germany criticised Iran over its missile tests, a spokesman in Berlin said.',
  ].join('\n'),
};

describeWithBrowser('the page in Chromium', () => {
  let api: RunningApi;
  let worker: RunningWorker;
  let browser: Browser;
  const opened: WatchedPage[] = [];
  let articleId = '';
  let config: ReturnType<typeof testConfig>;
  const call = (method: string, url: string, json?: unknown) =>
    http(api.url, method, url, { ...(json !== undefined && { json }), headers: { authorization: `Bearer ${KEY}` } });

  async function open(width: number, height: number, hash = ''): Promise<WatchedPage> {
    const watched = await openPage(browser, { viewport: { width, height }, httpCredentials: CREDENTIALS, acceptDownloads: true });
    opened.push(watched);
    await watched.page.goto(`${api.url}/${hash}`);
    return watched;
  }

  /** A screenshot of one part of the page (and for the README, with STANCE_DOCS_SCREENSHOTS=1). */
  async function shot(page: Page, selector: string, name: string, docsName?: string): Promise<void> {
    const part = page.locator(selector);
    await part.screenshot({ path: path.join(SCREENSHOTS_DIR, `${name}.png`) });
    if (DOCS && docsName) await part.screenshot({ path: path.join(DOCS, docsName) });
  }

  beforeAll(async () => {
    config = testConfig({ API_KEYS: KEY });
    [worker, api, browser] = await Promise.all([startWorker(config, silentLogger), startApi(config, silentLogger), launchBrowser()]);
    // Other articles, so that the summary has more than one page (25 rows each).
    const others = [1, 2, 3, 4, 5, 6].map((seed) => ({ ...generatedArticle(seed, 4), publishedAt: `2019-0${seed}-15`, source: 'Generated' }));
    const batch = await call('POST', '/articles/batch', { articles: others });
    expect(batch.status).toBe(202);
    await eventually(async () => {
      const states = await Promise.all(batch.body.articles.map((a: { links: { job: string } }) => call('GET', a.links.job)));
      return states.every((s) => s.body.state === 'completed') ? true : undefined;
    }, 60_000, 200);
  }, 90_000);

  afterAll(async () => {
    for (const watched of opened) await watched.close().catch(() => undefined);
    await browser?.close();
    await api?.close();
    await worker?.close();
  });

  afterEach(() => {
    for (const watched of opened) expect(watched.problems).toEqual([]);
  });

  it('at 1400 px: analyses an article and shows it annotated, with its speakers and every piece of evidence', async () => {
    const { page } = await open(1400, 1000);
    const articleReads: string[] = [];
    page.on('request', (request) => {
      if (/\/articles\/[0-9a-f]{32}/.test(request.url())) articleReads.push(request.url());
    });
    await page.fill('input[name=title]', ARTICLE.title);
    await page.fill('input[name=publishedAt]', ARTICLE.publishedAt);
    await page.fill('input[name=source]', ARTICLE.source);
    await page.fill('textarea[name=text]', ARTICLE.text);
    await page.click('#article-form button[type=submit]');

    // The result takes the focus, with the title, date and source.
    await page.waitForSelector('#article:not([hidden]) .chunk .st', { timeout: 30_000 });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('article');
    expect(await page.textContent('#article-title')).toBe(ARTICLE.title);
    expect(await page.textContent('#article-meta')).toMatch(/Published 2019-03-04 · Test Wire · completed/);
    articleId = /#article=([0-9a-f]{32})$/.exec(page.url())?.[1] ?? '';
    expect(articleId).toMatch(/^[0-9a-f]{32}$/);
    expect(articleReads).toHaveLength(1); // one fetch of the article, not two

    const stored = (await call('GET', `/articles/${articleId}?include=all`)).body;
    const { quotes, stances } = stored.analysis;
    // Statements by kind, speakers, cues and mentions are marked; mentions are named.
    expect(await page.locator('#article-text .st-direct').count()).toBeGreaterThan(0);
    expect(await page.locator('#article-text .st-indirect').count()).toBeGreaterThan(0);
    expect(await page.locator('#article-text .spk').allTextContents()).toContain("Iran's foreign minister");
    expect(await page.locator('#article-text .cue').count()).toBeGreaterThan(0);
    expect(await page.locator('#article-text .men-name').allTextContents()).toContain('Iranian government');
    expect(await page.locator('#article-statements button').count()).toBe(quotes.length);
    // Speakers are named by their actor's name, never by a raw id.
    const statementsText = await page.textContent('#article-statements');
    expect(statementsText).toContain('Iranian government');
    expect(statementsText).not.toMatch(/IRNGOV|SYRGOV/);

    // A statement: its speaker's actor and confidence.
    const direct = quotes.findIndex((q: { speaker: { actorId: string } | null }) => q.speaker?.actorId === 'IRNGOV');
    await page.click(`#article-statements button[data-q="${direct}"]`);
    const statement = await page.textContent('#article-details');
    expect(statement).toContain("Speaker's actorIranian government");
    expect(statement).toContain(`Confidence${quotes[direct].confidence.toFixed(2)}`);
    expect(await page.locator(`#article-text .st.selected[data-q="${direct}"]`).count()).toBeGreaterThan(0);

    // A stance: every piece of its evidence, each with its score, in the text and in the list.
    const most = stances.reduce((best: number, s: { evidence: unknown[] }, i: number) => (s.evidence.length > stances[best].evidence.length ? i : best), 0);
    expect(stances[most].evidence.length).toBeGreaterThan(1);
    await page.click(`#article-stances tr[data-stance="${most}"] button`);
    expect(await page.locator('#article-details ol.evidence li').count()).toBe(stances[most].evidence.length);
    expect(await page.locator('#article-text .ev-score').count()).toBe(stances[most].evidence.length);
    await shot(page, '#article', 'article-1400', 'page-article.png');

    // The graph: actors by name, one arrow per pair.
    await page.locator('#graph').scrollIntoViewIfNeeded();
    const drawn = await page.waitForFunction(() => {
      const counts = window.stancePage.graph.counts();
      return counts.edges > 0 ? counts : null;
    });
    const counts = (await drawn.jsonValue()) as { nodes: number; edges: number };
    expect(counts.nodes).toBeGreaterThan(5);
    const summaryTotal = (await call('GET', '/stance/summary?limit=1')).body.total;
    expect(counts.edges).toBe(Math.min(summaryTotal, 200));
    // An arrow: its articles and evidence.
    await page.waitForTimeout(300);
    const edge = await page.evaluate(() => window.stancePage.graph.positionOf(window.stancePage.graph.clearestEdge()));
    await page.mouse.click(edge.x, edge.y);
    await page.waitForSelector('#graph-details .pair-articles li a');
    expect(await page.textContent('#graph-details h4')).toMatch(/→ .*: mean/);
    // Its time line: one point per month with articles, the same figures in a table.
    await page.waitForSelector('#graph-details svg.timeline circle');
    const points = await page.locator('#graph-details svg.timeline circle').count();
    expect(await page.locator('#graph-details .timeline-table tbody tr').count()).toBe(points);
    await shot(page, '#graph-section', 'graph-edge-1400');
    // An actor: its rows as source and as target.
    const node = await page.evaluate(() => window.stancePage.graph.positionOf('IRN'));
    await page.mouse.click(node.x, node.y);
    await page.locator('#graph-details h4', { hasText: /^Iran IRN/ }).waitFor();
    expect(await page.textContent('#graph-details')).toMatch(/As source: toward \d+ actors?[\s\S]*As target: from \d+ actors?/);
    // Iran's time line as source, per month, then per week.
    for (const interval of ['month', 'week']) {
      const { buckets } = (await call('GET', `/stance/timeline?source=IRN&interval=${interval}`)).body;
      expect(buckets.length).toBeGreaterThan(0);
      await page.selectOption('#graph-details select', interval);
      await page.waitForFunction((title: string) => document.querySelector('#graph-details .timeline-table caption')?.textContent === title, `Iran toward others, mean stance per ${interval}`);
      expect(await page.locator('#graph-details svg.timeline circle').count()).toBe(buckets.length);
    }
    await shot(page, '#graph-section', 'graph-node-1400', 'page-graph.png');

    // The summary's pages, in a stable order, saying how many there are.
    const caption = page.locator('#summary-caption');
    expect(await caption.textContent()).toContain(`1–25 of ${summaryTotal} actor pairs`);
    expect(summaryTotal).toBeGreaterThan(25);
    const firstPage = await page.locator('#summary tbody tr').allTextContents();
    await page.click('#summary-next');
    await page.waitForFunction(() => document.querySelector('#summary-caption')?.textContent?.includes('26–'));
    const secondPage = await page.locator('#summary tbody tr').allTextContents();
    expect(secondPage.filter((row) => firstPage.includes(row))).toEqual([]);
    await page.click('#summary-prev');
    await page.waitForFunction(() => document.querySelector('#summary-caption')?.textContent?.includes('1–25'));
    expect(await page.locator('#summary tbody tr').allTextContents()).toEqual(firstPage);
    // Sorted by mean, most hostile first: the means on the page never go down.
    await page.selectOption('#summary-sort', 'mean');
    await page.waitForFunction(() => document.querySelector('#summary-caption')?.textContent?.startsWith('Actor pairs, most hostile first: 1–25'));
    const means = (await page.locator('#summary tbody tr td:nth-child(2)').allTextContents()).map((m) => Number(m.replace('−', '-')));
    expect(means).toEqual([...means].sort((a, b) => a - b));
    expect(means[0]).toBeLessThan(0);
    await page.selectOption('#summary-sort', 'articles');
    await page.waitForFunction(() => document.querySelector('#summary-caption')?.textContent?.startsWith('Actor pairs, most articles first: 1–25'));
    await shot(page, '#summary-section', 'summary-1400', 'page-summary.png');

    // The actor filter takes a name in any case, with suggestions from GET /actors?q=.
    await page.fill('#filters input[name=actor]', 'iran');
    await page.waitForFunction(() => [...document.querySelectorAll('#actor-options option')].some((o: any) => o.value === 'Iran'));
    await page.click('#filters button[type=submit]');
    await page.waitForFunction(() => document.querySelector('#filters-status')?.textContent === 'Filters: actor IRN.');
    const filtered = await call('GET', '/stance/summary?actor=IRN&limit=1');
    await page.waitForFunction((total) => document.querySelector('#summary-caption')?.textContent?.includes(`of ${total} actor pair`), filtered.body.total);
    const rows = await page.locator('#summary tbody tr td:first-child small').allTextContents();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/(^|→ )IRN( →|$)/);

    // A confidence floor goes to the API with the other filters, and the page shows its answer.
    await page.fill('#filters input[name=minConfidence]', '0.5');
    await page.click('#filters button[type=submit]');
    await page.waitForFunction(() => document.querySelector('#filters-status')?.textContent === 'Filters: actor IRN, minConfidence 0.5.');
    const confident = await call('GET', '/stance/summary?actor=IRN&minConfidence=0.5&limit=1');
    expect(confident.status).toBe(200);
    expect(confident.body.total).toBeLessThanOrEqual(filtered.body.total);
    if (confident.body.total > 0) {
      await page.waitForFunction((total) => document.querySelector('#summary-caption')?.textContent?.includes(`of ${total} actor pair`), confident.body.total);
    }
    await page.fill('#filters input[name=minConfidence]', '');

    // A person whose statements count for an office: the office is offered, and finds rows.
    await page.fill('#filters input[name=actor]', 'Bashar al-Assad');
    await page.click('#filters button[type=submit]');
    const office = page.locator('#filters-status button', { hasText: /^SYRGOV/ });
    await office.waitFor();
    expect(await page.textContent('#filters-status')).toContain("Bashar al-Assad's statements count for the office held at the time: SYRGOV");
    await office.click();
    await page.waitForFunction(() => document.querySelector('#filters-status')?.textContent === 'Filters: actor SYRGOV.');
    await page.waitForFunction(() => document.querySelector('#summary tbody td small')?.textContent?.includes('SYRGOV'));

    // The keyboard alone: Tab reaches a statement of the list, Enter selects it.
    await page.focus('#article-statements button[data-q="0"]');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.dataset.q)).toBe('1');
    await page.keyboard.press('Enter');
    expect(await page.textContent('#article-details h3')).toBe(`Statement 2 of ${quotes.length}`);
    expect(await page.textContent('#live')).toMatch(/^Statement 2 selected: .*, confidence \d\.\d\d\.$/);

    // Recent articles, with their status.
    const recent = page.locator('#recent tbody tr', { hasText: ARTICLE.title });
    expect(await recent.textContent()).toContain('completed');

    // Exports: the summary as CSV, the article's statements as JSON lines.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-export=summary-csv]')]);
    const csvText = fs.readFileSync(await csv.path(), 'utf8');
    expect(csvText.split('\r\n')[0]).toBe('source_id,source,target_id,target,mean,articles,positive,negative,neutral,first_seen,last_seen,strongest_evidence');
    // Every row of the summary for the filters in force (actor SYRGOV), on every page.
    const exported = await call('GET', '/stance/summary?actor=SYRGOV&limit=1');
    expect(csvText.trim().split('\r\n')).toHaveLength(exported.body.total + 1);
    expect(csvText).toContain('SYRGOV');
    const [jsonl] = await Promise.all([page.waitForEvent('download'), page.click('[data-export=statements-jsonl]')]);
    const lines = fs.readFileSync(await jsonl.path(), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(quotes.length);
    expect(lines[0]).toMatchObject({ articleId, kind: quotes[0].kind, text: quotes[0].text });

    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'page-1400-full');
  }, 60_000);

  it('at 390 px: the article by its link, the graph and the summary, with no sideways scrolling', async () => {
    expect(articleId).not.toBe('');
    const { page } = await open(390, 844, `#article=${articleId}`);
    await page.waitForSelector('#article:not([hidden]) .chunk .st');
    expect(await page.textContent('#article-title')).toBe(ARTICLE.title);
    await page.waitForFunction(() => window.stancePage.graph.counts().edges > 0);
    await page.waitForFunction(() => document.querySelector('#recent tbody a') !== null);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.click('#article-statements button[data-q="1"]');
    expect(await page.textContent('#article-details')).toContain('Confidence');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'page-390-full');
    const top = await page.evaluate(() => document.querySelector('#summary-section').getBoundingClientRect().top + window.scrollY);
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'summary-390-top.png'), fullPage: true, clip: { x: 0, y: top, width: 390, height: 800 } });
    await shot(page, '#graph-section', 'graph-390');
    await page.locator('#article').evaluate((n: any) => n.scrollIntoView());
    await screenshot(page, 'article-390', { fullPage: false, ...(DOCS && { file: path.join(DOCS, 'page-phone.png') }) });
  }, 30_000);

  it('shows a 900 KB article without freezing: only the chunks in view are marked up', async () => {
    const text = longArticle(7).text.slice(0, 900_000);
    const posted = await call('POST', '/articles', { title: 'A very long article', text });
    expect(posted.status).toBe(202);
    await eventually(async () => ((await call('GET', posted.body.links.job)).body.state === 'completed' ? true : undefined), 60_000, 200);

    const watched = await openPage(browser, { viewport: { width: 1400, height: 1000 }, httpCredentials: CREDENTIALS });
    opened.push(watched);
    const { page } = watched;
    // The longest stretch the page's main thread was busy (Long Tasks API), from the first load.
    await page.addInitScript(() => {
      window.longestTask = 0;
      new window.PerformanceObserver((list: any) => {
        for (const entry of list.getEntries()) window.longestTask = Math.max(window.longestTask, entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(`${api.url}/#article=${posted.body.articleId}`);
    await page.waitForSelector('#article:not([hidden]) .chunk .st', { timeout: 20_000 });
    const chunks = () => page.evaluate(() => ({
      all: document.querySelectorAll('#article-text .chunk').length,
      marked: [...document.querySelectorAll('#article-text .chunk')].filter((c: any) => c.querySelector('span')).length,
    }));
    const before = await chunks();
    expect(before.all).toBeGreaterThan(200);
    expect(before.marked).toBeLessThan(10);
    expect(await page.evaluate(() => document.getElementById('article-text').textContent.length)).toBeGreaterThanOrEqual(900_000);
    // The last statement: its chunk is marked when it is selected, and it scrolls into view.
    const count = await page.locator('#article-statements button').count();
    await page.click(`#article-statements button[data-q="${count - 1}"]`);
    await page.waitForSelector(`#article-text .st.selected[data-q="${count - 1}"]`);
    expect((await chunks()).marked).toBeLessThan(20);
    const longest = await page.evaluate(() => window.longestTask);
    console.log(`900 KB article: ${before.all} chunks, ${count} statements listed, longest main-thread task ${Math.round(longest)} ms`);
    expect(longest).toBeLessThan(3000);
    await screenshot(page, 'long-article-1400', { fullPage: false });
  }, 90_000);

  it('shows an article retention let go: its record and a word on why, no text and no error', async () => {
    const posted = await call('POST', '/articles', { title: 'An old article', text: 'Turkey warned Syria on Friday. Officials in Ankara said more talks would follow.' });
    await eventually(async () => ((await call('GET', posted.body.links.job)).body.state === 'completed' ? true : undefined), 30_000, 200);
    const redis = createRedis(config.redisUrl);
    try {
      // Every article arrived before tomorrow: all are let go.
      expect(await new ArticleStore(redis, config.keyPrefix).expireBefore(new Date(Date.now() + 86_400_000))).toBeGreaterThan(0);
    } finally {
      await redis.quit();
    }
    const { page } = await open(1400, 1000, `#article=${posted.body.articleId}`);
    await page.waitForFunction(() => (document.querySelector('#article-meta')?.textContent ?? '').includes('retention'));
    expect(await page.textContent('#article-title')).toBe('An old article');
    expect(await page.locator('#article-text .chunk').count()).toBe(0);
  }, 60_000);
});
