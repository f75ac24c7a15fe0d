/**
 * The what-if's headline numbers beside the scenario as written: which numbers, how each is
 * shown, and the change as points of a share, months, or share of the stake.
 */
import type { RunResult } from '../../../src/engine/index.ts';
import { at, pct } from '../results/numbers.ts';

/** Change from the scenario as written: points for shares, months, or share of the stake. */
export function delta(
  kind: 'share' | 'months' | 'terms',
  x: number | null,
  base: number | null,
): string {
  if (x === null || base === null) return '';
  // rounded as shown, so a change too small to show reads ±0
  const d =
    kind === 'share'
      ? Math.round((x - base) * 100)
      : kind === 'months'
        ? x - base
        : Math.round((x - base) * 100) / 100;
  if (d === 0) return '±0';
  const sign = d > 0 ? '+' : '−';
  if (kind === 'share') return `${sign}${Math.abs(d)} pts`;
  if (kind === 'months') return `${sign}${Math.abs(d)}`;
  return `${sign}${Math.abs(d).toFixed(2)}`;
}

export function metrics(r: RunResult) {
  const q = r.duration.quantiles;
  return [
    {
      key: 'talks12',
      term: 'talks-opened',
      label: 'talks opened by month 12',
      value: at(r.talks.any, 12),
      fmt: pct,
      kind: 'share' as const,
    },
    {
      key: 'mediated24',
      term: 'talks-opened',
      label: 'talks via a mediator by month 24',
      value: at(r.talks.mediated, 24),
      fmt: pct,
      kind: 'share' as const,
    },
    {
      key: 'settlement24',
      term: 'settlement',
      label: 'settled by month 24',
      value: at(r.outcomes.settlement, 24),
      fmt: pct,
      kind: 'share' as const,
    },
    {
      key: 'ongoing60',
      label: 'still fighting at month 60',
      value: at(r.outcomes.ongoing, 60),
      fmt: pct,
      kind: 'share' as const,
    },
    {
      key: 'duration',
      label: 'median months of war',
      value: q.p50,
      fmt: (x: number | null) => (x === null ? '—' : String(x)),
      kind: 'months' as const,
    },
    {
      key: 'terms',
      term: 'terms',
      label: `terms: median share of the stake to ${r.meta.parties[0].name}`,
      value: r.terms.quantiles.p50,
      fmt: (x: number | null) => (x === null ? '—' : x.toFixed(2)),
      kind: 'terms' as const,
    },
  ];
}
