/**
 * The settlement terms of a run, in the plain form the draft term sheet takes
 * (src/history/provisions/termSheet.ts): share of the stake to side A among settled runs.
 */
import type { RunResult } from '../engine/index.ts';

export function settlementTerms(r: RunResult) {
  const [a, b] = r.meta.parties;
  return {
    runs: r.meta.runs,
    seed: r.meta.seed,
    settlements: r.terms.settlements,
    sideA: a.name,
    sideB: b.name,
    quantiles: {
      p10: r.terms.quantiles.p10,
      p50: r.terms.quantiles.p50,
      p90: r.terms.quantiles.p90,
    },
  };
}
