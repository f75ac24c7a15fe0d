/**
 * The analogue feature set: a small, documented description of a war at the moment talks were
 * (or could have been) on the table, computed from a case or (in scenarioFeatures.ts) a scenario.
 * Every feature may be null (unknown); the distance then ignores it (Gower 1971).
 * Design choices are marked; docs/history.md lists the features and weights.
 */
import {
  datedToYear,
  isPreWar,
  monthsBetween,
  type Case,
  type CaseType,
  type NegotiationEvent,
  type Regime,
  type SupportLevel,
} from './caseSchema.ts';

export type Features = {
  /** war type (categorical; civil vs internationalized-civil count as half different) */
  warType: CaseType | null;
  /** months from onset to the first negotiation contact, or to the end if there was none (log-scaled in the distance) */
  durationMonths: number | null;
  /** battlefield when talks opened: 0 stalemate, 1 momentum to one side; null unclear */
  momentum: number | null;
  /** strongest outside support to either side, 0 none … 3 decisive */
  supportMax: number | null;
  /** weaker side's outside support, 0 none … 3 decisive */
  supportMin: number | null;
  /** the two sides' regime classes, sorted and joined ("autocracy+democracy") */
  regimePair: string | null;
  /** territory, secession, autonomy or independence at stake */
  territorial: boolean | null;
  /** a third party mediated at some point */
  mediation: boolean | null;
  /** battle deaths per month of war, all sides (log-scaled in the distance) */
  deathsPerMonth: number | null;
};

export type FeatureName = keyof Features;

export const SUPPORT_ORDINAL: Record<SupportLevel, number> = {
  none: 0,
  limited: 1,
  substantial: 2,
  decisive: 3,
};

const TERRITORIAL = new Set(['territory', 'secession', 'autonomy', 'independence']);

/** Sorted regime pair, the categorical value used by the distance. */
export function regimePair(a: Regime | 'mixed', b: Regime | 'mixed'): string {
  const norm = (r: Regime | 'mixed') => (r === 'mixed' ? 'anocracy' : r);
  return [norm(a), norm(b)].sort().join('+');
}

/** Kinds of timeline event that count as a negotiation contact. */
export const CONTACT_KINDS = new Set([
  'secret-contact',
  'back-channel',
  'public-talks',
  'mediation',
]);

/**
 * A contact that counts for time-to-talks: a contact kind, not before the war began (pre-war
 * contacts are recorded with `preWar: true` and left out of every lag; docs/history.md).
 */
export const isWartimeContact = (c: Case, e: NegotiationEvent): boolean =>
  CONTACT_KINDS.has(e.kind) && !isPreWar(e, c.start);

/**
 * Features of a case. `asOfYear` (decimal year) closes ongoing wars for the duration and
 * intensity; the edge passes the current date, the core never reads the clock.
 */
export function caseFeatures(c: Case, asOfYear: number): Features {
  const endYear = c.end ? datedToYear(c.end) : asOfYear;
  const totalMonths = Math.max(0.5, (endYear - datedToYear(c.start)) * 12);
  const firstContact = c.timeline.find((e) => isWartimeContact(c, e));
  const durationMonths = firstContact ? monthsBetween(c.start, firstContact.date) : totalMonths;
  const momentum =
    c.battlefieldAtTalks === 'stalemate'
      ? 0
      : c.battlefieldAtTalks === 'momentum-side-a' || c.battlefieldAtTalks === 'momentum-side-b'
        ? 1
        : null;
  const a = SUPPORT_ORDINAL[c.outsideSupport.sideA];
  const b = SUPPORT_ORDINAL[c.outsideSupport.sideB];
  return {
    warType: c.type,
    durationMonths,
    momentum,
    supportMax: Math.max(a, b),
    supportMin: Math.min(a, b),
    regimePair: regimePair(c.regimes.sideA, c.regimes.sideB),
    territorial: c.stakes.some((s) => TERRITORIAL.has(s)),
    mediation: c.timeline.some((e) => e.kind === 'mediation'),
    deathsPerMonth: c.casualties ? c.casualties.battleDeaths / totalMonths : null,
  };
}
