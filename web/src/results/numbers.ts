/** Headline numbers of a RunResult, as the terminal summary (src/report/summary.ts) reports them. */
import { fadedSeries, type RunResult } from '../../../src/engine/index.ts';

export const at = (series: number[], m: number): number =>
  series[Math.min(m, series.length) - 1] ?? 0;
export const pct = (x: number | null | undefined): string =>
  x === null || x === undefined ? '—' : `${Math.round(100 * x)}%`;

/** Headline numbers; `term` names the glossary entry of the label's key word. */
export function headline(
  r: RunResult,
): { label: string; key: string; value: string; term?: string }[] {
  const q = r.duration.quantiles;
  return [
    {
      key: 'talks12',
      label: 'talks opened by month 12',
      value: pct(at(r.talks.any, 12)),
      term: 'talks-opened',
    },
    {
      key: 'settlement24',
      label: 'settled by month 24',
      value: pct(at(r.outcomes.settlement, 24)),
      term: 'settlement',
    },
    {
      key: 'ceasefire24',
      label: 'ceasefire by month 24',
      value: pct(at(r.outcomes.ceasefire, 24)),
    },
    { key: 'duration', label: 'median months of war', value: q.p50 === null ? '—' : String(q.p50) },
    {
      key: 'terms',
      label: `terms: median share of the stake to ${r.meta.parties[0].name}`,
      value: r.terms.quantiles.p50 === null ? '—' : r.terms.quantiles.p50.toFixed(2),
      term: 'terms',
    },
    {
      key: 'durable',
      label: 'relapse within 5 years',
      value: pct(r.durability.relapseWithin.all['60']),
    },
  ];
}

/** Months at which the outcome table is shown (as in `parley run`). */
export const TABLE_MONTHS = [6, 12, 24, 60];

export function outcomeRows(r: RunResult): { label: string; values: number[]; term?: string }[] {
  const [a, b] = r.meta.parties;
  const o = r.outcomes;
  const add = (x: number[], y: number[]) => x.map((v, i) => v + y[i]);
  return [
    { label: 'talks opened (any)', values: r.talks.any, term: 'talks-opened' },
    { label: 'via back channel', values: r.talks.secret, term: 'back-channel' },
    { label: 'via a mediator', values: r.talks.mediated },
    { label: 'in public', values: r.talks.public },
    { label: 'negotiated settlement', values: o.settlement, term: 'settlement' },
    { label: 'ceasefire (frozen)', values: o.ceasefire },
    { label: 'faded (fighting died down)', values: fadedSeries(r) },
    { label: `victory of ${a.name}`, values: add(o.victoryA, o.collapseB) },
    { label: `victory of ${b.name}`, values: add(o.victoryB, o.collapseA) },
    { label: 'still fighting', values: o.ongoing },
  ];
}
