/**
 * Analyses that simulate many scenarios on the worker pool: variants compared on common random
 * numbers, tornado and Morris sensitivity. The CLI, the report and the API all call these;
 * problems come back as issues (errors as data), which each edge renders its own way.
 */
import {
  compareVariants,
  distributionFactors,
  morrisDesign,
  morrisEffects,
  planMorris,
  planTornado,
  prepareVariants,
  summariseRecords,
  tornadoFromOutcomes,
  type Comparison,
  type Factor,
  type MetricId,
  type Morris,
  type Tornado,
} from '../analysis/index.ts';
import { belligerents } from '../engine/index.ts';
import { mulberry32 } from '../history/stats.ts';
import type { Result, Scenario, Variant } from '../model/index.ts';
import { simulateRecordsMany } from './recordsPool.ts';

/** The scenario's variants (plus `extra`) against its baseline; `undefined` when it has none. */
export async function runComparison(
  scenario: Scenario,
  extra: readonly Variant[],
  opts: { threads: number; bootstrap: number; onDone?: () => void },
): Promise<Result<Comparison | undefined>> {
  const prepared = prepareVariants(scenario, extra);
  if (!prepared.ok) return prepared;
  if (prepared.value.length < 2) return { ok: true, value: undefined };
  const records = await simulateRecordsMany(
    prepared.value.map((v) => v.scenario),
    { threads: opts.threads, onDone: opts.onDone },
  );
  const [a, b] = belligerents(scenario);
  const comparison = compareVariants(
    prepared.value.map((v, i) => ({
      id: v.id,
      name: v.name,
      description: v.description,
      records: records[i],
    })),
    { rng: mulberry32(scenario.settings.seed), bootstrap: opts.bootstrap, sides: [a.name, b.name] },
  );
  return { ok: true, value: comparison };
}

/** Every input given as a range or distribution, plus explicit factors; an issue when there is none. */
export function sensitivityFactors(
  scenario: Scenario,
  extra: readonly Factor[] = [],
): Result<Factor[]> {
  const factors = [...distributionFactors(scenario), ...extra];
  if (factors.length === 0)
    return {
      ok: false,
      issues: [
        {
          code: 'no_factors',
          path: [],
          message:
            'no input is given as a range or distribution; add some, or name factors (path=low:high)',
        },
      ],
    };
  return { ok: true, value: factors };
}

/** One-at-a-time tornado: the low and high value of every factor, on common random numbers. */
export async function runTornado(
  scenario: Scenario,
  factors: Factor[],
  threads: number,
  rankedBy: MetricId,
): Promise<Result<Tornado>> {
  const plan = planTornado(scenario, factors);
  if (!plan.ok) return plan;
  const records = await simulateRecordsMany([scenario, ...plan.value.map((p) => p.scenario)], {
    threads,
  });
  const outcomes = records.map(summariseRecords);
  return {
    ok: true,
    value: tornadoFromOutcomes(factors, plan.value, outcomes.slice(1), outcomes[0], rankedBy),
  };
}

/** Morris screening on `r` seeded trajectories. */
export async function runMorris(
  scenario: Scenario,
  factors: Factor[],
  threads: number,
  r: number,
  rankedBy: MetricId,
): Promise<Result<Morris>> {
  const design = morrisDesign(factors.length, r, mulberry32(scenario.settings.seed));
  const plan = planMorris(scenario, factors, design);
  if (!plan.ok) return plan;
  const records = await simulateRecordsMany(plan.value, { threads });
  return {
    ok: true,
    value: morrisEffects(factors, design, records.map(summariseRecords), rankedBy),
  };
}
