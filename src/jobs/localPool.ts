/**
 * Runs a scenario on a pool of worker threads (piscina). The runs are cut into chunks of
 * consecutive run indices; each chunk's aggregate is merged in chunk order. Because every run
 * draws from its own (seed, run) streams and aggregates hold only integer counts, the result is
 * byte-identical for any number of threads.
 */
import { fileURLToPath } from 'node:url';
import { getPool } from './workerPool.ts';
import type { Scenario } from '../model/index.ts';
import {
  Aggregate,
  CACHE_BLOCK,
  compile,
  emptyTraces,
  resultMeta,
  simulateBlock,
  summarise,
  type AggregateArrays,
  type RunResult,
} from '../engine/index.ts';
import type { ChunkTask } from './simulateWorker.ts';

export interface PoolRunOptions {
  threads?: number;
  explainMonth?: number;
  /** Month-by-month traces of the first N runs (computed on this thread; identical to any split). */
  traces?: number;
  /** Progress: runs finished so far. */
  onProgress?: (done: number, total: number) => void;
}

const WORKER = fileURLToPath(new URL('./simulateWorker.ts', import.meta.url));

/** Chunks of consecutive runs: about 8 per thread (so threads finish together), each at least one cache block. */
export function planChunks(runs: number, threads: number): { firstRun: number; runs: number }[] {
  const target = Math.max(CACHE_BLOCK, Math.ceil(runs / (threads * 8) / CACHE_BLOCK) * CACHE_BLOCK);
  const chunks = [];
  for (let first = 0; first < runs; first += target)
    chunks.push({ firstRun: first, runs: Math.min(target, runs - first) });
  return chunks;
}

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
  if (threads === 1) {
    const agg = simulateBlock(compile(scenario), 0, total, {
      explainMonth: opts.explainMonth,
      onRuns: (d) => opts.onProgress?.(d, total),
    });
    return summarise(agg, meta);
  }
  const pool = await getPool(WORKER, threads);
  {
    const chunks = planChunks(total, threads);
    let done = 0;
    const parts = await Promise.all(
      chunks.map(async (c) => {
        const task: ChunkTask = {
          scenario,
          firstRun: c.firstRun,
          runs: c.runs,
          explainMonth: opts.explainMonth,
        };
        const data = (await pool.run(task)) as AggregateArrays;
        done += c.runs;
        opts.onProgress?.(done, total);
        return data;
      }),
    );
    const agg = Aggregate.fromJSON(parts[0]);
    for (let k = 1; k < parts.length; k++) agg.merge(Aggregate.fromJSON(parts[k]));
    return summarise(agg, meta);
  }
}

export { closePools } from './workerPool.ts';
