/**
 * A comparison carries each variant's edits to the scenario (issue 19), and the HTML report
 * prints them under the variant's name, so a name cannot hide what a variant changes.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { runComparison } from '../../src/jobs/analyses.ts';
import { closePools } from '../../src/jobs/localPool.ts';
import { runScenario } from '../../src/engine/index.ts';
import { parseScenarioText } from '../../src/model/index.ts';
import { reportHtml } from '../../src/report/html.ts';
import { formatRunSummary } from '../../src/report/summary.ts';

afterAll(() => closePools());

describe('variant edits in comparisons and reports', () => {
  it('the Portsmouth variants list their edits in the comparison and the report', async () => {
    const parsed = parseScenarioText(
      readFileSync(new URL('../../data/scenarios/russia-japan-1905.yaml', import.meta.url), 'utf8'),
    );
    if (!parsed.ok) throw new Error('bundled scenario invalid');
    const s = { ...parsed.value, settings: { ...parsed.value.settings, runs: 200 } };
    const r = await runComparison(s, [], { threads: 1, bootstrap: 50 });
    if (!r.ok || !r.value) throw new Error('no comparison');
    const byId = Object.fromEntries(r.value.variants.map((v) => [v.id, v.edits]));
    expect(byId.baseline).toEqual([]);
    expect(byId['early-offer']).toEqual(['parties.united-states.mediation.offerMonth: 3 → 0']);
    expect(byId['public-mediation']).toEqual([
      'parties.united-states.mediation.confidential: true → false',
    ]);
    const result = runScenario(s);
    const html = reportHtml({
      title: s.name,
      source: s.id,
      result,
      summaryText: formatRunSummary(result),
      charts: [],
      comparison: r.value,
      analogues: [],
      insights: [],
      notes: [],
    });
    expect(html).toContain(
      '<ul class="edits"><li><code>parties.united-states.mediation.offerMonth: 3 → 0</code></li></ul>',
    );
  }, 120_000);
});
