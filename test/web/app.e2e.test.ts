/**
 * The web UI end to end in Debian's Chromium: build the UI, start the real server (SQLite, seeded
 * as `parley serve` seeds it), then open the Russia–Ukraine scenario, run it, check the charts and
 * numbers (the browser's engine must give the Node engine's numbers), move the mediation slider
 * and watch the what-if numbers change while measuring input→chart latency, enter an invalid value
 * in the editor and get the CLI's message, and rank variants in the compare view.
 * Screenshots and the latency figures go to test-artifacts/.
 */
import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/index.ts';
import { parseScenarioText } from '../../src/model/index.ts';
import { applyLevers, leversOf } from '../../web/src/whatif/levers.ts';
import { RUN_CHARTS } from '../../src/report/charts/runCharts.ts';
import { chromiumMissing, launchChromium } from './browser.ts';
import { buildWebUi, startWebServer, type WebServer } from './webServer.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const artifacts = join(repo, 'test-artifacts');
const RU = 'russia-ukraine-2024';
const RU_FILE = join(repo, 'data/scenarios/russia-ukraine-2024.yaml');

const missing = chromiumMissing();
if (missing) console.log(`skipping the web UI browser test: ${missing}`);

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  const h = (s.length - 1) * q;
  const lo = Math.floor(h);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (h - lo);
};
const pct = (x: number) => `${Math.round(100 * x)}%`;

/**
 * A what-if answer with the levers as written is the Node engine's outcomes-only run of the same
 * scenario to the last field (the panel asks for no diagnostics), and every number it can show
 * (outcomes, talks, duration, terms, durability) is that of a full `parley run`.
 */
function expectNodeWhatIf(browser: unknown): void {
  const parsed = parseScenarioText(readFileSync(RU_FILE, 'utf8'));
  if (!parsed.ok) throw new Error('bundled scenario invalid');
  const edited = applyLevers(parsed.value, leversOf(parsed.value));
  if (!edited.ok) throw new Error('levers as written invalid');
  const scenario = { ...edited.value, settings: { ...edited.value.settings, runs: 2000 } };
  const plain = (x: unknown) => JSON.parse(JSON.stringify(x)) as Record<string, unknown>;
  const lean = plain(runScenario(scenario, { diagnostics: false }));
  expect(browser).toEqual(lean);
  const full = plain(runScenario(scenario));
  const shown = (r: Record<string, unknown>) => {
    const { meta: _m, diagnostics: _d, explanation: _e, fans: _f, ...numbers } = r;
    return numbers;
  };
  expect(Object.keys(shown(full))).toEqual(
    expect.arrayContaining(['outcomes', 'talks', 'duration', 'terms', 'durability']),
  );
  expect(shown(browser as Record<string, unknown>)).toEqual(shown(full));
}

describe.skipIf(missing !== undefined)('web UI in Chromium', () => {
  let dist: string;
  let server: WebServer;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    dist = mkdtempSync(join(tmpdir(), 'parley-web-dist-'));
    buildWebUi(dist);
    const files = readdirSync(join(dist, 'assets'));
    const sizes = Object.fromEntries(files.map((f) => [f, statSync(join(dist, 'assets', f)).size]));
    const total = Object.values(sizes).reduce((a, b) => a + b, 0);
    console.log(`web UI bundle: ${(total / 1024).toFixed(0)} kB in ${files.length} files`, sizes);
    writeFileSync(
      join(artifacts, 'web-bundle.json'),
      JSON.stringify({ totalBytes: total, files: sizes }, null, 2),
    );
    server = await startWebServer(dist);
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    // the UI must work under its Content-Security-Policy: Chromium reports every refusal here
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/.test(m.text())) pageErrors.push(m.text());
    });
    // every what-if answer the page reports (input → chart), in order, without its result; the
    // result of the latest full answer is kept apart (copied out only when a test asks for it)
    await page.addInitScript(
      'window.__whatif = []; addEventListener("parley:whatif", (e) => { const { result, ...d } = e.detail; window.__whatif.push(d); if (d.final) window.__whatifResult = result; });',
    );
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  it('serves the UI at / and keeps the API routes', async () => {
    const home = await fetch(`${server.url}/`);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toMatch(/text\/html/);
    const api = await fetch(`${server.url}/scenarios/${RU}`);
    expect(api.status).toBe(200);
    const missingRoute = await fetch(`${server.url}/no-such-page`);
    expect(missingRoute.status).toBe(404);
    expect(((await missingRoute.json()) as { issues: { code: string }[] }).issues[0].code).toBe(
      'not_found',
    );
  });

  it('serves the UI cross-origin isolated (the what-if workers share a counter)', async () => {
    const html = await (await fetch(`${server.url}/`)).text();
    const script = /src="\.?\/?(assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script, html).toBeDefined();
    const workers = readdirSync(join(dist, 'assets')).filter((f) => /worker.*\.js$/.test(f));
    expect(workers.length).toBeGreaterThan(0);
    for (const path of ['/', `/${script}`, ...workers.map((f) => `/assets/${f}`)]) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cross-origin-opener-policy'), path).toBe('same-origin');
      expect(res.headers.get('cross-origin-embedder-policy'), path).toBe('require-corp');
    }
  });

  it('opens the Russia–Ukraine scenario from the library and runs it in the browser', async () => {
    await page.goto(`${server.url}/#token=${server.token}`);
    await page.locator(`tr[data-scenario="${RU}"]`).waitFor();
    // so SharedArrayBuffer is there and runs are split by claiming (web/src/engine/client.ts)
    expect(await page.evaluate('crossOriginIsolated')).toBe(true);
    // the token moved from the address bar into the session
    expect(page.url()).not.toContain('token=');
    await expect.poll(() => page.locator('.access').textContent()).toBe('Saving on');
    await page.screenshot({ path: join(artifacts, 'web-library.png'), fullPage: true });

    await page.locator(`tr[data-scenario="${RU}"] button`, { hasText: 'Open' }).click();
    await page.getByRole('button', { name: 'Run' }).click();
    await page
      .locator('.chart[data-chart="cumulative-incidence"] svg .mark-line path')
      .first()
      .waitFor({ timeout: 30_000 });

    // same engine, same seed: the browser's numbers are the Node engine's
    const parsed = parseScenarioText(readFileSync(RU_FILE, 'utf8'));
    if (!parsed.ok) throw new Error('bundled scenario invalid');
    const node = runScenario(parsed.value);
    const talks12 = await page.locator('.headline [data-key="talks12"] dd').textContent();
    expect(talks12).toBe(pct(node.talks.any[11]));
    const settled24 = await page.locator('.headline [data-key="settlement24"] dd').textContent();
    expect(settled24).toBe(pct(node.outcomes.settlement[23]));

    // every chart drew marks from data
    for (const { id } of RUN_CHARTS) {
      const marks = page.locator(
        `.chart[data-chart="${id}"] svg g.mark-line path, .chart[data-chart="${id}"] svg g.mark-rect path, .chart[data-chart="${id}"] svg g.mark-area path`,
      );
      await marks.first().waitFor();
      expect(await marks.count(), id).toBeGreaterThan(0);
    }
    // the why-panel speaks for both leaders with numbers
    const why = await page.locator('.why').textContent();
    expect(why).toMatch(/Russian Federation at month 0: no obstacle to talking in \d+% of runs/);
    expect(why).toMatch(/Ukraine at month 0: no obstacle to talking in \d+% of runs/);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(artifacts, 'web-results.png'), fullPage: true });
  });

  it('what-if: the mediation slider changes the numbers; input→chart latency measured', async () => {
    await page.getByRole('link', { name: 'What-if' }).click();
    const out = page.locator('[data-testid="whatif-output"]');
    await expect
      .poll(() => out.getAttribute('data-final-latency-ms'), { timeout: 30_000 })
      .not.toBeNull();
    const cell = (key: string, col: number) =>
      page.locator(`.whatif-numbers tr[data-key="${key}"] td`).nth(col);
    await expect.poll(() => cell('mediated24', 0).textContent()).toMatch(/%$/);
    const whatIfColumn = () => page.locator('.whatif-numbers td.value').allTextContents();
    const before = await whatIfColumn();
    const mediated = async () => Number.parseInt((await cell('mediated24', 1).textContent())!, 10);
    const mediatedBefore = await mediated();
    expect(`${mediatedBefore}%`).toBe(await cell('mediated24', 0).textContent());
    // the first full what-if answer (levers as written), split across the workers by claiming
    // runs from a shared counter, is the Node engine's result
    expectNodeWhatIf(await page.evaluate('window.__whatifResult'));

    type Report = { seq: number; final: boolean; ms: number; workerMs: number; renderMs: number };
    const reports = () => page.evaluate<Report[]>('window.__whatif');
    const lastSeq = async () => Math.max(0, ...(await reports()).map((r) => r.seq));
    const slider = page.locator('#lever-month');
    await slider.focus();
    /** One step of the slider; resolves with its first answer on the chart, or its full one. */
    const move = async (full: boolean): Promise<Report> => {
      const seq = (await lastSeq()) + 1;
      await page.keyboard.press('ArrowRight');
      const answer = async () => (await reports()).find((r) => r.seq === seq && (!full || r.final));
      await expect.poll(async () => (await answer())?.ms, { timeout: 20_000 }).toBeDefined();
      return (await answer())!;
    };
    // the first move right after the page opened, reported on its own: the page's own start
    // (charts, the lazy chart library) still competes with the workers for the two cores
    const afterOpen = await move(true);
    // then a second's pause, as a reader looks at the panel, before the measured moves
    await page.waitForTimeout(1000);
    // ≥ 20 moves by keyboard, each waiting for its first answer on the chart: a quick answer
    // (128 runs) when the move came while the previous answer was still being computed, else
    // the full answer (WhatIfPage.tsx says why)
    const firstAnswers: number[] = [];
    let quickFirst = 0;
    for (let k = 0; k < 20; k++) {
      const first = await move(false);
      firstAnswers.push(first.ms);
      if (!first.final) quickFirst++;
    }
    // and a few moves waiting for the full 2,000-run answer
    const fullAnswers: number[] = [];
    const fullSplit: { workerMs: number; renderMs: number }[] = [];
    for (let k = 0; k < 10; k++) {
      const full = await move(true);
      fullAnswers.push(full.ms);
      fullSplit.push({ workerMs: full.workerMs, renderMs: full.renderMs });
    }
    expect(await page.locator('#lever-month + output').textContent()).toBe('month 31');
    // the numbers moved; the Holy See offering from month 31, not 0, gives no more mediated talks by 24
    expect(await whatIfColumn()).not.toEqual(before);
    expect(await mediated()).toBeLessThanOrEqual(mediatedBefore);

    // moves faster than answers (a drag): the chart follows with quick answers, and the last
    // move's full answer comes after its quick one
    const burstFrom = (await lastSeq()) + 1;
    for (const key of ['ArrowRight', 'ArrowRight', 'ArrowLeft', 'ArrowLeft'])
      await page.keyboard.press(key);
    const burstLast = burstFrom + 3;
    await expect
      .poll(async () => (await reports()).find((r) => r.seq === burstLast && r.final), {
        timeout: 20_000,
      })
      .toBeDefined();
    const lastMove = (await reports()).filter((r) => r.seq === burstLast);
    // a quick answer comes only while the previous full answer is still computing, so whether the
    // last move got one depends on the machine's speed; when it did, it came before the full one
    expect(lastMove.at(-1)?.final).toBe(true);
    expect(lastMove.map((r) => r.final).slice(0, -1)).toEqual(lastMove.length > 1 ? [false] : []);
    expect(await page.locator('#lever-month + output').textContent()).toBe('month 31');

    const summary = (xs: number[]) => ({
      n: xs.length,
      medianMs: Math.round(quantile(xs, 0.5) * 10) / 10,
      p95Ms: Math.round(quantile(xs, 0.95) * 10) / 10,
    });
    const latency = {
      measured:
        'input event on the mediation slider → what-if chart re-rendered with the answer (performance.now() in the page)',
      scenario: RU,
      // other processes share the CPU; the 1-minute load average says how busy it was
      loadAverage1m: Math.round(loadavg()[0] * 10) / 10,
      cores: cpus().length,
      runs: 2000,
      // the first answer of a move is a quick one (128 runs) when the move came while the
      // previous answer was still being computed, else the full one
      firstAnswerRuns: 128,
      // the first move after the page opened, then a 1 s pause before the measured series
      firstMoveAfterOpen: {
        ms: Math.round(afterOpen.ms),
        workerMs: Math.round(afterOpen.workerMs),
        renderMs: Math.round(afterOpen.renderMs),
      },
      firstAnswer: { ...summary(firstAnswers), quick: quickFirst },
      fullAnswer: {
        ...summary(fullAnswers),
        // where the time goes: input → answer out of the workers, and answer → chart drawn
        workerMedianMs: Math.round(
          quantile(
            fullSplit.map((x) => x.workerMs),
            0.5,
          ),
        ),
        renderMedianMs: Math.round(
          quantile(
            fullSplit.map((x) => x.renderMs),
            0.5,
          ),
        ),
      },
      samples: {
        firstAnswer: firstAnswers.map((x) => Math.round(x)),
        fullAnswer: fullAnswers.map((x) => Math.round(x)),
      },
    };
    console.log(
      `what-if latency (load average ${latency.loadAverage1m} on ${latency.cores} cores): first move after the page opened ${latency.firstMoveAfterOpen.ms} ms; then over ${firstAnswers.length} slider moves: first answer (quick, 128 runs, for ${quickFirst}; full for the others) median ${latency.firstAnswer.medianMs} ms, p95 ${latency.firstAnswer.p95Ms} ms; full 2,000 runs (${fullAnswers.length} moves) median ${latency.fullAnswer.medianMs} ms, p95 ${latency.fullAnswer.p95Ms} ms (workers ${latency.fullAnswer.workerMedianMs} ms, drawing ${latency.fullAnswer.renderMedianMs} ms)`,
    );
    writeFileSync(join(artifacts, 'web-latency.json'), JSON.stringify(latency, null, 2));
    await page.screenshot({ path: join(artifacts, 'web-what-if.png'), fullPage: true });
  });

  it('what-if without cross-origin isolation: fixed shares give the same answer', async () => {
    // the isolation headers stripped, as a server that does not send them would serve the UI
    const plain = await browser.context.newPage();
    try {
      await plain.route(`${server.url}/**`, async (route) => {
        const res = await route.fetch();
        const headers = { ...res.headers() };
        delete headers['cross-origin-opener-policy'];
        delete headers['cross-origin-embedder-policy'];
        await route.fulfill({ response: res, headers });
      });
      await plain.addInitScript(
        'addEventListener("parley:whatif", (e) => { if (e.detail.final) window.__whatifResult = e.detail.result; });',
      );
      await plain.goto(`${server.url}/#/whatif/${RU}`);
      expect(await plain.evaluate('crossOriginIsolated')).toBe(false);
      await expect
        .poll(() => plain.evaluate('window.__whatifResult !== undefined'), { timeout: 30_000 })
        .toBe(true);
      expectNodeWhatIf(await plain.evaluate('window.__whatifResult'));
    } finally {
      await plain.close();
    }
  });

  it('editor: an invalid value gets the same message as `parley validate`', async () => {
    // what the CLI says about the same mistake
    const dir = mkdtempSync(join(tmpdir(), 'parley-invalid-'));
    const file = join(dir, 'ru.yaml');
    writeFileSync(
      file,
      readFileSync(RU_FILE, 'utf8').replace('hawkishness: 0.8', 'hawkishness: 1.5'),
    );
    let cli = '';
    try {
      execFileSync(process.execPath, [join(repo, 'bin/parley.js'), 'validate', file], {
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (e) {
      cli =
        String((e as { stderr?: string }).stderr ?? '') +
        String((e as { stdout?: string }).stdout ?? '');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const message = /✖ (too big[^\n]*)/.exec(cli)?.[1];
    const where = /→ at (\S+)/.exec(cli)?.[1];
    expect(message, cli).toBeDefined();

    await page.getByRole('link', { name: 'Editor' }).click();
    await page.locator('details.item summary', { hasText: 'Russian Federation' }).click();
    const input = page.locator('input[data-path="parties.0.leader.hawkishness"]');
    await input.fill('1.5');
    // the CLI's full text sits folded under the grouped messages
    const issues = page.locator('.validation pre.issues');
    await issues.waitFor({ state: 'attached' });
    const text = (await issues.textContent()) ?? '';
    expect(text).toContain(`✖ ${message}`);
    expect(text).toContain(`→ at ${where}`);
    // and beside the field itself
    expect(
      await page
        .locator('.field.invalid .field-error, .uncertain.invalid .field-error')
        .first()
        .textContent(),
    ).toContain(message);
    await input.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, 'web-editor-invalid.png') });
    await input.fill('0.8');
    await page.locator('.validation .ok').waitFor();
  });

  it('compare: variants side by side, ranked by goal', async () => {
    await page.getByRole('link', { name: 'Compare' }).click();
    await page.getByLabel('Runs each').selectOption('200');
    await page.getByRole('button', { name: 'Compare' }).click();
    const table = page.locator('table.ranking[data-goal="talks12"]');
    await table.waitFor({ timeout: 60_000 });
    const gains = (await table.locator('td.num').allTextContents()).map((t) =>
      Number.parseFloat(t.replace('−', '-').replace('±', '')),
    );
    expect(gains.length).toBeGreaterThanOrEqual(8);
    expect(gains).toEqual([...gains].sort((a, b) => b - a));
    await page.locator('.chart[data-chart="compare"] svg g.mark-symbol path').first().waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(artifacts, 'web-compare.png'), fullPage: true });
  });

  it('library: duplicate and delete a saved scenario with the session token', async () => {
    await page.getByRole('link', { name: 'Library' }).click();
    await page.getByRole('button', { name: /^Duplicate Russia–Ukraine/ }).click();
    const copy = page.locator(`tr[data-scenario="${RU}-copy"]`);
    await copy.waitFor();
    expect(await copy.textContent()).toContain('saved v1');
    expect((await fetch(`${server.url}/scenarios/${RU}-copy`)).status).toBe(200);
    await copy.getByRole('button', { name: /^Delete/ }).click();
    await copy.getByRole('button', { name: `Delete ${RU}-copy and every version` }).click();
    await copy.waitFor({ state: 'detached' });
    expect((await fetch(`${server.url}/scenarios/${RU}-copy`)).status).toBe(404);
  });

  it('works at tablet width (820px) without sideways scrolling', async () => {
    await page.setViewportSize({ width: 820, height: 1100 });
    await page.goto(`${server.url}/#/results/${RU}`);
    await page.getByRole('button', { name: 'Run' }).click();
    await page
      .locator('.chart[data-chart="cumulative-incidence"] svg .mark-line path')
      .first()
      .waitFor({ timeout: 30_000 });
    await page.waitForTimeout(300);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(820);
    await page.screenshot({ path: join(artifacts, 'web-results-820.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
