/**
 * Worker-thread task: claim slices of runs from a counter shared by all the workers of one call
 * and simulate them into one aggregate, which is returned when no run is left to claim. Claiming
 * (rather than a fixed split) keeps both threads busy to the end even when one runs slower (each
 * thread's JIT optimises the engine its own way; measured up to 35% apart), and one task per
 * thread saves a round trip to the main thread per slice. The merged result does not depend on
 * which thread got which runs: every aggregate field is an integer sum (aggregate.ts).
 * Receives the already validated scenario, so the worker never reads files.
 */
import { ScenarioSchema } from '../model/index.ts';
import {
  BlockRunner,
  claimSlice,
  compile,
  sliceSize,
  type AggregateArrays,
} from '../engine/index.ts';

export interface ClaimTask {
  scenario: unknown;
  /** Runs [0, runs) are shared out. */
  runs: number;
  explainMonth?: number;
  /** Int32Array view: [0] next run to claim, [1] runs finished (for progress). */
  counters: SharedArrayBuffer;
  /** Threads claiming from the same counter (sizes the slices). */
  threads: number;
}

let cached: { json: string; compiled: ReturnType<typeof compile> } | undefined;

/** Slices from 64 runs (the end of the work) to 2,048 (four cache blocks) while much is left. */
const SLICES = { min: 64, max: 2048 };

export default function simulateClaims(task: ClaimTask): AggregateArrays {
  const json = JSON.stringify(task.scenario);
  if (!cached || cached.json !== json)
    cached = { json, compiled: compile(ScenarioSchema.parse(task.scenario)) };
  const runner = new BlockRunner(cached.compiled, { explainMonth: task.explainMonth });
  const counters = new Int32Array(task.counters);
  const size = (from: number) => sliceSize(task.runs - from, task.threads, SLICES);
  for (let slice; (slice = claimSlice(counters, 0, task.runs, size));) {
    runner.add(slice.from, slice.size);
    Atomics.add(counters, 1, slice.size);
  }
  return runner.agg.toArrays();
}
