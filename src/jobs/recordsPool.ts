/**
 * Simulates many scenarios (variants, sensitivity points, sweep cells), each whole, on a pool of
 * worker threads (one scenario per task), keeping one record per run. Results are identical for
 * any thread count: each scenario is simulated by the same deterministic engine call.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { Piscina } from 'piscina';
import type { Scenario } from '../model/index.ts';
import { simulateRecords, type RecordSet } from '../analysis/outcomes.ts';
import type { RecordsTask } from './recordsWorker.ts';

const WORKER = fileURLToPath(new URL('./recordsWorker.ts', import.meta.url));
let pool: Piscina | undefined;
let poolThreads = 0;

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
  if (!pool || poolThreads !== threads) {
    await pool?.destroy();
    poolThreads = threads;
    pool = new Piscina({
      filename: await workerBundle(),
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: 60_000,
    });
  }
  const p = pool;
  return Promise.all(
    scenarios.map(async (scenario, i) => {
      const task: RecordsTask = { scenario };
      const r = (await p.run(task)) as RecordSet;
      await opts.onDone?.(i, r);
      return r;
    }),
  );
}

/** The worker as one plain-JavaScript bundle (as in localPool.ts): fast worker start. */
let bundle: Promise<string> | undefined;
let bundleDir: string | undefined;
function workerBundle(): Promise<string> {
  bundle ??= (async () => {
    bundleDir = mkdtempSync(join(tmpdir(), 'parley-records-worker-'));
    const outfile = join(bundleDir, 'recordsWorker.mjs');
    await build({
      entryPoints: [WORKER],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile,
      logLevel: 'error',
      banner: {
        js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      },
    });
    return outfile;
  })();
  return bundle;
}

export async function closeRecordsPool(): Promise<void> {
  const p = pool;
  pool = undefined;
  poolThreads = 0;
  await p?.destroy();
  if (bundleDir) rmSync(bundleDir, { recursive: true, force: true });
  bundle = bundleDir = undefined;
}
