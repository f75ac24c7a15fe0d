/**
 * The Provisions page in Chromium (skipped with a printed reason where it is absent): reached
 * from a case page and from Results, it renders the provision table, the published findings,
 * and for the scenario the draft term sheet; without the datasets it says which are missing.
 * Screenshots go to test-artifacts/provisions-*.png.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SHARED_DATA } from '../history/sharedData.ts';
import { chromiumMissing } from './browser.ts';
import type { WebServer } from './webServer.ts';
import { openWebUi, type WebUiSession } from './webUiSession.ts';

const artifacts = join(fileURLToPath(new URL('../..', import.meta.url)), 'test-artifacts');
const HAVE = existsSync(join(SHARED_DATA, 'pa-x/pax_all_agreements_v2.csv'));
const missing = chromiumMissing();
if (missing) console.log(`skipping the provisions browser test: ${missing}`);
if (!HAVE)
  console.log(
    `provisions browser test: no PA-X under ${SHARED_DATA}; checking the missing-data message`,
  );

describe.skipIf(missing !== undefined)('Provisions page in Chromium', () => {
  let ui: WebUiSession | undefined;
  let server: WebServer;
  let page: Page;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    process.env.PARLEY_DATA = SHARED_DATA;
    ui = await openWebUi();
    ({ server, page, pageErrors } = ui);
  }, 180_000);

  afterAll(async () => {
    delete process.env.PARLEY_DATA;
    await ui?.close();
  });

  it('from a case page: the table, published findings and the case’s own agreements', async () => {
    await page.goto(`${server.url}/#/history/case/bosnia-war-dayton-1995`);
    await page.getByRole('link', { name: 'Provisions of comparable agreements →' }).click();
    await expect
      .poll(() => page.url())
      .toContain('#/history/provisions/case/bosnia-war-dayton-1995');
    await page.getByRole('heading', { name: 'Provisions of comparable agreements' }).waitFor();
    if (HAVE) {
      const table = page.getByRole('table', { name: /^Provision families/ });
      await table.waitFor({ timeout: 30_000 });
      expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(10);
      expect(await table.locator('th[scope=row]').first().textContent()).toBeTruthy();
      await page.getByText('Hartzell, C. & Hoddie, M. (2003)', { exact: false }).first().waitFor();
      await page
        .getByRole('link', { name: /General Framework Agreement for Peace in Bosnia/ })
        .waitFor();
      await page.getByText(/Association, not effect/).waitFor();
    } else
      await page
        .getByRole('alert')
        .filter({ hasText: /dataset pax/ })
        .waitFor();
    await page.screenshot({ path: join(artifacts, 'provisions-case.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('from Results: the scenario’s draft term sheet, labelled as a starting point', async () => {
    await page.goto(`${server.url}/#/results/russia-ukraine-2024`);
    await page
      .getByRole('link', { name: /Provisions of comparable agreements and a draft term sheet/ })
      .click();
    await expect
      .poll(() => page.url())
      .toContain('#/history/provisions/scenario/russia-ukraine-2024');
    if (HAVE) {
      await page.getByRole('heading', { name: 'Draft term sheet' }).waitFor({ timeout: 60_000 });
      await page
        .getByText('a starting point for drafting, not advice', { exact: false })
        .first()
        .waitFor();
      await page.getByText(/Division of the contested territory/).waitFor();
    } else
      await page
        .getByRole('alert')
        .filter({ hasText: /dataset pax/ })
        .waitFor();
    await page.screenshot({ path: join(artifacts, 'provisions-scenario.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('fits a tablet width (820 px) without sideways scrolling', async () => {
    await page.setViewportSize({ width: 820, height: 1100 });
    await page.goto(`${server.url}/#/history/provisions/case/bosnia-war-dayton-1995`);
    await page
      .locator(HAVE ? 'table.provisions-table' : '[role=alert]')
      .first()
      .waitFor();
    if (HAVE) {
      // open the second table too
      await page.getByText('The agreement itself ended within 5 years').click();
      await page.getByRole('columnheader', { name: 'Ended, with' }).waitFor();
    }
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      820,
    );
    await page.screenshot({ path: join(artifacts, 'provisions-820.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
