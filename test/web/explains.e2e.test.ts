/**
 * Issue 19 in Debian's Chromium: the web UI explains itself. A what-if lists the edits its levers
 * make, draws the scenario as written beside it, explains itself in the why-panel, keeps its
 * levers in the address across a reload and can be saved as a variant that Compare then offers;
 * every variant in Compare lists its edits, and a harmful variant is marked as a harm.
 * Screenshots go to test-artifacts/.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR } from '../../src/data/datasets.ts';
import { INSIGHTS } from '../../src/history/insights/index.ts';
import { chromiumMissing } from './browser.ts';
import type { WebServer } from './webServer.ts';
import { openWebUi, type WebUiSession } from './webUiSession.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const artifacts = join(repo, 'test-artifacts');
const RU = 'russia-ukraine-2024';

const missing = chromiumMissing();
if (missing) console.log(`skipping the issue-19 browser test: ${missing}`);

describe.skipIf(missing !== undefined)('the web UI explains itself (Chromium)', () => {
  let ui: WebUiSession | undefined;
  let server: WebServer;
  let page: Page;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    ui = await openWebUi();
    ({ server, page, pageErrors } = ui);
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/.test(m.text())) pageErrors.push(m.text());
    });
    await page.goto(`${server.url}/#token=${server.token}`);
    await page.locator(`tr[data-scenario="${RU}"]`).waitFor();
  }, 240_000);

  afterAll(async () => {
    await ui?.close();
  });

  it('a what-if from the address lists its edits, survives a reload and draws the baseline beside it', async () => {
    // only the Holy See mediates, and US aid to Ukraine wanes three times as fast
    await page.goto(`${server.url}/#/whatif/${RU}/only=1&waning=3`);
    const edits = page.locator('[data-testid="whatif-edits"]');
    await edits.locator('li').first().waitFor({ timeout: 30_000 });
    const lines = async () => (await edits.locator('li').allTextContents()).map((t) => t.trim());
    const listed = await lines();
    expect(listed).toContain('parties.turkey.mediation.offerMonth: 1 → null');
    expect(listed).toContain('parties.china.mediation.offerMonth: 3 → null');
    expect(
      listed.some((l) => /^interventions\.\d+: \{ kind: mediator-entry.*switzerland/.test(l)),
    ).toBe(true);
    expect(listed).toContain('parties.ukraine.support.united-states.waningRate: 0.02 → 0.06');
    // nothing else: the Holy See itself is untouched
    expect(listed.filter((l) => l.startsWith('parties.holy-see'))).toEqual([]);
    expect(await page.locator('#lever-only').isChecked()).toBe(true);
    expect(await page.locator('#lever-waning + output').textContent()).toBe(
      "×3 the scenario's rate",
    );

    await page.reload();
    await edits.locator('li').first().waitFor({ timeout: 30_000 });
    expect(await lines()).toEqual(listed);
    expect(page.url()).toContain('only=1');

    // a lever moved writes the address
    await page.locator('#lever-confidential').uncheck();
    await expect.poll(() => page.url()).toContain('confidential=0');
    expect(await lines()).toContain('parties.holy-see.mediation.confidential: true → false');

    // the scenario as written beside the what-if
    await page.locator('.chart[data-chart="whatif-baseline"] svg').waitFor({ timeout: 30_000 });
    await page.locator('.chart[data-chart="whatif-outcomes"] canvas').waitFor();
    await page.screenshot({ path: join(artifacts, 'web-whatif-edits.png'), fullPage: true });
  });

  it('the why-panel explains the what-if', async () => {
    await page.getByRole('button', { name: /^Why\?/ }).click();
    const why = page.locator('[data-testid="whatif-why"]');
    await why.locator('.why-party').first().waitFor({ timeout: 60_000 });
    expect(await why.locator('.why-party').count()).toBe(2);
    expect(await why.locator('h2').textContent()).toMatch(/month 0/);
  });

  it('save as variant: the what-if appears in Compare with its edits', async () => {
    await page.locator('#variant-name').fill('Holy See alone, in public, aid waning fast');
    await page.getByRole('button', { name: 'Save as variant' }).click();
    await expect
      .poll(() => page.locator('[data-testid="variant-saved"]').textContent())
      .toMatch(/Saved as variant "holy-see-alone-in-public-aid-waning-fast"/);
    await page.getByRole('link', { name: 'Compare' }).click();
    const box = page.locator('#variant-holy-see-alone-in-public-aid-waning-fast');
    await box.waitFor();
    const saved = page.locator('details[data-edits="holy-see-alone-in-public-aid-waning-fast"]');
    await saved.locator('summary').click();
    expect(await saved.locator('li').allTextContents()).toContain(
      'parties.holy-see.mediation.confidential: true → false',
    );
    // a bundled variant lists its edits too: the Holy-See-only variant keeps the Swiss money
    const early = page.locator('details[data-edits="early-neutral-mediation"]');
    await early.locator('summary').click();
    const earlyLines = await early.locator('li').allTextContents();
    expect(
      earlyLines.some((l) => /incentive-offer, month: 4, from: switzerland, to: ukraine/.test(l)),
    ).toBe(true);
    expect(earlyLines.some((l) => l.startsWith('parties.holy-see'))).toBe(false);
  });

  it('glossary: a page of every term, linked from the terms on Results, What-if and Compare', async () => {
    const missingTerms = () => page.locator('[data-missing-term]').count();
    // Compare (open now) links its terms
    expect(await page.locator('a.term[data-term="baseline"]').count()).toBeGreaterThan(0);
    expect(await missingTerms()).toBe(0);
    await page.getByRole('link', { name: 'Results' }).click();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.locator('.chart-terms a.term[data-term="cost-of-conversation"]').waitFor({
      timeout: 60_000,
    });
    for (const t of ['talks-opened', 'terms', 'ripeness', 'belief-gap', 'posture', 'contact'])
      expect(await page.locator(`a.term[data-term="${t}"]`).count(), t).toBeGreaterThan(0);
    expect(await missingTerms()).toBe(0);
    // the why-panel says "no obstacle to talking" for a posture, never "open to talks"
    const why = (await page.locator('.why').textContent()) ?? '';
    expect(why).toMatch(/no obstacle to talking in \d+% of runs/);
    expect(why).not.toMatch(/open to talks/);
    // a term leads to its entry, with the same text as docs/glossary.md
    await page.locator('.chart-terms a.term[data-term="cost-of-conversation"]').first().click();
    const entry = page.locator('[data-entry="cost-of-conversation"]');
    await entry.waitFor();
    expect(await entry.getAttribute('class')).toContain('focused');
    expect(await entry.textContent()).toMatch(/Unit: share of the stake/);
    for (const id of [
      'stake',
      'share-of-the-stake',
      'belief-gap',
      'ripeness',
      'posture',
      'channel',
    ])
      expect(await page.locator(`[data-entry="${id}"]`).count(), id).toBe(1);
    await page.screenshot({ path: join(artifacts, 'web-glossary.png') });
    await page.getByRole('link', { name: 'Compare' }).click();
  });

  it('compare: a harmful variant is marked as a harm, never as a gain', async () => {
    // US aid waning faster: a clear harm for Ukraine's terms (test/analysis/compare.test.ts)
    for (const v of await page.locator('.variant-choice input[type="checkbox"]').all())
      if (await v.isChecked()) await v.uncheck();
    for (const id of ['us-aid-wanes-faster', 'us-aid-steady', 'reconstruction-on-talks'])
      await page.locator(`#variant-${id}`).check();
    await page.getByLabel('Runs each').selectOption('500');
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    const table = page.locator('table.ranking[data-goal="termsB"]');
    await table.waitFor({ timeout: 120_000 });
    const row = table.locator('tr[data-variant="us-aid-wanes-faster"]');
    const gain = Number.parseFloat((await row.locator('td.num').textContent())!.replace('−', '-'));
    expect(gain).toBeLessThan(0);
    const mark = row.locator('td').last();
    expect(await mark.getAttribute('class')).toBe('verdict-harm');
    expect(await mark.textContent()).toBe('✗');
    expect(await mark.getAttribute('aria-label')).toMatch(/clear harm/);
    // and anywhere a harm is marked, its change is on the worse side
    for (const harm of await page.locator('table.ranking tr:has(td.verdict-harm)').all())
      expect(await harm.locator('td.num').textContent()).toMatch(/^−/);
    await page.screenshot({ path: join(artifacts, 'web-compare-harm.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('editor: CodeMirror with line numbers, inline diagnostics, schema completion; drafts survive a reload, leaving warns', async () => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.type());
      void d.accept();
    });
    await page.getByRole('link', { name: 'Editor' }).click();
    await page.getByRole('tab', { name: 'YAML' }).click();
    const editor = page.locator('[data-testid="yaml-editor"] .cm-editor');
    await editor.waitFor();
    expect(await editor.locator('.cm-lineNumbers .cm-gutterElement').count()).toBeGreaterThan(10);
    const content = editor.locator('.cm-content');
    await content.click();
    await page.keyboard.press('Control+Home');
    // completion from the JSON Schema at the top level
    await page.keyboard.type('sett');
    await page.keyboard.press('Control+Space');
    const option = page.locator('.cm-tooltip-autocomplete li', { hasText: 'settings' });
    await option.first().waitFor();
    await page.keyboard.press('Escape');
    for (let k = 0; k < 4; k++) await page.keyboard.press('Backspace');
    // a key the schema does not know, on line 1: marked there, and Results says it shows the last valid version
    await page.keyboard.type('runz: 5\n');
    await page.locator('.validation .issue-groups li').first().waitFor();
    expect(await page.locator('.validation .issue-groups li').first().textContent()).toMatch(
      /line 1, column 1/,
    );
    const range = editor.locator('.cm-line').first().locator('.cm-lintRange-error');
    await range.waitFor();
    expect(await range.textContent()).toBe('runz');
    await editor.locator('.cm-lint-marker-error').first().waitFor();
    for (const li of await page.locator('.validation .issue-groups li').all())
      expect(await li.locator('.message').count()).toBeLessThanOrEqual(3);
    await page.screenshot({ path: join(artifacts, 'web-editor-codemirror.png') });
    await page.getByRole('link', { name: 'Results' }).click();
    await page.locator('[data-testid="stale-draft"]').waitFor();
    expect(await page.locator('[data-testid="stale-draft"]').textContent()).toMatch(
      /last valid version/,
    );
    // a reload keeps the draft (and asks first: the draft is not saved on the server)
    await page.reload();
    await page.locator('[data-testid="stale-draft"]').waitFor({ timeout: 30_000 });
    expect(dialogs).toContain('beforeunload');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Editor' })
      .click();
    await page.getByRole('tab', { name: 'YAML' }).click();
    await editor.locator('.cm-line').first().waitFor();
    expect(await editor.locator('.cm-line').first().textContent()).toBe('runz: 5');
    expect(await page.locator('.scenario-name em').textContent()).toMatch(/edited, not saved/);
  });

  it('results: export the report of the scenario as edited, HTML and PDF, from the page', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Results' })
      .click();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const box = page.locator('[data-testid="export-report"]');
    await box.waitFor({ timeout: 60_000 });
    const [html] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      box.getByRole('button', { name: 'Export HTML' }).click(),
    ]);
    const text = readFileSync(await html.path(), 'utf8');
    expect(text).toContain('Scenario russia-ukraine-2024 as edited (not saved)');
    expect(text).not.toMatch(/Scenario scenario/i);
    expect(html.suggestedFilename()).toBe('parley-russia-ukraine-2024.html');
    const [pdf] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      box.getByRole('button', { name: 'Export PDF' }).click(),
    ]);
    expect(
      readFileSync(await pdf.path())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
    await page.screenshot({ path: join(artifacts, 'web-results-export.png') });
  });

  it('charts: hover values; PNG, SVG and CSV downloads; colour-blind-safe colours', async () => {
    // Results of the last test are on the page
    const terms = page.locator('.chart[data-chart="terms"]');
    await terms.locator('svg').waitFor({ timeout: 30_000 });
    const bar = terms.locator('svg g.mark-rect path').nth(12);
    await bar.hover();
    const tip = page.locator('#vg-tooltip-element');
    await expect.poll(() => tip.textContent(), { timeout: 10_000 }).toMatch(/settlements/);
    const frame = page.locator('.chart-frame', { has: terms });
    const file = async (name: string) => {
      const [d] = await Promise.all([
        page.waitForEvent('download'),
        frame.getByRole('button', { name, exact: true }).click(),
      ]);
      return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
    };
    const png = await file('PNG');
    expect(png.name).toBe('parley-terms.png');
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    const svg = await file('SVG');
    expect(svg.bytes.toString('utf8')).toMatch(/<svg[^>]*>/);
    const csv = (await file('CSV')).bytes.toString('utf8').trim().split('\n');
    expect(csv[0]).toBe('from,to,settlements,share');
    expect(csv).toHaveLength(21);
    // the outcome chart draws with the Okabe–Ito colours, no red-green pair
    const fills: string[] = [];
    for (const path of await page
      .locator('.chart[data-chart="cumulative-incidence"] svg g.mark-line path')
      .all())
      fills.push(((await path.getAttribute('stroke')) ?? '').toLowerCase());
    expect(fills).toEqual(expect.arrayContaining(['#0072b2', '#009e73']));
    expect(fills).not.toContain('#54a24b');
    await page.screenshot({ path: join(artifacts, 'web-charts-tooltip.png') });
    expect(pageErrors).toEqual([]);
  });

  it.skipIf(!existsSync(DEFAULT_DATA_DIR))(
    'insights: served with the default data folder, every finding and no dataset missing',
    async () => {
      await page.goto(`${server.url}/#/history/insights`);
      await page.locator('[data-testid="insights-complete"]').waitFor({ timeout: 60_000 });
      expect(await page.locator('[data-testid="insights-missing"]').count()).toBe(0);
      const shown = await page.locator('article.history-insight').count();
      const needing = INSIGHTS.filter((q) => q.needs.length > 0).map((q) => q.id);
      for (const id of needing)
        expect(await page.locator(`article[data-insight="${id}"]`).count(), id).toBe(1);
      expect(shown).toBeGreaterThan(needing.length);
      await page.screenshot({ path: join(artifacts, 'web-insights-complete.png') });
    },
  );
});
