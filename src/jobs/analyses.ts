/**
 * Analyses that simulate many scenarios on the worker pool: variants compared on common random
 * numbers, tornado and Morris sensitivity. The CLI, the report and the API all call these;
 * problems come back as issues (errors as data), which each edge renders its own way.
 */
import {
  compareVariants,
  distributionFactors,
  formatEdit,
  morrisDesign,
  morrisEffects,
  planMorris,
  planTornado,
  prepareVariants,
  summariseRecords,
  tornadoFromOutcomes,
  variantEdits,
  type Comparison,
  type Factor,
  type MetricId,
  type Morris,
  type Tornado,
} from '../analysis/index.ts';
import { belligerents } from '../engine/index.ts';
import { mulberry32 } from '../history/stats.ts';
import type { Result, Scenario, Variant } from '../model/index.ts';
import type { RecordSet } from '../analysis/outcomes.ts';
import { simulateRecordsMany } from './recordsPool.ts';

/**
 * How an analysis turns its scenarios into per-run records: a thread count for the local pool, or a
 * function (the distributed workers: distributed/analyses.ts). `names` label the scenarios in error
 * messages. Either way the records are identical, so the analyses below are written once.
 */
export type RecordsSimulator =
  number | ((scenarios: readonly Scenario[], names: readonly string[]) => Promise<RecordSet[]>);

/** Progress of an analysis: `done` of its `total` scenarios simulated (local pool only). */
export type OnScenarios = (done: number, total: number) => void;

function simulateWith(
  simulator: RecordsSimulator,
  scenarios: readonly Scenario[],
  names: readonly string[],
  onDone?: OnScenarios,
): Promise<RecordSet[]> {
  let done = 0;
  return typeof simulator === 'number'
    ? simulateRecordsMany(scenarios, {
        threads: simulator,
        onDone: onDone && (() => onDone(++done, scenarios.length)),
      })
    : simulator(scenarios, names);
}

/** The scenario's variants (plus `extra`) against its baseline; `undefined` when it has none. */
export async function runComparison(
  scenario: Scenario,
  extra: readonly Variant[],
  opts: { threads: RecordsSimulator; bootstrap: number; onDone?: OnScenarios },
): Promise<Result<Comparison | undefined>> {
  const prepared = prepareVariants(scenario, extra);
  if (!prepared.ok) return prepared;
  if (prepared.value.length < 2) return { ok: true, value: undefined };
  const records = await simulateWith(
    opts.threads,
    prepared.value.map((v) => v.scenario),
    prepared.value.map((v) => `variant ${v.id}`),
    opts.onDone,
  );
  const [a, b] = belligerents(scenario);
  const comparison = compareVariants(
    prepared.value.map((v, i) => ({
      id: v.id,
      name: v.name,
      description: v.description,
      edits: variantEdits(scenario, v.scenario).map(formatEdit),
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
  threads: RecordsSimulator,
  rankedBy: MetricId,
  onDone?: OnScenarios,
): Promise<Result<Tornado>> {
  const plan = planTornado(scenario, factors);
  if (!plan.ok) return plan;
  const records = await simulateWith(
    threads,
    [scenario, ...plan.value.map((p) => p.scenario)],
    ['base point', ...plan.value.map((_, i) => `tornado point ${i + 1}`)],
    onDone,
  );
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
  threads: RecordsSimulator,
  r: number,
  rankedBy: MetricId,
  onDone?: OnScenarios,
): Promise<Result<Morris>> {
  const design = morrisDesign(factors.length, r, mulberry32(scenario.settings.seed));
  const plan = planMorris(scenario, factors, design);
  if (!plan.ok) return plan;
  const records = await simulateWith(
    threads,
    plan.value,
    plan.value.map((_, i) => `Morris point ${i + 1}`),
    onDone,
  );
  return {
    ok: true,
    value: morrisEffects(factors, design, records.map(summariseRecords), rankedBy),
  };
}
