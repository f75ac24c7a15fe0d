/**
 * The UI side of the engine worker: one warm worker for runs (what-if answers while a slider
 * moves) and one for comparisons, so a long comparison never delays a what-if. Each call
 * supersedes the previous call of its kind: the worker drops stale work between blocks, and
 * stale answers are never delivered.
 */
import type { Comparison } from '../../../src/analysis/index.ts';
import type { RunResult } from '../../../src/engine/index.ts';
import type { Scenario } from '../../../src/model/index.ts';
import type { EngineRequest, EngineResponse, ExtraVariant } from './protocol.ts';

type Listener = (m: EngineResponse) => void;
interface Pending {
  listener: Listener;
  /** Called when a newer request of the same kind replaces this one. */
  superseded: () => void;
}

class EngineWorker {
  private worker: Worker | undefined;
  private pending = new Map<number, Pending>();
  private nextId = 1;

  private get(): Worker {
    if (!this.worker) {
      this.worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
      this.worker.onmessage = (e: MessageEvent<EngineResponse>) =>
        this.pending.get(e.data.id)?.listener(e.data);
    }
    return this.worker;
  }

  /** Loads the worker and the engine before the first request. */
  warm(): void {
    this.get();
  }

  send(make: (id: number) => EngineRequest, p: Pending): number {
    const id = this.nextId++;
    // earlier requests of this worker are stale
    for (const old of this.pending.values()) old.superseded();
    this.pending.clear();
    this.pending.set(id, p);
    this.get().postMessage(make(id));
    return id;
  }

  done(id: number): void {
    this.pending.delete(id);
  }
}

/** Runs on one lane supersede each other; lanes run side by side (one worker each). */
export type Lane = 'main' | 'baseline';
const lanes: Record<Lane, EngineWorker> = {
  main: new EngineWorker(),
  baseline: new EngineWorker(),
};
const comparisons = new EngineWorker();

export function warmEngine(): void {
  lanes.main.warm();
}

export interface RunUpdate {
  result: RunResult;
  final: boolean;
  ms: number;
}

/**
 * Simulates a scenario in the worker; `onUpdate` gets an early result after `previewRuns` runs
 * (when given) and the final one. Resolves with the final result, or undefined when superseded.
 */
export function runInWorker(
  scenario: Scenario,
  {
    lane = 'main',
    ...opts
  }: { runs: number; explainMonth?: number; previewRuns?: number; lane?: Lane },
  onUpdate?: (u: RunUpdate) => void,
): Promise<RunUpdate | undefined> {
  const runs = lanes[lane];
  return new Promise((resolve, reject) => {
    const id = runs.send((rid) => ({ type: 'run', id: rid, scenario, ...opts }), {
      listener: (m) => {
        if (m.type === 'error') {
          runs.done(id);
          reject(new Error(m.message));
        } else if (m.type === 'result') {
          onUpdate?.(m);
          if (m.final) {
            runs.done(id);
            resolve(m);
          }
        }
      },
      superseded: () => resolve(undefined),
    });
  });
}

export function compareInWorker(
  scenario: Scenario,
  opts: { runs: number; variantIds?: string[]; extra: ExtraVariant[] },
  onProgress?: (done: number, total: number) => void,
): Promise<{ comparison: Comparison; ms: number } | undefined> {
  return new Promise((resolve, reject) => {
    const id = comparisons.send((rid) => ({ type: 'compare', id: rid, scenario, ...opts }), {
      listener: (m) => {
        if (m.type === 'error') reject(new Error(m.message));
        else if (m.type === 'progress') onProgress?.(m.done, m.total);
        else if (m.type === 'comparison') {
          comparisons.done(id);
          resolve({ comparison: m.comparison, ms: m.ms });
        }
      },
      superseded: () => resolve(undefined),
    });
  });
}
