/** Durability: share of ended wars still at peace, by months since the end and by how it ended. */
import type { RunResult } from '../../engine/index.ts';
import { base, HEIGHT, r4, WIDTH, type Row, type Spec } from './spec.ts';

const LABELS = {
  settlement: 'settlement',
  ceasefire: 'ceasefire',
  victory: 'military victory',
  all: 'all endings',
} as const;

export function durabilityRows(r: RunResult): Row[] {
  const rows: Row[] = [];
  for (const key of ['settlement', 'ceasefire', 'victory', 'all'] as const) {
    if (key !== 'all' && r.durability.ended[key] === 0) continue;
    const ended =
      key === 'all'
        ? Object.values(r.durability.ended).reduce((x, y) => x + y, 0)
        : r.durability.ended[key];
    if (ended === 0) continue;
    r.durability.survival[key].forEach((s, m) =>
      rows.push({ ending: `${LABELS[key]} (${ended})`, months: m, atPeace: r4(s) }),
    );
  }
  return rows;
}

export function durabilityCurveChart(r: RunResult): Spec {
  return {
    ...base(
      'How long the peace lasts',
      'share of ended wars still at peace, by how the war ended (number of runs)',
    ),
    width: WIDTH,
    height: HEIGHT,
    data: { values: durabilityRows(r) },
    mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2 },
    encoding: {
      x: { field: 'months', type: 'quantitative', title: 'months since the war ended' },
      y: {
        field: 'atPeace',
        type: 'quantitative',
        title: 'still at peace',
        axis: { format: '%' },
        scale: { domain: [0, 1] },
      },
      color: { field: 'ending', type: 'nominal', title: 'ending' },
    },
  };
}
