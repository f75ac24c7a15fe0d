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
import { BlockRunner, compile, type AggregateArrays } from '../engine/index.ts';

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

/** Guided slices: large while much is left, down to MIN_SLICE runs at the end. */
const MIN_SLICE = 64;
const MAX_SLICE = 2048;

function sliceSize(remaining: number, threads: number): number {
  return Math.min(MAX_SLICE, Math.max(MIN_SLICE, Math.ceil(remaining / (4 * threads))));
}

export default function simulateClaims(task: ClaimTask): AggregateArrays {
  const json = JSON.stringify(task.scenario);
  if (!cached || cached.json !== json)
    cached = { json, compiled: compile(ScenarioSchema.parse(task.scenario)) };
  const runner = new BlockRunner(cached.compiled, { explainMonth: task.explainMonth });
  const counters = new Int32Array(task.counters);
  for (;;) {
    const from = Atomics.load(counters, 0);
    if (from >= task.runs) break;
    const size = Math.min(sliceSize(task.runs - from, task.threads), task.runs - from);
    if (Atomics.compareExchange(counters, 0, from, from + size) !== from) continue; // taken
    runner.add(from, size);
    Atomics.add(counters, 1, size);
  }
  return runner.agg.toArrays();
}
