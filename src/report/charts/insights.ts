/** Relevant historical insights as dot-and-interval (shares with Wilson intervals). */
import type { Insight } from '../../history/insights/index.ts';
import { base, r4, type Row, type Spec } from './spec.ts';

export function insightRows(insights: readonly Insight[]): Row[] {
  return insights
    .filter((i) => i.measure === 'share')
    .map((i) => ({
      insight: i.title.length > 60 ? i.title.slice(0, 59) + '…' : i.title,
      estimate: r4(i.estimate),
      low: r4(i.interval?.low ?? i.estimate),
      high: r4(i.interval?.high ?? i.estimate),
      n: i.denominator,
    }));
}

export function insightsChart(insights: readonly Insight[]): Spec {
  return {
    ...base(
      'What history teaches',
      'share of historical cases, with 95% Wilson intervals (n = cases in scope)',
    ),
    width: 300,
    height: { step: 22 },
    data: { values: insightRows(insights) },
    encoding: {
      y: { field: 'insight', type: 'nominal', title: null, sort: null, axis: { labelLimit: 380 } },
    },
    layer: [
      {
        mark: { type: 'rule', strokeWidth: 2, color: '#9db7d5' },
        encoding: {
          x: {
            field: 'low',
            type: 'quantitative',
            title: 'share',
            axis: { format: '%' },
            scale: { domain: [0, 1] },
          },
          x2: { field: 'high' },
        },
      },
      {
        mark: { type: 'point', filled: true, size: 50, color: '#1f4e79' },
        encoding: { x: { field: 'estimate', type: 'quantitative' }, tooltip: [{ field: 'n' }] },
      },
    ],
  };
}
