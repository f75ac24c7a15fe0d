/**
 * A draft term sheet for a scenario's settlement: the engine's distribution of the share of the
 * stake, and the provision families that comparable settlement texts used, each with its history.
 * A starting point for drafting, not advice. Design choices: PA-X does not code how a stake was
 * divided, so "agreements with similar terms" are approximated by the kind of text a settlement
 * is, the substantive agreements (Stage SubPar or SubComp) among the comparable ones (all of them
 * when none is substantive); a family becomes a clause when at least CLAUSE_SHARE of those have it.
 */
import { PROVISION_FAMILIES } from './families.ts';
import { relapseShare, share } from './frequencies.ts';
import type { ComparableAgreement, TermSheet } from './schema.ts';

export const CLAUSE_SHARE = 0.25;
export const TERM_SHEET_LABEL =
  'Draft term sheet: a starting point for drafting, not advice. Shares come from the simulation; clauses from what comparable agreements contained; neither says what will work here.';

export type SettlementTerms = {
  runs: number;
  seed: number;
  settlements: number;
  sideA: string;
  sideB: string;
  quantiles: { p10: number | null; p50: number | null; p90: number | null };
  territorial: boolean | null;
};

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(100 * x)}%`);

export function draftTermSheet(
  t: SettlementTerms,
  agreements: readonly ComparableAgreement[],
): TermSheet {
  const substantive = agreements.filter((a) => a.stage === 'SubPar' || a.stage === 'SubComp');
  const basisSet = substantive.length > 0 ? substantive : agreements;
  const q = t.quantiles;
  const what = t.territorial
    ? 'the contested territory and the questions attached to it'
    : 'the stake';
  const stakeClause =
    t.settlements === 0
      ? `No run of ${t.runs} reached a settlement within the horizon: the simulation gives no terms to draft from.`
      : `Division of ${what}: ${t.sideA} about ${pct(q.p50)} and ${t.sideB} about ${q.p50 === null ? '—' : `${100 - Math.round(100 * q.p50)}%`} (median of ${t.settlements} settled runs; 10–90%: ${t.sideA} ${pct(q.p10)}–${pct(q.p90)}). The line, its administration and how it is verified are to be defined.`;
  const clauses = PROVISION_FAMILIES.map((f) => {
    const has = basisSet.filter((a) => a.families.includes(f.id));
    return { f, has, present: share(has.length, basisSet.length) };
  })
    .filter((c) => c.present.n > 0 && c.has.length / c.present.n >= CLAUSE_SHARE)
    .sort((x, y) => y.has.length - x.has.length)
    .map(({ f, has, present }) => ({
      family: f.id,
      label: f.label,
      present,
      relapse5yWith: relapseShare(
        agreements.filter((a) => a.families.includes(f.id)),
        5,
      ),
      relapse5yWithout: relapseShare(
        agreements.filter((a) => !a.families.includes(f.id)),
        5,
      ),
      examples: has
        .slice(0, 3)
        .map((a) => ({ paxId: a.paxId, name: a.name, date: a.date, link: a.link })),
    }));
  return {
    label: TERM_SHEET_LABEL,
    runs: t.runs,
    seed: t.seed,
    settlements: t.settlements,
    sideA: t.sideA,
    sideB: t.sideB,
    shareA: q,
    stakeClause,
    basis: `${basisSet.length} ${substantive.length > 0 ? 'substantive (partial or comprehensive)' : 'comparable'} agreements; a provision family is a clause when at least ${Math.round(100 * CLAUSE_SHARE)}% of them have it`,
    clauses,
  };
}
