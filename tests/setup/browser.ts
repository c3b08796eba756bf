// Browser tests drive Debian's Chromium (/usr/bin/chromium, the `chromium` package) with
// playwright-core, which brings no browser of its own. Where Chromium is absent they skip,
// saying so; under .ci/run (STANCE_REQUIRE_BROWSER=1) a missing browser fails the suite instead,
// so CI never passes by skipping. Screenshots go to test-artifacts/screenshots/ (git-ignored).
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

export const CHROMIUM = process.env.STANCE_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS_DIR = path.resolve(__dirname, '../../test-artifacts/screenshots');

/** describe() when Chromium is installed, describe.skip() (after saying why) when not. */
export function describeWithBrowser(name: string, body: () => void): void {
  if (fs.existsSync(CHROMIUM)) return describe(name, body);
  if (process.env.STANCE_REQUIRE_BROWSER) {
    throw new Error(`${CHROMIUM} is missing, and STANCE_REQUIRE_BROWSER says the browser tests must run (apt-get install chromium)`);
  }
  console.warn(`Skipped: the browser tests need Chromium at ${CHROMIUM} (Debian: sudo apt-get install -y chromium).`);
  describe.skip(`${name} (needs ${CHROMIUM})`, body);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // Playwright adds its own headless flags; these are Debian's Chromium's in a container.
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export interface WatchedPage {
  page: Page;
  /** Console errors, uncaught exceptions and failed requests seen so far. */
  problems: string[];
  close(): Promise<void>;
}

/** A page in a context of its own, whose console errors and page errors are collected. */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<WatchedPage> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
  return { page, problems, close: () => context.close() };
}

/** Saves a full-page screenshot as test-artifacts/screenshots/<name>.png; returns its path. */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean; file?: string } = {}): Promise<string> {
  const file = options.file ?? path.join(SCREENSHOTS_DIR, `${name}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: options.fullPage ?? true });
  return file;
}

/** How far the page scrolls sideways: 0 when nothing is wider than the window. */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate('document.documentElement.scrollWidth - window.innerWidth') as Promise<number>;
}
