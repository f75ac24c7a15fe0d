/**
 * Fan charts of the per-month diagnostics: ripeness, the belief gap, and each party's cost of
 * conversation, as the median with a 10–90% band over the runs still at war.
 */
import type { RunResult } from '../../engine/index.ts';
import { base, r4, type Row, type Spec } from './spec.ts';

export function fanRows(r: RunResult): Row[] {
  const [a, b] = r.meta.parties;
  const series: [string, string][] = [
    ['ripeness', 'ripeness (hurting stalemate × way out)'],
    ['beliefGap', 'belief gap between the parties'],
    ['conversationCostA', `cost of conversation: ${a.name}`],
    ['conversationCostB', `cost of conversation: ${b.name}`],
  ];
  const rows: Row[] = [];
  for (const [key, label] of series) {
    const f = r.diagnostics.fans[key];
    if (!f) continue;
    f.p50.forEach((p50, t) => {
      if (r.diagnostics.atWar[t] > 0)
        rows.push({
          series: label,
          month: t + 1,
          p10: r4(f.p10[t]),
          p50: r4(p50),
          p90: r4(f.p90[t]),
        });
    });
  }
  return rows;
}

export function fanChart(r: RunResult): Spec {
  return {
    ...base(
      'Ripeness, belief gap and costs of conversation',
      'median and 10–90% of runs still at war',
    ),
    data: { values: fanRows(r) },
    columns: 2,
    facet: {
      field: 'series',
      type: 'nominal',
      title: null,
      header: { labelFontSize: 11, labelLimit: 250 },
    },
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: 250,
      height: 140,
      encoding: { x: { field: 'month', type: 'quantitative', title: 'month' } },
      layer: [
        {
          mark: { type: 'area', opacity: 0.25, color: '#4c78a8' },
          encoding: {
            y: { field: 'p10', type: 'quantitative', title: null },
            y2: { field: 'p90' },
          },
        },
        {
          mark: { type: 'line', color: '#1f4e79' },
          encoding: { y: { field: 'p50', type: 'quantitative' } },
        },
      ],
    },
  };
}
