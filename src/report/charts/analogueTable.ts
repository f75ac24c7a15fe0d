/** The closest historical analogues as a table chart (rank, case, similarity bar, how talks went). */
import type { Analogue } from '../../history/analogues.ts';
import { base, r4, type Row, type Spec } from './spec.ts';

export function analogueRows(analogues: readonly Analogue[]): Row[] {
  return analogues.map((a, i) => ({
    rank: i + 1,
    case: a.name.length > 48 ? a.name.slice(0, 47) + '…' : a.name,
    similarity: r4(a.similarity),
    outcome: a.outcome,
  }));
}

export function analogueTableChart(analogues: readonly Analogue[]): Spec {
  return {
    ...base(
      'Closest historical analogues',
      'weighted Gower similarity over the documented features',
    ),
    data: { values: analogueRows(analogues) },
    hconcat: [
      {
        width: 330,
        height: { step: 20 },
        mark: { type: 'text', align: 'left', x: 0 },
        encoding: { y: { field: 'rank', type: 'ordinal', title: null }, text: { field: 'case' } },
      },
      {
        width: 160,
        height: { step: 20 },
        mark: { type: 'bar', color: '#4c78a8' },
        encoding: {
          y: { field: 'rank', type: 'ordinal', axis: null },
          x: {
            field: 'similarity',
            type: 'quantitative',
            scale: { domain: [0, 1] },
            title: 'similarity',
          },
        },
      },
      {
        width: 140,
        height: { step: 20 },
        mark: { type: 'text', align: 'left', x: 0 },
        encoding: { y: { field: 'rank', type: 'ordinal', axis: null }, text: { field: 'outcome' } },
      },
    ],
  };
}
