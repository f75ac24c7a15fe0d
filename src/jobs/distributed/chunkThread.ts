/**
 * Worker-thread task of `parley worker`: simulate runs [firstRun, firstRun + runs) of a scenario
 * given as JSON and return either the mergeable Aggregate (sweeps of one scenario) or one record
 * per run (variants, sensitivity points, sweep cells). Checks that the JSON matches the hash it
 * was stored under, so a damaged or foreign scenario fails the chunk instead of skewing a result.
 */
import { ScenarioSchema } from '../../model/index.ts';
import {
  compile,
  createRunRecords,
  inputHash,
  simulateBlock,
  type AggregateArrays,
  type RunRecords,
} from '../../engine/index.ts';
import type { ChunkKind } from './protocol.ts';

export interface ChunkThreadTask {
  kind: ChunkKind;
  inputHash: string;
  scenarioJson: string;
  firstRun: number;
  runs: number;
  explainMonth?: number;
}

export type ChunkThreadResult =
  | { kind: 'aggregate'; aggregate: AggregateArrays }
  | { kind: 'records'; runs: number; horizonMonths: number; followUp: number; records: RunRecords };

let cached: { hash: string; compiled: ReturnType<typeof compile> } | undefined;

function compiled(hash: string, json: string): ReturnType<typeof compile> {
  if (cached?.hash === hash) return cached.compiled;
  const raw: unknown = JSON.parse(json);
  const got = inputHash(raw);
  if (got !== hash)
    throw new Error(`scenario ${hash} in Redis does not match its hash (found ${got})`);
  cached = { hash, compiled: compile(ScenarioSchema.parse(raw)) };
  return cached.compiled;
}

export default function simulateChunkTask(t: ChunkThreadTask): ChunkThreadResult {
  const c = compiled(t.inputHash, t.scenarioJson);
  if (t.kind === 'aggregate')
    return {
      kind: 'aggregate',
      aggregate: simulateBlock(c, t.firstRun, t.runs, { explainMonth: t.explainMonth }).toArrays(),
    };
  const records = createRunRecords(t.runs);
  simulateBlock(c, t.firstRun, t.runs, { records, explainMonth: t.explainMonth });
  return {
    kind: 'records',
    runs: t.runs,
    horizonMonths: c.horizonMonths,
    followUp: c.params.durability.followUpMonths,
    records,
  };
}
