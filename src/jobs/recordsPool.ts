/**
 * Simulates many scenarios (variants, sensitivity points, sweep cells), each whole, on a pool of
 * worker threads (one scenario per task), keeping one record per run. Results are identical for
 * any thread count: each scenario is simulated by the same deterministic engine call.
 */
import { fileURLToPath } from 'node:url';
import { getPool } from './workerPool.ts';
import type { Scenario } from '../model/index.ts';
import { simulateRecords, type RecordSet } from '../analysis/outcomes.ts';
import type { RecordsTask } from './recordsWorker.ts';

const WORKER = fileURLToPath(new URL('./recordsWorker.ts', import.meta.url));

export interface ManyOptions {
  threads?: number;
  /** called as each scenario finishes, with its index */
  onDone?: (index: number, records: RecordSet) => void | Promise<void>;
}

export async function simulateRecordsMany(
  scenarios: readonly Scenario[],
  opts: ManyOptions = {},
): Promise<RecordSet[]> {
  const threads = Math.max(1, opts.threads ?? 1);
  if (threads === 1 || scenarios.length === 1) {
    const out: RecordSet[] = [];
    for (let i = 0; i < scenarios.length; i++) {
      out.push(simulateRecords(scenarios[i]));
      await opts.onDone?.(i, out[i]);
    }
    return out;
  }
  const p = await getPool(WORKER, threads);
  return Promise.all(
    scenarios.map(async (scenario, i) => {
      const task: RecordsTask = { scenario };
      const r = (await p.run(task)) as RecordSet;
      await opts.onDone?.(i, r);
      return r;
    }),
  );
}
