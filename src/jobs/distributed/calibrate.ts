/**
 * `calibrate` (src/calibrate/calibrate.ts) with each objective evaluation's simulations on the
 * distributed workers. Nelder–Mead is sequential — each step needs the value before it — so the
 * parallel unit is one evaluation: every historical case's scenario is a chunk, all enqueued at
 * once. The search itself is the core's synchronous nelderMead, replayed: it runs on cached
 * objective values and stops at the first vector not yet evaluated; that vector is evaluated on
 * the workers and the (deterministic) search is replayed from the start. Replays cost only
 * arithmetic (O(evaluations²) cheap steps), and the result is the local calibration's exactly.
 */
import {
  fitOf,
  KNOBS,
  knobValues,
  momentsOf,
  paramsFromVector,
  vectorFromStart,
  type CalibrationInput,
  type CalibrationResult,
  type Fit,
} from '../../calibrate/calibrate.ts';
import { nelderMead } from '../../calibrate/nelderMead.ts';
import { scenarioFromCase } from '../../calibrate/scenarioFromCase.ts';
import { caseSimulationFromRecords, type CaseSimulation } from '../../calibrate/simulateCases.ts';
import type { RecordSet } from '../../analysis/outcomes.ts';
import { simulateRecordsDistributed, type DistributedRunOptions } from './analyses.ts';

/** Thrown inside the replayed search when it reaches a vector with no value yet. */
class NeedsEvaluation extends Error {
  constructor(readonly x: number[]) {
    super('needs evaluation');
  }
}

const caseSimulation = (id: string, r: RecordSet, horizon: number): CaseSimulation =>
  caseSimulationFromRecords(id, r.records, horizon);

export interface DistributedCalibrationOptions extends DistributedRunOptions {
  /** after each new evaluation on the workers: count so far and its objective */
  onEvaluation?: (count: number, objective: number) => void;
}

export async function calibrateDistributed(
  input: CalibrationInput,
  opts: DistributedCalibrationOptions,
): Promise<CalibrationResult> {
  const knobs = input.knobs ?? KNOBS;
  const fits = new Map<string, Fit>();
  const keyOf = (x: readonly number[]) => JSON.stringify(x);

  const evaluate = async (x: number[]): Promise<Fit> => {
    const known = fits.get(keyOf(x));
    if (known) return known;
    const p = paramsFromVector(x, knobs, input.base);
    const s = { ...p, runs: input.runs, horizonMonths: input.horizonMonths, seed: input.seed };
    const cases = [...input.cow, ...input.ucdp];
    const records = await simulateRecordsDistributed(
      cases.map((c) => scenarioFromCase(c, s)),
      { ...opts, names: cases.map((c) => `case ${c.id}`) },
    );
    const sims = cases.map((c, i) => caseSimulation(c.id, records[i], input.horizonMonths));
    const cowSims = sims.slice(0, input.cow.length);
    const ucdpSims = input.ucdp.map((c, i) => ({
      kind: c.kind,
      sim: sims[input.cow.length + i],
      ending: c.ending,
      episode: c,
    }));
    const fit = fitOf(momentsOf(cowSims, ucdpSims, input.horizonMonths, input.cow), input.targets);
    fits.set(keyOf(x), fit);
    opts.onEvaluation?.(fits.size, fit.objective);
    return fit;
  };

  const start = vectorFromStart(knobs, input.warmStart);
  let res: ReturnType<typeof nelderMead>;
  for (;;) {
    try {
      res = nelderMead(
        (x) => {
          const f = fits.get(keyOf(x));
          if (!f) throw new NeedsEvaluation(x.slice());
          return f.objective;
        },
        start,
        { step: 1, maxEvaluations: input.maxEvaluations, tolerance: 1e-4 },
      );
      break;
    } catch (e) {
      if (!(e instanceof NeedsEvaluation)) throw e;
      await evaluate(e.x);
    }
  }
  const best = paramsFromVector(res.x, knobs, input.base);
  return {
    parameters: knobValues(best, knobs),
    engine: best.engine,
    builder: best.builder,
    // the literature values, whichever point the search began from
    start: await evaluate(vectorFromStart(knobs)),
    fit: await evaluate(res.x),
    evaluations: res.evaluations,
  };
}
