/**
 * Worker-thread task: simulate a whole scenario and return one record per run (for paired
 * comparisons, sensitivity points and sweep cells). Receives the validated scenario.
 */
import { ScenarioSchema } from '../model/index.ts';
import { simulateRecords, type RecordSet } from '../analysis/outcomes.ts';

export interface RecordsTask {
  scenario: unknown;
}

export default function simulateRecordsTask(task: RecordsTask): RecordSet {
  return simulateRecords(ScenarioSchema.parse(task.scenario));
}
