/** Cumulative incidence of each outcome over time, with 95% bands (binomial, over the runs). */
import { fadedSeries, type RunResult } from '../../engine/index.ts';
import { band, base, HEIGHT, OUTCOME_COLORS, r4, WIDTH, type Row, type Spec } from './spec.ts';

export function cumulativeIncidenceRows(r: RunResult): Row[] {
  const [a, b] = r.meta.parties;
  const o = r.outcomes;
  const series: [string, number[]][] = [
    ['talks opened', r.talks.any],
    ['settlement', o.settlement],
    ['ceasefire', o.ceasefire],
    ['faded', fadedSeries(r)],
    ['victory of A', o.victoryA.map((x, t) => x + o.collapseB[t])],
    ['victory of B', o.victoryB.map((x, t) => x + o.collapseA[t])],
  ];
  const rows: Row[] = [];
  for (const [outcome, xs] of series)
    xs.forEach((p, t) => {
      const [low, high] = band(p, r.meta.runs);
      rows.push({
        outcome,
        month: t + 1,
        p: r4(p),
        low,
        high,
        who: outcome.endsWith('A') ? a.name : outcome.endsWith('B') ? b.name : '',
      });
    });
  return rows;
}

export function cumulativeIncidenceChart(r: RunResult): Spec {
  const [a, b] = r.meta.parties;
  return {
    ...base(
      'How the war ends, month by month',
      `cumulative share of ${r.meta.runs} runs; bands: 95% intervals; A = ${a.name}, B = ${b.name}`,
    ),
    width: WIDTH,
    height: HEIGHT,
    data: { values: cumulativeIncidenceRows(r) },
    encoding: {
      x: { field: 'month', type: 'quantitative', title: 'months from the start' },
      color: { field: 'outcome', type: 'nominal', title: 'outcome', scale: OUTCOME_COLORS },
    },
    layer: [
      {
        mark: { type: 'area', opacity: 0.2 },
        encoding: { y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' } },
      },
      {
        mark: { type: 'line', strokeWidth: 2 },
        encoding: {
          y: {
            field: 'p',
            type: 'quantitative',
            title: 'share of runs',
            axis: { format: '%' },
            scale: { domain: [0, 1] },
          },
        },
      },
    ],
  };
}
