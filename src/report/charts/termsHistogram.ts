/** Terms of negotiated settlements: side A's share of the stake, as a histogram. */
import type { RunResult } from '../../engine/index.ts';
import { base, HEIGHT, r4, WIDTH, type Row, type Spec } from './spec.ts';
import { SINGLE_COLOR } from './palette.ts';

/** 100 engine bins regrouped into 20 bars of width 0.05. */
export function termsRows(r: RunResult, bars = 20): Row[] {
  const h = r.terms.histogram;
  const per = Math.max(1, Math.floor(h.length / bars));
  const rows: Row[] = [];
  for (let k = 0; k * per < h.length; k++) {
    let c = 0;
    for (let i = k * per; i < Math.min(h.length, (k + 1) * per); i++) c += h[i];
    rows.push({
      from: r4((k * per) / h.length),
      to: r4(((k + 1) * per) / h.length),
      settlements: c,
      share: r.meta.runs > 0 ? r4(c / r.meta.runs) : 0,
    });
  }
  return rows;
}

/**
 * Terms are capped at the edges of the stake (mechanisms/offers.ts): when the sides' reservations
 * put a deal outside [0, 1] (a side whose war value, net of costs, carrots and sticks, is below
 * zero would settle for less than nothing), the deal is recorded at 0 or 1. The end bars collect
 * those capped deals with the ones near the edge; the subtitle says how many lie there.
 */
function edgeNote(r: RunResult): string[] {
  const h = r.terms.histogram;
  const edge = (h[0] ?? 0) + (h.length > 1 ? (h.at(-1) ?? 0) : 0);
  return edge > 0
    ? [
        `${edge} within 1% of an edge: deals outside the stake are capped at 0 or 1, so the end bars include them`,
      ]
    : [];
}

export function termsHistogramChart(r: RunResult): Spec {
  const [a] = r.meta.parties;
  return {
    ...base('Terms of settlement', [
      `${r.terms.settlements} settlements; share of the stake to ${a.name}`,
      ...edgeNote(r),
    ]),
    width: WIDTH,
    height: HEIGHT,
    data: { values: termsRows(r) },
    mark: { type: 'bar', color: SINGLE_COLOR, stroke: 'white', strokeWidth: 0.5 },
    encoding: {
      x: {
        field: 'from',
        type: 'quantitative',
        bin: { binned: true, step: 0.05 },
        title: `share of the stake to ${a.name}`,
        scale: { domain: [0, 1] },
      },
      x2: { field: 'to' },
      y: { field: 'settlements', type: 'quantitative', title: 'settlements (runs)' },
      tooltip: [{ field: 'from' }, { field: 'to' }, { field: 'settlements' }],
    },
  };
}
