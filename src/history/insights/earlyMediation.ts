/**
 * Early mediation (first three months of a war) and settlements (issue 17). Mediation that comes
 * early, before positions harden and costs sink in, is argued to settle more often (Greig 2001,
 * "Moments of opportunity", JCR 45(6); Regan & Stam 2000, ISQ 44(2)); the twelve-month split is
 * `early-vs-late-mediation`. Timing is read precision-aware: a war counts as early only when
 * its first wartime mediation surely began within three months of onset, late only when it surely
 * began later, and is left out otherwise (a year-precision date cannot say).
 */
import { datedRange, type Case } from '../caseSchema.ts';
import { firstMediatedContact } from '../caseQueries.ts';
import { comparisonInsight, defineInsight, idsOf, shareRow } from './insight.ts';

export const EARLY_MEDIATION_MONTHS = 3;
const EARLY_YEARS = EARLY_MEDIATION_MONTHS / 12;

export type MediationTiming = 'early' | 'late' | 'undetermined' | 'none';

/** Early / late / undetermined from the date windows of onset and first wartime mediation. */
export function mediationTiming(c: Case): MediationTiming {
  const m = firstMediatedContact(c);
  if (!m) return 'none';
  const [startLo, startHi] = datedRange(c.start);
  const [medLo, medHi] = datedRange(m.date);
  if (medHi - startLo <= EARLY_YEARS + 1e-9) return 'early';
  if (medLo - startHi > EARLY_YEARS) return 'late';
  return 'undetermined';
}

const settled = (c: Case): boolean => c.outcome === 'negotiated-settlement';

export const earlyMediationSettlements = defineInsight(
  {
    id: 'early-mediation-settlements',
    topic: 'mediation',
    title: `Settlements after mediation in the first ${EARLY_MEDIATION_MONTHS} months vs later mediation`,
    needs: [],
  },
  ({ cases }, meta) => {
    const ended = cases.filter((c) => c.outcome !== 'ongoing');
    const timed = ended.map((c) => ({ c, t: mediationTiming(c) }));
    const group = (t: MediationTiming) => timed.filter((x) => x.t === t).map((x) => x.c);
    const early = group('early');
    const late = group('late');
    const undetermined = group('undetermined');
    const none = group('none');
    if (early.length + late.length + undetermined.length === 0) return null;
    const a = shareRow(
      `with mediation within ${EARLY_MEDIATION_MONTHS} months of onset`,
      idsOf(early.filter(settled)),
      idsOf(early),
    );
    const b = shareRow('with first mediation later', idsOf(late.filter(settled)), idsOf(late));
    const base = shareRow(
      'never mediated during the war (reference)',
      idsOf(none.filter(settled)),
      idsOf(none),
    );
    return comparisonInsight(
      meta,
      a,
      b,
      (t) =>
        `Ended wars closed with a negotiated settlement ${t} (wars never mediated while fighting: ${base.numerator} of ${base.denominator}).`,
      {
        more: [base],
        caveats: [
          ...(undetermined.length > 0
            ? [
                `${undetermined.length} mediated war(s) left out because their dates are too imprecise to tell whether mediation began within ${EARLY_MEDIATION_MONTHS} months: ${idsOf(undetermined).sort().join(', ')}`,
              ]
            : []),
          'early mediation is more common in short wars that were closer to a deal anyway (selection into mediation; Gartner & Bercovitch 2006)',
          'a settlement counts here even when it came years after the early mediation, which may have failed',
        ],
      },
    );
  },
);
