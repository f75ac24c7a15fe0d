/** Messages between the UI and the engine worker (engine.worker.ts). */
import type { Comparison } from '../../../src/analysis/index.ts';
import type { RunResult } from '../../../src/engine/index.ts';
import type { Scenario } from '../../../src/model/index.ts';

export interface RunRequest {
  type: 'run';
  id: number;
  scenario: Scenario;
  /** Monte Carlo runs (the scenario's own settings.runs is ignored). */
  runs: number;
  explainMonth?: number;
  /** Post an intermediate result after this many runs (progressive refinement); 0 = none. */
  previewRuns?: number;
}

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

export type EngineRequest = RunRequest | CompareRequest;

export type EngineResponse =
  | { type: 'result'; id: number; result: RunResult; final: boolean; ms: number }
  | { type: 'comparison'; id: number; comparison: Comparison; ms: number }
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'error'; id: number; message: string };
