/** Tornado: how far one outcome moves as each uncertain input goes from its low to its high value. */
import type { MetricId, Tornado } from '../../analysis/index.ts';
import { base, r4, type Row, type Spec } from './spec.ts';
import { PAIR_COLORS } from './palette.ts';

export function tornadoRows(t: Tornado, metric: MetricId = t.rankedBy, top = 15): Row[] {
  const b = t.base[metric] ?? 0;
  const rows: Row[] = [];
  for (const bar of t.bars.slice(0, top)) {
    const lo = bar.atLow[metric];
    const hi = bar.atHigh[metric];
    if (lo === null || hi === null) continue;
    rows.push({
      input: `${bar.label} (${bar.low}…${bar.high})`,
      end: 'low value',
      from: r4(b),
      to: r4(lo),
    });
    rows.push({
      input: `${bar.label} (${bar.low}…${bar.high})`,
      end: 'high value',
      from: r4(b),
      to: r4(hi),
    });
  }
  return rows;
}

export function tornadoChart(
  t: Tornado,
  metric: MetricId = t.rankedBy,
  label: string = metric,
): Spec {
  const rows = tornadoRows(t, metric);
  return {
    ...base(
      `Sensitivity: ${label}`,
      'each input at its low and at its high value, the others as in the scenario',
    ),
    width: 360,
    height: { step: 20 },
    data: { values: rows },
    layer: [
      {
        mark: { type: 'bar', opacity: 0.85 },
        encoding: {
          y: {
            field: 'input',
            type: 'nominal',
            title: null,
            sort: null,
            axis: { labelLimit: 0 },
          },
          x: { field: 'from', type: 'quantitative', title: label },
          x2: { field: 'to' },
          color: {
            field: 'end',
            type: 'nominal',
            title: 'input at',
            scale: { domain: ['low value', 'high value'], range: [PAIR_COLORS[1], PAIR_COLORS[0]] },
          },
        },
      },
      {
        mark: { type: 'rule', color: '#333333' },
        encoding: { x: { datum: r4(t.base[metric] ?? 0), type: 'quantitative' } },
      },
    ],
  };
}
