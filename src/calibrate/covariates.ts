/**
 * Capability and regime covariates of historical cases, from plain state-year tables the edge
 * builds out of COW National Material Capabilities v6.0 (CINC; Singer, Bremer & Stuckey 1972)
 * and Polity5 (polity2; Marshall & Gurr 2020) through the COW↔Polity crosswalk
 * (src/data/cowPolity.ts). Core: no file is read here.
 */
import type { HistoricalCase } from './historicalCases.ts';

/** Per COW state code and year: CINC share (0–1) and polity2 (−10…+10); absent = no value. */
export type StateYearCovariates = {
  cinc: ReadonlyMap<string, number>;
  polity2: ReadonlyMap<string, number>;
};

export const stateYearKey = (ccode: number, year: number): string => `${ccode}:${year}`;

export type EngineRegime = 'democracy' | 'mixed' | 'autocracy';

/**
 * The conventional Polity cut-offs (Marshall & Gurr 2020, Polity5 Users' Manual: democracies
 * +6 to +10, autocracies −10 to −6, anocracies between), with anocracy as the engine's 'mixed'.
 */
export function regimeFromPolity2(p: number): EngineRegime {
  if (p >= 6) return 'democracy';
  if (p <= -6) return 'autocracy';
  return 'mixed';
}

/** The old builder's bounds on the strength ratio (a 5:1 mismatch at most). */
const MAX_RATIO = 5;

/**
 * Design choice: the engine's battle contest is a ratio-form contest success function,
 * q = s_A / (s_A + s_B) (src/engine/strength.ts), so a strength ratio is the odds of winning a
 * month's battle. We map the CINC ratio r of the two coalitions to s_A = 5^tanh(ln r / ln 5),
 * with s_B = 1: strictly increasing in r, equal to r near parity (slope 1 at r = 1), symmetric
 * (r and 1/r give reciprocal strengths), and bounded in (1/5, 5) like the old builder's
 * side-size ratio, so a 100:1 capability gap does not make battles a formality.
 */
export function capabilityStrength(cincRatio: number): number {
  if (!(cincRatio > 0) || !Number.isFinite(cincRatio))
    throw new RangeError(`CINC ratio must be positive and finite, found ${cincRatio}`);
  const L = Math.log(MAX_RATIO);
  return Math.exp(L * Math.tanh(Math.log(cincRatio) / L));
}

/**
 * Attaches onset capabilities and regimes to cases that list their states (`participants`):
 * each side's CINC is the sum over its states in the onset year, recorded only when every state
 * of both sides has a value (a partial sum would understate a side); each side's polity2 is that
 * of its leading state (highest CINC in the onset year; the first listed when no CINC is known).
 * Cases without participants, and sides without a value, are returned unchanged.
 */
export function attachCovariates(
  cases: readonly HistoricalCase[],
  t: StateYearCovariates,
): HistoricalCase[] {
  return cases.map((c) => {
    if (!c.participants) return c;
    const y = c.startYear;
    const cincOf = (cc: number) => t.cinc.get(stateYearKey(cc, y));
    const sum = (ccs: readonly number[]) => {
      let s = 0;
      for (const cc of ccs) {
        const v = cincOf(cc);
        if (v === undefined) return null;
        s += v;
      }
      return ccs.length > 0 ? s : null;
    };
    const leaderPolity = (ccs: readonly number[]): number | null => {
      const ranked = [...ccs].sort((a, b) => (cincOf(b) ?? -1) - (cincOf(a) ?? -1));
      return ranked.length > 0 ? (t.polity2.get(stateYearKey(ranked[0], y)) ?? null) : null;
    };
    const a = sum(c.participants.a);
    const b = sum(c.participants.b);
    const out: HistoricalCase = {
      ...c,
      polity2: { a: leaderPolity(c.participants.a), b: leaderPolity(c.participants.b) },
    };
    if (a !== null && b !== null && a > 0 && b > 0)
      out.capability = { year: y, cincA: a, cincB: b };
    return out;
  });
}
