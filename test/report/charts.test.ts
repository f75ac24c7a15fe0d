import { beforeAll, describe, expect, it } from 'vitest';
import {
  compareVariants,
  distributionFactors,
  prepareVariants,
  simulateRecords,
  summariseRecords,
  tornado as runTornado,
  type Comparison,
  type Tornado,
} from '../../src/analysis/index.ts';
import { loadCases } from '../../src/data/cases.ts';
import { runScenario, type RunResult } from '../../src/engine/index.ts';
import { findAnalogues, type Analogue } from '../../src/history/analogues.ts';
import { runInsights, type Insight } from '../../src/history/insights/index.ts';
import { scenarioFeatures } from '../../src/history/scenarioFeatures.ts';
import { mulberry32 } from '../../src/history/stats.ts';
import * as charts from '../../src/report/charts/index.ts';
import { renderSvg, svgToPng } from '../../src/report/render.ts';
import { build, mediator } from '../engine/fixtures.ts';

const scenario = build({
  a: { leader: { hawkishness: { low: 0.3, high: 0.8 } } },
  extraParties: [mediator({ offerMonth: 2 })],
  backChannels: [{ id: 'bc', openFrom: 3 }],
  settings: { runs: 300, horizonMonths: 24 },
  variants: [
    {
      id: 'early',
      name: 'mediator at month 0',
      overlay: { parties: [{ id: 'med', mediation: { offerMonth: 0 } }] },
    },
    { id: 'no-channel', name: 'no back channel', overlay: { backChannels: [] } },
  ],
});

let result: RunResult;
let comparison: Comparison;
let tornado: Tornado;
let analogues: Analogue[];
let insights: Insight[];

beforeAll(() => {
  result = runScenario(scenario);
  const v = prepareVariants(scenario);
  if (!v.ok) throw new Error('variants');
  comparison = compareVariants(
    v.value.map((x) => ({ id: x.id, name: x.name, records: simulateRecords(x.scenario) })),
    { rng: mulberry32(1), bootstrap: 50 },
  );
  const t = runTornado(scenario, distributionFactors(scenario), (s) =>
    summariseRecords(simulateRecords(s)),
  );
  if (!t.ok) throw new Error('tornado');
  tornado = t.value;
  const { cases } = loadCases();
  analogues = findAnalogues(scenarioFeatures(scenario), cases, { top: 5, asOfYear: 2025 });
  insights = runInsights(
    { cases, datasets: {}, rng: mulberry32(1) },
    { topic: 'mediation' },
  ).insights;
});

const specs = (): [string, charts.Spec, number][] => [
  [
    'cumulativeIncidence',
    charts.cumulativeIncidenceChart(result),
    charts.cumulativeIncidenceRows(result).length,
  ],
  ['timeToTalks', charts.timeToTalksChart(result), charts.timeToTalksRows(result).length],
  ['fans', charts.fanChart(result), charts.fanRows(result).length],
  ['termsHistogram', charts.termsHistogramChart(result), charts.termsRows(result).length],
  ['durabilityCurve', charts.durabilityCurveChart(result), charts.durabilityRows(result).length],
  [
    'interventionComparison',
    charts.interventionComparisonChart(comparison),
    charts.comparisonRows(comparison).length,
  ],
  ['tornado', charts.tornadoChart(tornado), charts.tornadoRows(tornado).length],
  ['analogueTable', charts.analogueTableChart(analogues), analogues.length],
  ['insights', charts.insightsChart(insights), charts.insightRows(insights).length],
];

/**
 * The spec in a form that does not change when the engine's numbers do (the lead tunes the
 * engine): numbers rounded to 3 decimals, data rows reduced to their field names, digits in
 * titles and data-driven reference values masked.
 */
const snapshotForm = (x: unknown, key = ''): unknown => {
  if (typeof x === 'number') return key === 'datum' ? '#' : Math.round(x * 1000) / 1000;
  if (typeof x === 'string')
    return key === 'text' || key === 'subtitle' || key === 'title' ? x.replace(/\d+/g, '#') : x;
  // a subtitle of several lines masks each line
  if (Array.isArray(x)) return x.map((v) => snapshotForm(v, key === 'subtitle' ? key : ''));
  if (x && typeof x === 'object') {
    if (key === 'data' && Array.isArray((x as { values?: unknown }).values)) {
      const rows = (x as { values: Record<string, unknown>[] }).values;
      return { fields: Object.keys(rows[0] ?? {}).sort() };
    }
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, snapshotForm(v, k)]));
  }
  return x;
};

/** Data marks drawn in an SVG: elements inside vega's `role-mark` groups (not axes, legends or titles). */
function markItems(svg: string): number {
  let n = 0;
  const re =
    /<g class="mark-(line|area|rect|symbol|rule|text) role-mark[^"]*"[^>]*?(?<!\/)>([\s\S]*?)<\/g>/g;
  for (const m of svg.matchAll(re)) n += (m[2].match(/<(path|text|line)\b/g) ?? []).length;
  return n;
}

describe('charts', () => {
  it('every chart has data rows', () => {
    for (const [name, , rows] of specs()) expect(rows, name).toBeGreaterThan(0);
  });

  it('every chart renders to an SVG with marks bound to data, not an empty frame', async () => {
    for (const [name, spec] of specs()) {
      const svg = await renderSvg(spec);
      expect(svg.startsWith('<svg'), name).toBe(true);
      expect(markItems(svg), name).toBeGreaterThan(2);
      expect(svg, name).not.toMatch(/href="http|src="http|url\(http/);
    }
  });

  it('the mark check sees an empty frame as empty', async () => {
    const empty = { ...charts.termsHistogramChart(result), data: { values: [] } };
    expect(markItems(await renderSvg(empty))).toBe(0);
    expect(markItems(await renderSvg(charts.termsHistogramChart(result)))).toBeGreaterThan(5);
  });

  it('renders PNG with the shipped fonts', async () => {
    const png = svgToPng(await renderSvg(charts.termsHistogramChart(result)), 1);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(5000);
  });

  it('spec snapshots (numbers rounded to 3 decimals; data rows by their fields)', () => {
    for (const [name, spec] of specs()) expect(snapshotForm(spec)).toMatchSnapshot(name);
  });
});
