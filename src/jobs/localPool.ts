/**
 * Runs a scenario on a pool of worker threads (piscina): each thread claims slices of runs from a
 * shared counter (simulateWorker.ts) and returns one aggregate. Because every run draws from its
 * own (seed, run) streams and aggregates hold only integer sums, the result is byte-identical for
 * any number of threads and any split.
 */
import { getPool, workerPath } from './workerPool.ts';
import type { Scenario } from '../model/index.ts';
import {
  Aggregate,
  compile,
  emptyTraces,
  resultMeta,
  simulateBlock,
  summarise,
  type AggregateArrays,
  type RunResult,
} from '../engine/index.ts';
import type { ClaimTask } from './simulateWorker.ts';

export interface PoolRunOptions {
  threads?: number;
  explainMonth?: number;
  /** Month-by-month traces of the first N runs (computed on this thread; identical to any split). */
  traces?: number;
  /** Progress: runs finished so far. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Stops the work early (the client went away, the server shuts down): no new slice is claimed,
   * and the call rejects with the signal's reason instead of a result.
   */
  signal?: AbortSignal;
}

const WORKER = workerPath(import.meta.url, 'simulateWorker');

export async function runScenarioParallel(
  scenario: Scenario,
  opts: PoolRunOptions = {},
): Promise<RunResult> {
  return addTraces(
    await runAggregates(scenario, opts),
    scenario,
    opts.traces ?? 0,
    opts.explainMonth,
  );
}

/** Month-by-month traces of the first `traces` runs, computed on this thread (any split gives the same). */
export function addTraces(
  result: RunResult,
  scenario: Scenario,
  traces: number,
  explainMonth?: number,
): RunResult {
  const n = Math.min(traces, scenario.settings.runs);
  if (n > 0) {
    const out = emptyTraces(n);
    simulateBlock(compile(scenario), 0, n, { explainMonth, traces: out });
    result.traces = out;
  }
  return result;
}

async function runAggregates(scenario: Scenario, opts: PoolRunOptions): Promise<RunResult> {
  const threads = Math.max(1, opts.threads ?? 1);
  const total = scenario.settings.runs;
  const meta = resultMeta(scenario, opts.explainMonth);
  opts.signal?.throwIfAborted();
  if (threads === 1) {
    const agg = simulateBlock(compile(scenario), 0, total, {
      explainMonth: opts.explainMonth,
      onRuns: (d) => opts.onProgress?.(d, total),
    });
    return summarise(agg, meta);
  }
  const pool = await getPool(WORKER, threads);
  // one task per thread; the threads claim slices of runs from a shared counter
  const counters = new Int32Array(new SharedArrayBuffer(8));
  const progress = opts.onProgress
    ? setInterval(() => opts.onProgress?.(Atomics.load(counters, 1), total), 100)
    : undefined;
  // claiming past the end stops every thread after its current slice (at most 2,048 runs)
  const stop = () => Atomics.store(counters, 0, total);
  opts.signal?.addEventListener('abort', stop, { once: true });
  try {
    const parts = await Promise.all(
      Array.from({ length: threads }, () => {
        const task: ClaimTask = {
          scenario,
          runs: total,
          explainMonth: opts.explainMonth,
          counters: counters.buffer,
          threads,
        };
        return pool.run(task) as Promise<AggregateArrays>;
      }),
    );
    opts.signal?.throwIfAborted();
    opts.onProgress?.(total, total);
    const agg = Aggregate.fromJSON(parts[0]);
    for (let k = 1; k < parts.length; k++) agg.merge(Aggregate.fromJSON(parts[k]));
    return summarise(agg, meta);
  } finally {
    clearInterval(progress);
    opts.signal?.removeEventListener('abort', stop);
  }
}

export { closePools } from './workerPool.ts';
