/** Time to talks by channel: the cumulative share of runs in which talks had opened. */
import type { RunResult } from '../../engine/index.ts';
import { band, base, HEIGHT, r4, WIDTH, type Row, type Spec } from './spec.ts';
import { CHANNEL_COLORS } from './palette.ts';

const CHANNELS = [
  ['any', 'any channel'],
  ['secret', 'back channel'],
  ['mediated', 'mediator'],
  ['public', 'public talks'],
] as const;

export function timeToTalksRows(r: RunResult): Row[] {
  const rows: Row[] = [];
  for (const [key, channel] of CHANNELS)
    r.talks[key].forEach((p, t) => {
      const [low, high] = band(p, r.meta.runs);
      rows.push({ channel, month: t + 1, p: r4(p), low, high });
    });
  return rows;
}

export function timeToTalksChart(r: RunResult): Spec {
  return {
    ...base('Time to talks, by channel', 'share of runs in which talks had opened by each month'),
    width: WIDTH,
    height: HEIGHT,
    data: { values: timeToTalksRows(r) },
    encoding: {
      x: { field: 'month', type: 'quantitative', title: 'months from the start' },
      color: {
        field: 'channel',
        type: 'nominal',
        title: 'channel',
        sort: CHANNELS.map((c) => c[1]),
        scale: { range: CHANNEL_COLORS },
      },
    },
    layer: [
      {
        mark: { type: 'area', opacity: 0.15 },
        encoding: { y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' } },
      },
      {
        mark: { type: 'line', strokeWidth: 2, interpolate: 'step-after' },
        encoding: {
          y: {
            field: 'p',
            type: 'quantitative',
            title: 'talks opened',
            axis: { format: '%' },
            scale: { domain: [0, 1] },
          },
        },
      },
    ],
  };
}
