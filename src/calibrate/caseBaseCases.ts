/**
 * Historical cases from Parley's own case base (data/cases/*.yaml): the war's length and ending,
 * its states (COW codes), the case base's regime coding, and what it records of the peace
 * process — mediators offering their services and back channels opening — as far as it was
 * known on the forecast date `knownByMonth` (months since onset). Events after that date are
 * outcomes to be forecast, not inputs: a back-test of time to first contact must pass its
 * forecast month (0 at onset); passing Infinity conditions on the whole recorded process.
 */
import { monthsBetween, type Case, type Dated } from '../history/caseSchema.ts';
import {
  MAJOR_POWERS,
  type CaseProcess,
  type Ending,
  type HistoricalCase,
} from './historicalCases.ts';

const ENDING: Record<Case['outcome'], Ending | null> = {
  'victory-side-a': 'victory',
  'victory-side-b': 'victory',
  'negotiated-settlement': 'agreement',
  'ceasefire-frozen': 'ceasefire',
  'petered-out': 'lowActivity',
  ongoing: null,
};

const REGIME = {
  democracy: 'democracy',
  anocracy: 'mixed',
  autocracy: 'autocracy',
  'non-state': null,
  colonial: null,
} as const;

const GOVERNMENT = new Set(['government', 'regime-change']);
const TERRITORY = new Set(['territory', 'secession', 'autonomy', 'independence']);

/** Whole months from onset, floored like the COW and UCDP cases (month k = the (k+1)-th month). */
const monthIndex = (from: Dated, to: Dated): number => Math.floor(monthsBetween(from, to));

export function caseBaseCases(
  cases: readonly Case[],
  opts: { knownByMonth: number; censorDate: string },
): HistoricalCase[] {
  const censor: Dated = { date: opts.censorDate, precision: 'day' };
  return cases.map((c) => {
    const states = (side: 'a' | 'b') => [
      ...new Set(
        c.belligerents
          .filter((b) => b.side === side && b.role === 'primary' && b.cowCode !== undefined)
          .map((b) => b.cowCode!),
      ),
    ];
    const a = states('a');
    const b = states('b');
    // design choice: internationalized civil and extra-state wars pit a state against a non-state side, as civil wars do
    const kind = c.type === 'interstate' ? 'interstate' : 'civil';
    const gov = c.stakes.some((s) => GOVERNMENT.has(s));
    const ter = c.stakes.some((s) => TERRITORY.has(s));
    const process: CaseProcess = { mediators: [], backChannels: [] };
    const seen = new Set<string>();
    for (const e of c.timeline) {
      const month = monthIndex(c.start, e.date);
      if (month > opts.knownByMonth) continue;
      if (e.kind === 'mediation' && !seen.has(e.mediator)) {
        seen.add(e.mediator);
        process.mediators.push({
          month,
          name: e.mediator,
          kind: e.mediatorKind,
          biasToward: e.bias.toward,
          strategy: e.strategy,
        });
      } else if (e.kind === 'back-channel') process.backChannels.push({ month });
    }
    return {
      id: `case-${c.id}`,
      source: 'case-base',
      name: c.name,
      kind,
      startYear: Number(c.start.date.slice(0, 4)),
      months: monthIndex(c.start, c.end ?? censor),
      ended: c.end !== null,
      ending: ENDING[c.outcome],
      onset: {
        statesA: a.length,
        statesB: b.length,
        majorsA: a.filter((x) => MAJOR_POWERS.has(x)).length,
        majorsB: b.filter((x) => MAJOR_POWERS.has(x)).length,
        postWar: Number(c.start.date.slice(0, 4)) > 1945 ? 1 : 0,
        // UCDP's coding: 1 territory, 2 government, 3 both; inter-state wars 0 as in the COW cases
        incompatibility: kind === 'interstate' ? 0 : gov && ter ? 3 : gov ? 2 : ter ? 1 : 0,
        intensity: 2,
      },
      participants: { a, b },
      recordedRegimes: { a: REGIME[c.regimes.sideA], b: REGIME[c.regimes.sideB] },
      process,
    };
  });
}
