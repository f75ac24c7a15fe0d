/** Messages between the UI and the engine worker (engine.worker.ts). */
import type { Comparison } from '../../../src/analysis/index.ts';
import type { AggregateArrays, RunResult } from '../../../src/engine/index.ts';
import type { Scenario } from '../../../src/model/index.ts';

export interface RunRequest {
  type: 'run';
  id: number;
  scenario: Scenario;
  /** Monte Carlo runs (the scenario's own settings.runs is ignored). */
  runs: number;
  explainMonth?: number;
  /**
   * false: outcomes only (BlockOptions.diagnostics): the same outcome, talks, duration, terms and
   * durability numbers with less work; diagnostics, fans and the explanation are zeros.
   */
  diagnostics?: boolean;
  /** Post an intermediate result after this many runs (progressive refinement); 0 = none. */
  previewRuns?: number;
  /** Simulate only runs [first, first + count) of the `runs` (one worker's share of a split). */
  first?: number;
  count?: number;
  /**
   * Claim slices of runs [0, runs) from a counter shared by the workers of one call instead of a
   * fixed share (needs cross-origin isolation for SharedArrayBuffer). The worker that claims the
   * first slice posts the preview of `previewRuns` runs.
   */
  claim?: Claim;
  /** Answer with the merged Aggregate of the share instead of a summarised result. */
  aggregateOnly?: boolean;
}

/** Int32Array view over `counters`: see CLAIM_NEXT, CLAIM_CANCELLED. */
export interface Claim {
  counters: SharedArrayBuffer;
  /** Workers claiming from the same counter (sizes the slices). */
  threads: number;
}

/** Index of the next run to claim; setting it to `runs` leaves nothing to claim. */
export const CLAIM_NEXT = 0;
/** 1 once the call was superseded: its workers stop and post nothing. */
export const CLAIM_CANCELLED = 1;
export const CLAIM_SLOTS = 2;

/** A what-if or other whole scenario compared as one more variant (same seed, runs, horizon). */
export interface ExtraVariant {
  id: string;
  name: string;
  description?: string;
  scenario: Scenario;
}

export interface CompareRequest {
  type: 'compare';
  id: number;
  scenario: Scenario;
  runs: number;
  /** Ids of the scenario's own variants to include (all when omitted). */
  variantIds?: string[];
  extra: ExtraVariant[];
}

/** Drop any run in progress (its answer is no longer wanted). */
export interface CancelRequest {
  type: 'cancel';
  id: number;
}

export type EngineRequest = RunRequest | CompareRequest | CancelRequest;

export type EngineResponse =
  | { type: 'result'; id: number; result: RunResult; final: boolean; ms: number }
  | { type: 'aggregate'; id: number; data: AggregateArrays; ms: number }
  | { type: 'comparison'; id: number; comparison: Comparison; ms: number }
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'error'; id: number; message: string };
