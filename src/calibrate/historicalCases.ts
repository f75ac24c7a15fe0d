/**
 * Historical cases for calibration and back-testing: one record per war (COW inter-state) or
 * conflict episode (UCDP termination, conflict level), with its length in whole months, how it
 * ended, and only covariates that were known at onset.
 * Sources: Sarkees & Wayman (2010) COW v4.0; Kreutz (2010) UCDP Conflict Termination v3-2021.
 * Deviations: (1) months are days / 30.44, floored, so month index k means "ended in month k+1",
 * the engine's endMonth convention; (2) COW side strength at onset is proxied by the number of
 * states and of major powers on each side; the edge may add CINC and polity2 (covariates.ts).
 */
import { cowWarDays, summariseCowWars } from '../history/cowWars.ts';
import type { CowInterstateRow, UcdpTerminationRow } from '../history/datasetRows.ts';

export type Ending = 'victory' | 'agreement' | 'ceasefire' | 'lowActivity' | 'other';

export type HistoricalCase = {
  id: string;
  source: 'cow-interstate' | 'ucdp' | 'case-base';
  name: string;
  kind: 'interstate' | 'civil';
  startYear: number;
  /** Whole months from onset to the end (or to censoring). */
  months: number;
  ended: boolean;
  ending: Ending | null;
  /** Known at onset. */
  onset: {
    statesA: number;
    statesB: number;
    majorsA: number;
    majorsB: number;
    /** 1 if the war began after 1945 */
    postWar: number;
    /** UCDP: 1 territory, 2 government, 3 both (COW: 0) */
    incompatibility: number;
    /** UCDP intensity in the first year (2 = war); COW: 2 */
    intensity: number;
  };
  /** COW state codes fighting on each side at onset (COW cases, and case-base states with a code). */
  participants?: { a: number[]; b: number[] };
  /** Sum of the sides' CINC in the onset year (COW NMC v6.0), set by attachCovariates when known. */
  capability?: { year: number; cincA: number; cincB: number };
  /** polity2 of each side's leading state in the onset year (Polity5), set by attachCovariates. */
  polity2?: { a: number | null; b: number | null };
  /** The case base's own regime coding (engine terms), used when polity2 is unknown. */
  recordedRegimes?: {
    a: 'democracy' | 'mixed' | 'autocracy' | null;
    b: 'democracy' | 'mixed' | 'autocracy' | null;
  };
  /** What the case base records of the peace process up to the forecast date (see caseBaseCases.ts). */
  process?: CaseProcess;
};

/** Mediators who had offered and back channels that had opened, in months since onset. */
export type CaseProcess = {
  mediators: {
    month: number;
    name: string;
    kind: 'state' | 'io' | 'ngo' | 'individual' | 'religious';
    biasToward: 'a' | 'b' | 'neutral';
    strategy: 'facilitation' | 'formulation' | 'manipulation';
  }[];
  backChannels: { month: number }[];
};

/** COW major powers (Small & Singer), any year. */
export const MAJOR_POWERS = new Set([2, 200, 220, 255, 300, 325, 365, 710, 740]);
const DAYS_PER_MONTH = 30.44;

/** One case per COW inter-state war with known dates. */
export function cowInterstateCases(rows: readonly CowInterstateRow[]): HistoricalCase[] {
  const wars = summariseCowWars(rows);
  const out: HistoricalCase[] = [];
  for (const w of wars.values()) {
    const days = cowWarDays(w);
    if (!w.start || days === null) continue;
    const parts = rows.filter((r) => r.warNum === w.warNum);
    const outcomes = parts.map((r) => r.outcome);
    const ending: Ending = outcomes.includes(1)
      ? 'victory'
      : outcomes.some((o) => o === 3 || o === 6)
        ? 'agreement'
        : 'other';
    const side = (s: number) => parts.filter((r) => (r.side === 2 ? 2 : 1) === s);
    // at onset = joined in the war's first calendar month (late joiners were not known at onset)
    const atOnset = (s: number) => [
      ...new Set(
        side(s)
          .filter(
            (r) =>
              r.startYear1 === w.start!.year &&
              (w.start!.month === null ||
                r.startMonth1 === null ||
                r.startMonth1 === w.start!.month),
          )
          .map((r) => r.ccode),
      ),
    ];
    out.push({
      id: `cow-${w.warNum}`,
      source: 'cow-interstate',
      name: w.name,
      kind: 'interstate',
      startYear: w.start.year,
      months: Math.floor(days / DAYS_PER_MONTH),
      ended: true,
      ending,
      onset: {
        statesA: side(1).length,
        statesB: side(2).length,
        majorsA: side(1).filter((r) => MAJOR_POWERS.has(r.ccode)).length,
        majorsB: side(2).filter((r) => MAJOR_POWERS.has(r.ccode)).length,
        postWar: w.start.year > 1945 ? 1 : 0,
        incompatibility: 0,
        intensity: 2,
      },
      participants: { a: atOnset(1), b: atOnset(2) },
    });
  }
  return out.sort((a, b) => a.startYear - b.startYear || a.id.localeCompare(b.id));
}

const UCDP_ENDING: Record<number, Ending> = {
  1: 'agreement',
  2: 'ceasefire',
  3: 'victory',
  4: 'victory',
  5: 'lowActivity',
  6: 'other',
};

/** One case per UCDP conflict episode (conflict level); episodes not ended by `censorDate` are censored there. */
export function ucdpEpisodeCases(
  rows: readonly UcdpTerminationRow[],
  censorDate = '2020-12-31',
): HistoricalCase[] {
  const byEpisode = new Map<number, UcdpTerminationRow[]>();
  for (const r of rows)
    byEpisode.set(r.conflictepId, [...(byEpisode.get(r.conflictepId) ?? []), r]);
  const out: HistoricalCase[] = [];
  for (const [id, eps] of [...byEpisode.entries()].sort((a, b) => a[0] - b[0])) {
    eps.sort((a, b) => a.year - b.year);
    const first = eps[0];
    const start = first.startDate2 ?? first.startDate;
    if (!start) continue;
    const term = eps.find((r) => r.confterm === 1);
    const end = term?.ependdate ?? (term ? `${term.year}-12-31` : censorDate);
    const days = (Date.parse(end) - Date.parse(start)) / 86_400_000;
    if (!Number.isFinite(days) || days < 0) continue;
    const type = first.typeOfConflict ?? 3;
    if (type === 1) continue; // extrasystemic: no counterpart in the engine's scenario types
    out.push({
      id: `ucdp-${id}`,
      source: 'ucdp',
      name: `${first.location}: ${first.sideB}`,
      kind: type === 2 ? 'interstate' : 'civil',
      startYear: Number(start.slice(0, 4)),
      months: Math.floor(days / DAYS_PER_MONTH),
      ended: term !== undefined,
      ending: term ? (UCDP_ENDING[term.outcome ?? 0] ?? null) : null,
      onset: {
        statesA: 1,
        statesB: type === 2 ? 1 : 0,
        majorsA: 0,
        majorsB: 0,
        postWar: 1,
        incompatibility: first.incompatibility ?? 0,
        intensity: first.intensityLevel ?? 1,
      },
    });
  }
  return out.sort((a, b) => a.startYear - b.startYear || a.id.localeCompare(b.id));
}

/** Onset covariates as a numeric row for the regression baselines. */
export function onsetCovariates(c: HistoricalCase): number[] {
  const o = c.onset;
  return [
    Math.log((o.statesA + 2 * o.majorsA + 1) / (o.statesB + 2 * o.majorsB + 1)) ** 2,
    o.majorsA + o.majorsB > 0 ? 1 : 0,
    o.statesA + o.statesB > 2 ? 1 : 0,
    o.postWar,
  ];
}
