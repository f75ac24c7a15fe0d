/**
 * Simulates many scenarios (variants, sensitivity points, sweep cells), each whole, on a pool of
 * worker threads (one scenario per task), keeping one record per run. Results are identical for
 * any thread count: each scenario is simulated by the same deterministic engine call.
 */
import { setMaxListeners } from 'node:events';
import { getPool, workerPath } from './workerPool.ts';
import type { Scenario } from '../model/index.ts';
import { simulateRecords, type RecordSet } from '../analysis/outcomes.ts';
import type { RecordsTask } from './recordsWorker.ts';

const WORKER = workerPath(import.meta.url, 'recordsWorker');

export interface ManyOptions {
  threads?: number;
  /** called as each scenario finishes, with its index */
  onDone?: (index: number, records: RecordSet) => void | Promise<void>;
  /** Stops early: scenarios not yet simulated are dropped and the call rejects with its reason. */
  signal?: AbortSignal;
}

export async function simulateRecordsMany(
  scenarios: readonly Scenario[],
  opts: ManyOptions = {},
): Promise<RecordSet[]> {
  const threads = Math.max(1, opts.threads ?? 1);
  opts.signal?.throwIfAborted();
  if (threads === 1 || scenarios.length === 1) {
    const out: RecordSet[] = [];
    for (let i = 0; i < scenarios.length; i++) {
      if (i > 0) await new Promise(setImmediate); // lets an abort arrive between scenarios
      opts.signal?.throwIfAborted();
      out.push(simulateRecords(scenarios[i]));
      await opts.onDone?.(i, out[i]);
    }
    return out;
  }
  const p = await getPool(WORKER, threads);
  // each task listens on the signal until it ends: as many listeners as scenarios, by design
  if (opts.signal) setMaxListeners(scenarios.length + 10, opts.signal);
  return Promise.all(
    scenarios.map(async (scenario, i) => {
      const task: RecordsTask = { scenario };
      // piscina drops a waiting task and stops the thread of a running one on abort
      const r = (await p.run(task, { signal: opts.signal })) as RecordSet;
      await opts.onDone?.(i, r);
      return r;
    }),
  ).catch((e: unknown) => {
    // report why the work was stopped, not how piscina stopped it
    throw opts.signal?.aborted ? opts.signal.reason : e;
  });
}
