/**
 * Simulates each historical case's onset scenario and keeps per-run records: month of the end
 * and the ending class, and whether mediated talks had opened before a negotiated end. With the
 * same seed, every parameter vector sees the same random streams (common random numbers), so
 * the calibration objective is smooth enough to search (McFadden 1989; Gouriéroux & Monfort 1996).
 */
import {
  compile,
  createRunRecords,
  Outcome,
  simulateBlock,
  type RunRecords,
} from '../engine/index.ts';
import type { HistoricalCase } from './historicalCases.ts';
import { scenarioFromCase, type BuilderParams, type EngineOverrides } from './scenarioFromCase.ts';

/** 'faded': the fighting died down (UCDP's low activity), outside the ending shares as in the data */
export type SimEnding = 'victory' | 'agreement' | 'ceasefire' | 'faded' | 'ongoing';

export type CaseSimulation = {
  id: string;
  /** endMonth per run, −1 if still at war at the horizon. */
  endMonth: Int16Array;
  ending: SimEnding[];
  /** per run: a negotiated end (agreement or ceasefire) reached after mediated talks opened */
  mediated: Uint8Array;
  horizon: number;
};

export type SimSettings = {
  builder: BuilderParams;
  engine: EngineOverrides;
  runs: number;
  horizonMonths: number;
  seed: number;
};

const ENDING: Record<number, SimEnding> = {
  [Outcome.ongoing]: 'ongoing',
  [Outcome.settlement]: 'agreement',
  [Outcome.ceasefire]: 'ceasefire',
  [Outcome.victoryA]: 'victory',
  [Outcome.victoryB]: 'victory',
  [Outcome.collapseA]: 'victory',
  [Outcome.collapseB]: 'victory',
  [Outcome.faded]: 'faded',
};

export function simulateCase(c: HistoricalCase, s: SimSettings): CaseSimulation {
  const scenario = scenarioFromCase(c, s);
  const records = createRunRecords(s.runs);
  simulateBlock(compile(scenario), 0, s.runs, { records });
  return caseSimulationFromRecords(c.id, records, s.horizonMonths);
}

/** A case's simulation from its per-run records (here, or merged from distributed chunks). */
export function caseSimulationFromRecords(
  id: string,
  records: RunRecords,
  horizon: number,
): CaseSimulation {
  const runs = records.endMonth.length;
  const ending = Array.from(records.outcome, (o) => ENDING[o] ?? 'ongoing');
  const mediated = new Uint8Array(runs);
  for (let r = 0; r < runs; r++) {
    const t = records.firstTalk[4 * r + 2];
    if (
      (ending[r] === 'agreement' || ending[r] === 'ceasefire') &&
      t >= 0 &&
      t <= records.endMonth[r]
    )
      mediated[r] = 1;
  }
  return { id, endMonth: records.endMonth, ending, mediated, horizon };
}

/** Predictive pmf of the end month given the war is still on at `checkpoint` (index = months after the checkpoint); mass beyond the horizon is left out. */
export function remainingPmf(
  sim: CaseSimulation,
  checkpoint: number,
): { pmf: number[]; survivors: number } {
  const pmf = new Array<number>(sim.horizon - checkpoint).fill(0);
  let n = 0;
  for (let r = 0; r < sim.endMonth.length; r++) {
    const e = sim.endMonth[r];
    if (e >= 0 && e < checkpoint) continue;
    n++;
    if (e >= 0) pmf[e - checkpoint]++;
  }
  return { pmf: n ? pmf.map((v) => v / n) : pmf, survivors: n };
}
