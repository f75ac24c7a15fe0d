/**
 * The History explorer in a real browser (Debian's Chromium through playwright-core; skipped
 * with a printed reason where it is absent): the built UI served by the real app over a temp
 * SQLite store seeded like `parley serve`. Filters the timeline, opens a case and checks its
 * sources are links, shows the analogues of the Russia–Ukraine scenario and the insights digest,
 * fits a tablet width, and exports a run report to PDF from the page. Screenshots go to
 * test-artifacts/history-*.png.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by expect */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { seedStore } from '../../src/server/seed.ts';
import { HistoryService } from '../../src/server/services/history.ts';
import { closePools } from '../../src/jobs/localPool.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../src/report/pdf.ts';
import { openSqliteStore, type Store } from '../../src/store/index.ts';

const ARTIFACTS = join(import.meta.dirname, '../../test-artifacts');
const chromium = existsSync(CHROMIUM_PATH);
if (!chromium) console.log(`history.e2e: skipped: no Chromium at ${CHROMIUM_PATH}`);

let dir: string;
let store: Store;
let app: FastifyInstance;
let url: string;
let token: string;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const api = async (path: string): Promise<any> => (await fetch(url + path)).json();
const shot = (name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `history-${name}.png`), fullPage: true });
/** An attribute of every element a selector matches, in document order. */
const attributes = async (selector: string, name: string) =>
  Promise.all((await page.locator(selector).all()).map((l) => l.getAttribute(name)));
/** The explorer's live count line, once it shows a number. */
const countLine = () => page.getByRole('status').filter({ hasText: /^\d+ wars?/ });

beforeAll(async () => {
  if (!chromium) return;
  mkdirSync(ARTIFACTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'parley-history-e2e-'));
  // the real app's build, into a folder of this test's own (the server reads PARLEY_WEB_DIST)
  execFileSync(
    join(import.meta.dirname, '../../node_modules/.bin/vite'),
    [
      'build',
      '--config',
      'web/vite.config.ts',
      '--outDir',
      join(dir, 'dist'),
      '--logLevel',
      'warn',
    ],
    { cwd: join(import.meta.dirname, '../..'), stdio: 'inherit' },
  );
  process.env.PARLEY_WEB_DIST = join(dir, 'dist');
  store = await openSqliteStore(join(dir, 'parley.db'));
  const history = HistoryService.load();
  await seedStore(store, history);
  token = (await store.createToken('e2e')).token;
  app = await buildApp({ store, history, config: { rateLimit: false, threads: 1 } });
  url = await app.listen({ port: 0, host: '127.0.0.1' });
  const { chromium: pw } = await import('playwright-core');
  browser = await pw.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  // failed requests are named by their URL (the browser's console line does not say which);
  // the favicon Chromium asks for on its own is not the app's
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico'))
      pageErrors.push(`${r.status()} ${r.url()}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
      pageErrors.push(m.text());
  });
}, 60_000);

/** Clean-up that may not hang the suite: a step that outlasts its bound is reported and skipped. */
const bounded = (what: string, p: Promise<unknown> | undefined, ms = 15_000) =>
  Promise.race([
    p,
    new Promise((done) =>
      setTimeout(() => {
        console.warn(`afterAll: ${what} did not finish in ${ms} ms; going on`);
        done(undefined);
      }, ms).unref(),
    ),
  ]);

afterAll(async () => {
  await bounded('browser.close', browser?.close());
  app?.server.closeAllConnections(); // keep-alive or event-stream connections must not hold close()
  await bounded('app.close', app?.close());
  await bounded('store.close', store?.close());
  await bounded('closePools', closePools());
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 90_000);

describe.skipIf(!chromium)('History explorer in Chromium', () => {
  it('shows every case on the timeline and filters them', async () => {
    const all = await api('/cases');
    await page.goto(`${url}/#/history`);
    await expect.poll(() => countLine().textContent()).toMatch(/wars in the case base/);
    expect(await page.locator('table.history-cases tbody tr').count()).toBe(all.total);
    expect(await page.locator('.history-timeline svg a[data-case] rect').count()).toBe(all.total);
    // every filter is a labelled control
    for (const label of ['Type', 'Era', 'Mediation', 'Channel', 'Outcome'])
      await expect(page.getByLabel(label, { exact: true }).count()).resolves.toBe(1);

    const mediated = await api('/cases?mediation=yes');
    await page.getByLabel('Mediation', { exact: true }).selectOption('yes');
    await expect
      .poll(() => countLine().textContent())
      .toBe(`${mediated.total} wars match these filters`);
    expect(await page.locator('table.history-cases tbody tr').count()).toBe(mediated.total);

    // era is the start year: every remaining war began in 1990 or later
    await page.getByLabel('Era', { exact: true }).selectOption('1990-');
    const recent = mediated.cases.filter((c: any) => Number(c.start.slice(0, 4)) >= 1990);
    await expect
      .poll(() => countLine().textContent())
      .toBe(`${recent.length} wars match these filters`);
    const bars = await attributes('.history-timeline svg a[data-case]', 'data-case');
    expect(bars.sort()).toEqual(recent.map((c: { id: string }) => c.id).sort());
    await shot('explorer-filtered');

    // keyboard: Tab from the Clear button lands on the first case link of the list
    await page.getByRole('button', { name: 'Clear filters' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => countLine().textContent()).toMatch(/wars in the case base/);
    await page.getByLabel('Channel', { exact: true }).selectOption('back-channel');
    const back = await api('/cases?channel=back-channel');
    await expect
      .poll(() => countLine().textContent())
      .toBe(`${back.total} wars match these filters`);
    await shot('explorer');
  });

  it('opens a case with its negotiation timeline and its sources as links', async () => {
    const korea = await api('/cases/korean-war-1950');
    await page.getByRole('link', { name: 'Korean War', exact: true }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 2 }).first().textContent())
      .toBe('Korean War');
    expect(page.url()).toContain('#/history/case/korean-war-1950');
    const sources = page.locator('.history-sources a');
    expect(await sources.count()).toBe(korea.sources.length);
    expect(await attributes('.history-sources a', 'href')).toEqual(
      korea.sources.map((s: { url: string }) => s.url),
    );
    expect(await page.locator('ol.history-events > li').count()).toBe(korea.timeline.length);
    await expect(page.locator('ol.history-events').textContent()).resolves.toContain('Armistice');
    await expect(page.locator('.history-numbers').first().textContent()).resolves.toMatch(
      /Battle deaths/,
    );
    await shot('case');
    // back to the explorer: the filter is remembered
    await page.getByRole('link', { name: '← All cases' }).click();
    await expect.poll(() => countLine().textContent()).toMatch(/match these filters/);
  });

  it('lists the analogues of the Russia–Ukraine scenario with their distances', async () => {
    const want = await api('/analogues?scenarioId=russia-ukraine-2024&top=8');
    await page.goto(`${url}/#/history/analogues`);
    await page.getByLabel('Analogues of the scenario').selectOption('russia-ukraine-2024');
    const items = page.locator('ol.history-analogues > li');
    await expect.poll(() => items.count()).toBe(want.analogues.length);
    const first = want.analogues[0];
    await expect(items.first().textContent()).resolves.toContain(
      `distance ${first.distance.toFixed(2)}`,
    );
    await expect(items.first().getByRole('link').getAttribute('href')).resolves.toBe(
      `#/history/case/${first.caseId}`,
    );
    await shot('analogues');
  });

  it('shows the insights digest with estimates, intervals, n and case links', async () => {
    const want = await api('/insights');
    await page.getByRole('link', { name: 'Insights', exact: true }).click();
    const cards = page.locator('article.history-insight');
    await expect.poll(() => cards.count()).toBe(want.insights.length);
    const first = want.insights[0];
    const card = page.locator(`article[data-insight="${first.id}"]`);
    await expect(card.textContent()).resolves.toContain(
      `n = ${first.numerator} of ${first.denominator}`,
    );
    await expect(card.textContent()).resolves.toMatch(/95% (Wilson|bootstrap) interval/);
    await card.locator('summary').click();
    expect(await card.locator('details a').count()).toBe(first.caseIds.length);
    await shot('insights');
    await card.locator('details a').first().click();
    await expect.poll(() => page.url()).toContain(`#/history/case/${first.caseIds[0]}`);
  });

  it('fits a tablet width (820 px) without sideways scrolling', async () => {
    await page.setViewportSize({ width: 820, height: 1100 });
    await page.goto(`${url}/#/history`);
    await expect.poll(() => countLine().textContent()).toMatch(/wars/);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      820,
    );
    await shot('explorer-820');
    await page.goto(`${url}/#/history/case/bosnia-war-dayton-1995`);
    await expect.poll(() => page.locator('.history-sources a').count()).toBeGreaterThan(1);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      820,
    );
    await shot('case-820');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('runs a scenario on the server and exports its report as PDF', async () => {
    // the session token arrives in the fragment, as in the address `parley serve` prints
    // a fresh load (not a hash change), as when the user opens that address
    await page.goto('about:blank');
    await page.goto(`${url}/#token=${token}&/history/export`);
    await page.getByLabel('Scenario', { exact: true }).selectOption('bosnia-1995');
    await page.getByRole('button', { name: /Run on the server/ }).click();
    const pdfButton = page.getByRole('button', { name: 'PDF report' });
    await expect.poll(() => pdfButton.count(), { timeout: 30_000 }).toBe(1);
    const html = page.getByRole('link', { name: /HTML report/ });
    const report = await fetch(url + (await html.getAttribute('href')));
    expect(report.headers.get('content-type')).toContain('text/html');
    const [download] = await Promise.all([page.waitForEvent('download'), pdfButton.click()]);
    const pdf = readFileSync(await download.path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
    expect(download.suggestedFilename()).toMatch(/^parley-bosnia-1995-.*\.pdf$/);
    await shot('export');
    expect(pageErrors).toEqual([]);
  });
});
