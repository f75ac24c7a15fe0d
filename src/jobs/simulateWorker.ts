/**
 * Worker-thread task: simulate one chunk of runs and return its mergeable aggregate.
 * Receives the already validated scenario, so the worker never reads files.
 */
import { ScenarioSchema } from '../model/index.ts';
import { compile, simulateBlock, type AggregateArrays } from '../engine/index.ts';

export interface ChunkTask {
  scenario: unknown;
  firstRun: number;
  runs: number;
  explainMonth?: number;
}

let cached: { json: string; compiled: ReturnType<typeof compile> } | undefined;

export default function simulateChunk(task: ChunkTask): AggregateArrays {
  const json = JSON.stringify(task.scenario);
  if (!cached || cached.json !== json)
    cached = { json, compiled: compile(ScenarioSchema.parse(task.scenario)) };
  return simulateBlock(cached.compiled, task.firstRun, task.runs, {
    explainMonth: task.explainMonth,
  }).toArrays();
}
