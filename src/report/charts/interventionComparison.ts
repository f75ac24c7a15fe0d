/**
 * Interventions compared: for each outcome, each variant's paired difference from the baseline
 * as a dot with its 95% interval (dot-and-interval), one panel per outcome.
 */
import type { Comparison, MetricId } from '../../analysis/index.ts';
import { base, r4, type Row, type Spec } from './spec.ts';
import { PAIR_COLORS } from './palette.ts';

export const COMPARED: readonly MetricId[] = [
  'talks12',
  'settlement24',
  'medianDuration',
  'terms',
  'durable5y',
];

const SHORT: Record<MetricId, string> = {
  talks6: 'talks by month 6',
  talks12: 'talks by month 12',
  settlement24: 'settled by month 24',
  medianDuration: 'median months of war',
  terms: "terms (A's share)",
  casualties: 'median battle deaths',
  durable5y: 'peace holds 5 years',
};

export function comparisonRows(c: Comparison, metrics: readonly MetricId[] = COMPARED): Row[] {
  const rows: Row[] = [];
  for (const v of c.variants.slice(1))
    for (const m of metrics) {
      const d = v.differences[m];
      if (!d) continue;
      const ok = Number.isFinite(d.low) && Number.isFinite(d.high);
      rows.push({
        variant: v.name,
        outcome: SHORT[m],
        difference: r4(d.estimate),
        low: ok ? r4(d.low) : r4(d.estimate),
        high: ok ? r4(d.high) : r4(d.estimate),
        clear: ok && (d.low > 0 || d.high < 0) ? 'interval excludes 0' : 'interval includes 0',
      });
    }
  return rows;
}

export function interventionComparisonChart(
  c: Comparison,
  metrics: readonly MetricId[] = COMPARED,
): Spec {
  return {
    ...base(
      'Interventions compared with the baseline',
      `paired differences (variant − baseline) on common random numbers, ${c.runs} runs each; lines: 95% intervals`,
    ),
    data: { values: comparisonRows(c, metrics) },
    facet: {
      column: {
        field: 'outcome',
        type: 'nominal',
        title: null,
        sort: metrics.map((m) => SHORT[m]),
        header: { labelFontSize: 11, labelLimit: 0 },
      },
    },
    resolve: { scale: { x: 'independent' } },
    spec: {
      width: 150,
      height: { step: 22 },
      encoding: {
        y: {
          field: 'variant',
          type: 'nominal',
          title: null,
          sort: null,
          axis: { labelLimit: 360 },
        },
      },
      layer: [
        {
          mark: { type: 'rule', color: '#999999', strokeDash: [3, 3] },
          encoding: { x: { datum: 0, type: 'quantitative' } },
        },
        {
          mark: { type: 'rule', strokeWidth: 2 },
          encoding: {
            x: { field: 'low', type: 'quantitative', title: 'difference' },
            x2: { field: 'high' },
            color: {
              field: 'clear',
              type: 'nominal',
              title: null,
              scale: {
                domain: ['interval excludes 0', 'interval includes 0'],
                range: PAIR_COLORS,
              },
            },
          },
        },
        {
          mark: { type: 'point', filled: true, size: 50 },
          encoding: {
            x: { field: 'difference', type: 'quantitative' },
            color: { field: 'clear', type: 'nominal' },
          },
        },
      ],
    },
  };
}
