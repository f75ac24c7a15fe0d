/**
 * Worker-thread side of ScenarioParser: reads a scenario body (YAML text or parsed JSON) with the
 * core parser, so a megabyte of hostile YAML costs this thread seconds, not the event loop.
 */
import {
  parseScenarioText,
  validateScenario,
  type Result,
  type Scenario,
} from '../../model/index.ts';

export type ParseTask = { text: string } | { data: unknown };

export default function parse(task: ParseTask): Result<Scenario> {
  return 'text' in task ? parseScenarioText(task.text) : validateScenario(task.data);
}
