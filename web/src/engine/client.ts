/**
 * The UI side of the engine workers: warm workers for runs (what-if answers while a slider
 * moves) and one for comparisons, so a long comparison never delays a what-if. Each call
 * supersedes the previous call of its kind: the workers drop stale work between slices, and
 * stale answers are never delivered.
 */
import type { RunOverrides } from '../../../src/contracts/index.ts';
import type { Comparison } from '../../../src/analysis/index.ts';
import {
  Aggregate,
  resultMeta,
  summarise,
  type AggregateArrays,
  type ResultMeta,
  type RunResult,
} from '../../../src/engine/index.ts';
import type { Scenario } from '../../../src/model/index.ts';
import {
  CLAIM_CANCELLED,
  CLAIM_NEXT,
  CLAIM_SLOTS,
  type Claim,
  type EngineRequest,
  type EngineResponse,
  type ExtraVariant,
} from './protocol.ts';

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

  /** Drops this worker's current run: its pending answer is superseded now. */
  cancel(): void {
    for (const old of this.pending.values()) old.superseded();
    this.pending.clear();
    if (this.worker) this.worker.postMessage({ type: 'cancel', id: this.nextId++ });
  }

  done(id: number): void {
    this.pending.delete(id);
  }
}

/**
 * Runs on one lane supersede each other; lanes run side by side. The main lane splits a run
 * across one worker per core (up to 4). When the page is cross-origin isolated (the server sends
 * COOP/COEP, see src/server/webUi.ts) the workers claim slices from a shared counter until no run
 * is left, so a slower worker never holds up the answer; otherwise each takes a fixed share. The
 * Aggregates merge exactly, so the result does not depend on the split.
 */
export type Lane = 'main' | 'baseline';
const CORES = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 1));
const lanes: Record<Lane, EngineWorker[]> = {
  main: Array.from({ length: CORES }, () => new EngineWorker()),
  baseline: [new EngineWorker()],
};
const comparisons = new EngineWorker();

/** Below this many runs a split is not worth its overhead. */
const SPLIT_MIN_RUNS = 512;

export function warmEngine(): void {
  for (const w of lanes.main) w.warm();
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
  }: Required<Pick<RunOverrides, 'runs'>> &
    // the run overrides the browser's engine takes (src/contracts/runOverrides.ts); the seed and
    // the horizon are the scenario's own
    Pick<RunOverrides, 'explainMonth'> & {
      previewRuns?: number;
      lane?: Lane;
      /** false: outcomes only, less work (RunRequest.diagnostics) */
      diagnostics?: boolean;
    },
  onUpdate?: (u: RunUpdate) => void,
): Promise<RunUpdate | undefined> {
  const workers = opts.runs >= SPLIT_MIN_RUNS ? lanes[lane] : lanes[lane].slice(0, 1);
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (u: RunUpdate | undefined, err?: Error) => {
      if (settled) return;
      settled = true;
      if (err) reject(err);
      else resolve(u);
    };
    if (workers.length === 1) {
      const w = workers[0];
      const id = w.send((rid) => ({ type: 'run', id: rid, scenario, ...opts }), {
        listener: (m) => {
          if (m.type === 'error') {
            w.done(id);
            settle(undefined, new Error(m.message));
          } else if (m.type === 'result') {
            onUpdate?.(m);
            if (m.final) {
              w.done(id);
              settle(m);
            }
          }
        },
        superseded: () => settle(undefined),
      });
      return;
    }
    // claim slices from a shared counter when SharedArrayBuffer is available, else fixed shares
    const claim: Claim | undefined = globalThis.crossOriginIsolated
      ? { counters: new SharedArrayBuffer(4 * CLAIM_SLOTS), threads: workers.length }
      : undefined;
    const counters = claim && new Int32Array(claim.counters);
    const shares = workers.map((_, k) => {
      const from = Math.floor((k * opts.runs) / workers.length);
      return { from, count: Math.floor(((k + 1) * opts.runs) / workers.length) - from };
    });
    const parts: (AggregateArrays | undefined)[] = workers.map(() => undefined);
    // a quick first answer only when it comes before the end of the first share
    const preview =
      opts.previewRuns && opts.previewRuns < shares[0].count ? opts.previewRuns : undefined;
    const sized = { ...scenario, settings: { ...scenario.settings, runs: opts.runs } };
    // the scenario hash (SHA-256 of the whole scenario, a few ms) while the workers simulate
    // rather than after them
    let meta: ResultMeta | undefined;
    const metaOnce = () => (meta ??= resultMeta(sized, opts.explainMonth));
    const superseded = () => {
      if (counters) {
        Atomics.store(counters, CLAIM_CANCELLED, 1);
        Atomics.store(counters, CLAIM_NEXT, opts.runs);
      }
      settle(undefined);
    };
    const start = (k: number) => {
      const w = workers[k];
      const id = w.send(
        (rid) => ({
          type: 'run',
          id: rid,
          scenario,
          runs: opts.runs,
          explainMonth: opts.explainMonth,
          diagnostics: opts.diagnostics,
          // with claiming, whichever worker claims runs [0, preview) posts the preview
          previewRuns: claim || k === 0 ? preview : undefined,
          ...(claim ? { claim } : { first: shares[k].from, count: shares[k].count }),
          aggregateOnly: true,
        }),
        {
          listener: (m) => {
            if (m.type === 'error') settle(undefined, new Error(m.message));
            else if (m.type === 'result' && !m.final) {
              if (!settled) onUpdate?.(m);
            } else if (m.type === 'aggregate') {
              w.done(id);
              parts[k] = m.data;
              if (parts.every((p) => p !== undefined)) {
                const agg = Aggregate.fromJSON(parts[0]);
                for (const p of parts.slice(1)) agg.merge(Aggregate.fromJSON(p));
                const result = summarise(agg, metaOnce());
                const u = { result, final: true, ms: performance.now() - t0 };
                onUpdate?.(u);
                settle(u);
              }
            }
          },
          superseded,
        },
      );
    };
    // all shares start at once: holding the others back until the quick first answer was out
    // delayed the full answer by the preview's time and did not make the preview faster
    for (const w of workers.slice(1)) w.cancel();
    workers.forEach((_, k) => start(k));
    setTimeout(() => {
      if (!settled) metaOnce();
    }, 0);
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
