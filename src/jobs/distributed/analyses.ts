/**
 * Distributed counterparts of the local analyses (localPool.ts runScenarioParallel, recordsPool.ts
 * simulateRecordsMany, analyses.ts runComparison / runTornado / runMorris): the same core calls
 * on the same scenarios, but the simulations run as chunks on `parley worker` processes. Chunk
 * results are merged in (scenario, first run) order — integer aggregates add exactly and per-run
 * records are concatenated — so every result is byte-identical to the local one with the same
 * seed. When chunks fail for good, the error names them and carries what did finish.
 */
import {
  summariseRecords,
  type Comparison,
  type Factor,
  type MetricId,
  type Morris,
  type Outcomes,
  type Tornado,
} from '../../analysis/index.ts';
import type { RecordSet } from '../../analysis/outcomes.ts';
import {
  Aggregate,
  resultMeta,
  summarise,
  type AggregateArrays,
  type RunRecords,
  type RunResult,
} from '../../engine/index.ts';
import type { Result, Scenario, Variant } from '../../model/index.ts';
import { runComparison, runMorris, runTornado, type RecordsSimulator } from '../analyses.ts';
import { decodeArrays } from './codec.ts';
import {
  describeFailures,
  runSweep,
  type ChunkFailure,
  type DistributedOptions,
} from './coordinator.ts';

/** Some chunks failed after every attempt; `partial` holds what finished (per scenario, or undefined). */
export class DistributedSweepError<P = unknown> extends Error {
  constructor(
    message: string,
    readonly failures: ChunkFailure[],
    readonly partial: P,
  ) {
    super(message);
    this.name = 'DistributedSweepError';
  }
}

export type DistributedRunOptions = Omit<DistributedOptions, 'onCell'>;

/** Adds chunk aggregates in run order. */
export function mergeAggregateParts(parts: readonly Buffer[]): Aggregate {
  let agg: Aggregate | undefined;
  for (const p of parts) {
    const { scalars, arrays } = decodeArrays(p);
    const { horizonMonths, followUp, runs } = scalars;
    const data = { horizon: horizonMonths, followUp, runs, ...arrays };
    const a = Aggregate.fromJSON(data as unknown as AggregateArrays);
    agg = agg ? agg.merge(a) : a;
  }
  if (!agg) throw new Error('invalid merge: no parts');
  return agg;
}

/** Concatenates chunk records in run order into one RecordSet. */
export function concatRecordParts(parts: readonly Buffer[]): RecordSet {
  const decoded = parts.map(decodeArrays);
  const runs = decoded.reduce((s, d) => s + d.scalars.runs, 0);
  const { horizonMonths, followUp } = decoded[0].scalars;
  const names = Object.keys(decoded[0].arrays) as (keyof RunRecords)[];
  const records = {} as Record<keyof RunRecords, Float64Array | Int16Array | Uint8Array>;
  for (const name of names) {
    const first = decoded[0].arrays[name];
    const Ctor = first.constructor as new (n: number) => typeof first;
    const out = new Ctor(decoded.reduce((s, d) => s + d.arrays[name].length, 0));
    let at = 0;
    for (const d of decoded) {
      out.set(d.arrays[name], at);
      at += d.arrays[name].length;
    }
    records[name] = out;
  }
  return { runs, horizonMonths, followUp, records: records as unknown as RunRecords };
}

const cellLabel = (scenarios: readonly Scenario[], names?: readonly string[]) => (cell: number) =>
  names?.[cell] ?? `${scenarios[cell].id}#${cell}`;

/** `runScenarioParallel` on the workers (no traces: those are computed locally when wanted). */
export async function runScenarioDistributed(
  scenario: Scenario,
  opts: DistributedRunOptions,
): Promise<RunResult> {
  const out = await runSweep('aggregate', [scenario], opts);
  const meta = resultMeta(scenario, opts.explainMonth);
  if (out.failures.length > 0) {
    const done = out.failures.length < out.chunks ? 'some chunks finished' : 'nothing finished';
    throw new DistributedSweepError(
      `✖ distributed run of ${scenario.id}: ${describeFailures(out.failures)}; ${done}`,
      out.failures,
      undefined,
    );
  }
  return summarise(mergeAggregateParts(out.cells[0]!), meta);
}

/**
 * `simulateRecordsMany` on the workers. `onDone` sees each scenario as its last chunk lands (in
 * finishing order, like the local pool). Throws DistributedSweepError<(RecordSet | undefined)[]>
 * when chunks fail; `names` label scenarios in that message.
 */
export async function simulateRecordsDistributed(
  scenarios: readonly Scenario[],
  opts: DistributedRunOptions & {
    names?: readonly string[];
    onDone?: (index: number, records: RecordSet) => void | Promise<void>;
  },
): Promise<RecordSet[]> {
  const out = await runSweep('records', scenarios, {
    ...opts,
    onCell: opts.onDone ? (cell, parts) => opts.onDone!(cell, concatRecordParts(parts)) : undefined,
  });
  const sets = out.cells.map((parts) => (parts ? concatRecordParts(parts) : undefined));
  if (out.failures.length > 0)
    throw new DistributedSweepError(
      `✖ distributed sweep: ${describeFailures(out.failures, cellLabel(scenarios, opts.names))}; ${sets.filter(Boolean).length} of ${scenarios.length} scenarios finished`,
      out.failures,
      sets,
    );
  return sets as RecordSet[];
}

/** Partial outcomes (per scenario, null when unfinished) of a failed records sweep. */
export function partialOutcomes(e: DistributedSweepError): (Outcomes | null)[] {
  return (e.partial as (RecordSet | undefined)[]).map((r) => (r ? summariseRecords(r) : null));
}

/** The workers as an analysis' records simulator (analyses.ts). */
const onWorkers =
  (opts: DistributedRunOptions): RecordsSimulator =>
  (scenarios, names) =>
    simulateRecordsDistributed(scenarios, { ...opts, names });

/** analyses.ts runComparison, on the workers. */
export function runComparisonDistributed(
  scenario: Scenario,
  extra: readonly Variant[],
  opts: DistributedRunOptions & { bootstrap: number },
): Promise<Result<Comparison | undefined>> {
  return runComparison(scenario, extra, { threads: onWorkers(opts), bootstrap: opts.bootstrap });
}

/** analyses.ts runTornado, on the workers. */
export function runTornadoDistributed(
  scenario: Scenario,
  factors: Factor[],
  rankedBy: MetricId,
  opts: DistributedRunOptions,
): Promise<Result<Tornado>> {
  return runTornado(scenario, factors, onWorkers(opts), rankedBy);
}

/** analyses.ts runMorris, on the workers. */
export function runMorrisDistributed(
  scenario: Scenario,
  factors: Factor[],
  r: number,
  rankedBy: MetricId,
  opts: DistributedRunOptions,
): Promise<Result<Morris>> {
  return runMorris(scenario, factors, onWorkers(opts), r, rankedBy);
}
