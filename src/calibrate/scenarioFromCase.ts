/**
 * Builds an engine scenario from what was known about a historical case at onset: the kind of
 * war, the number of states and major powers on each side (a strength ratio), and a generic
 * cost, front and prior-uncertainty setting whose levels are calibrated (see calibrate.ts).
 * Design choice: Parley has no capability data loaded, so strength is a ratio of weighted side
 * sizes (a major power counts three states); civil wars give the government twice the rebels'
 * strength (Mason & Fett 1996 find governments usually stronger) and a mediator who may arrive.
 */
import { ScenarioSchema, type Scenario } from '../model/index.ts';
import type { HistoricalCase } from './historicalCases.ts';

/** Scenario-level settings that no dataset measures; calibrated with the engine's defaults. */
export type BuilderParams = {
  /** Median monthly cost of war, as a share of the stake (c_i). */
  costScale: number;
  /** Monthly costs are drawn uniformly in [costScale / costSpread, costScale · costSpread]. */
  costSpread: number;
  /** SD of each leader's optimism bias (prior uncertainty about the balance of power). */
  optimismSd: number;
  /** K: net battle wins between the two military victories. */
  frontPositions: number;
};

export const DEFAULT_BUILDER: BuilderParams = {
  costScale: 0.02,
  costSpread: 1,
  optimismSd: 0,
  frontPositions: 10,
};

export type EngineOverrides = Record<string, Record<string, number>>;

export function strengthRatio(c: HistoricalCase): number {
  if (c.kind === 'civil') return 2;
  const w = (states: number, majors: number) => Math.max(1, states + 2 * majors);
  return Math.min(
    5,
    Math.max(0.2, w(c.onset.statesA, c.onset.majorsA) / w(c.onset.statesB, c.onset.majorsB)),
  );
}

export function scenarioFromCase(
  c: HistoricalCase,
  opts: {
    builder: BuilderParams;
    engine?: EngineOverrides;
    runs: number;
    horizonMonths: number;
    seed: number;
  },
): Scenario {
  const b = opts.builder;
  const cost =
    b.costSpread > 1.0001
      ? {
          low: Math.max(0, b.costScale / b.costSpread),
          high: Math.min(0.5, b.costScale * b.costSpread),
        }
      : b.costScale;
  const optimism = b.optimismSd > 0 ? { mean: 0, sd: b.optimismSd } : 0;
  const belligerent = (id: string, side: 'A' | 'B', strength: number) => ({
    id,
    name: id,
    role: 'belligerent',
    side,
    military: { strength, monthlyCost: cost },
    beliefs: { optimism },
  });
  const parties: Record<string, unknown>[] = [
    belligerent('side-a', 'A', strengthRatio(c)),
    belligerent('side-b', 'B', 1),
  ];
  if (c.kind === 'civil')
    parties.push({
      id: 'mediator',
      name: 'mediator',
      role: 'mediator',
      mediation: { arrivalRate: 0.03 },
    });
  return ScenarioSchema.parse({
    id: c.id.replace(/[^a-z0-9-]/g, '-').slice(0, 60),
    name: c.name || c.id,
    type: c.kind === 'civil' ? 'civil' : 'interstate',
    parties,
    front: { positions: Math.round(b.frontPositions) },
    settings: { runs: opts.runs, horizonMonths: opts.horizonMonths, seed: opts.seed },
    mechanisms: opts.engine ?? {},
  });
}
