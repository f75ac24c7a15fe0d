/**
 * The PDF report keeps every line inside its margins (issue 19). The report of the bundled
 * Russia–Ukraine scenario (its summary has the longest lines) is laid out for print in Chromium,
 * the engine that prints it, at the printable width of A4 (210 mm less the 10 mm side margins of
 * src/report/pdf.ts): no text box and no element may reach past that width, and no box may hide
 * an overflow (text cut off at a margin). Where poppler's `pdftotext` is installed, the printed
 * PDF's text must also hold every word of the summary's longest line.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/index.ts';
import { parseScenarioText } from '../../src/model/index.ts';
import { htmlToPdf } from '../../src/report/pdf.ts';
import { formatRunSummary } from '../../src/report/summary.ts';
import { HistoryService } from '../../src/server/services/history.ts';
import { reportHtmlOf } from '../../src/server/services/reports.ts';
import { chromiumMissing, launchChromium } from '../web/browser.ts';

const missing = chromiumMissing();
if (missing) console.log(`skipping the PDF margin test: ${missing}`);
const pdftotext = (() => {
  try {
    return execFileSync('which', ['pdftotext'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
})();

/** A4 less the side margins of src/report/pdf.ts (10 mm each), in CSS pixels (96 per inch). */
const PRINTABLE_PX = ((210 - 2 * 10) / 25.4) * 96;

describe.skipIf(missing !== undefined)('the PDF report stays inside its margins', () => {
  let html: string;
  let summary: string;
  beforeAll(async () => {
    const parsed = parseScenarioText(
      readFileSync(
        new URL('../../data/scenarios/russia-ukraine-2024.yaml', import.meta.url),
        'utf8',
      ),
    );
    if (!parsed.ok) throw new Error('bundled scenario invalid');
    const s = { ...parsed.value, settings: { ...parsed.value.settings, runs: 300 } };
    const result = runScenario(s);
    summary = formatRunSummary(result);
    html = await reportHtmlOf(result, s, `${s.id} as edited (not saved)`, HistoryService.load());
  }, 120_000);

  it('the header names the scenario once ("Scenario russia-ukraine-2024 …", not "Scenario scenario")', () => {
    expect(html).toMatch(/Scenario russia-ukraine-2024 as edited/);
    expect(html).not.toMatch(/Scenario scenario/i);
  });

  it('laid out for print at the printable width, no text or box reaches past it', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: Math.floor(PRINTABLE_PX), height: 1000 });
      await page.emulateMedia({ media: 'print' });
      await page.setContent(html, { waitUntil: 'load' });
      // run in the page (a string: this project's types have no DOM)
      const over = await page.evaluate<string[]>(`(() => {
        const limit = ${PRINTABLE_PX};
        const out = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (!n.textContent.trim()) continue;
          const range = document.createRange();
          range.selectNodeContents(n);
          for (const r of range.getClientRects())
            if (r.right > limit + 0.5 || r.left < -0.5)
              out.push('text "' + n.textContent.trim().slice(0, 40) + '" ends at ' + r.right.toFixed(0) + 'px');
        }
        for (const el of document.body.querySelectorAll('*')) {
          const r = el.getBoundingClientRect();
          if (r.width > 0 && r.right > limit + 0.5)
            out.push('<' + el.tagName.toLowerCase() + '> ends at ' + r.right.toFixed(0) + 'px');
          if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible')
            out.push('<' + el.tagName.toLowerCase() + '> hides ' + (el.scrollWidth - el.clientWidth) + 'px');
        }
        return out;
      })()`);
      expect(over.slice(0, 10)).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);

  it.skipIf(!pdftotext)(
    'pdftotext -layout finds every word of the longest summary line',
    async () => {
      const printed = await htmlToPdf(html);
      if (!printed.ok) throw new Error(printed.message);
      const dir = mkdtempSync(join(tmpdir(), 'parley-pdf-'));
      try {
        writeFileSync(join(dir, 'r.pdf'), printed.pdf);
        const text = execFileSync(pdftotext!, ['-layout', join(dir, 'r.pdf'), '-'], {
          encoding: 'utf8',
        });
        const longest = summary.split('\n').reduce((a, b) => (b.length > a.length ? b : a));
        const words = (t: string) => t.split(/\s+/).filter(Boolean);
        const all = new Set(words(text));
        expect(words(longest).filter((w) => !all.has(w))).toEqual([]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
