/**
 * One call from a validated scenario to a finished RunResult on the current thread. Edges that
 * split work across threads or machines call simulateBlock per chunk, merge the Aggregates, and
 * then summarise — with the same bytes as this function.
 */
import { skillFor, type Scenario } from '../model/index.ts';
import { belligerents, compile } from './state.ts';
import { simulateBlock, type BlockOptions } from './simulate.ts';
import { summarise, type ResultMeta, type RunResult } from './result.ts';
import type { Aggregate } from './aggregate.ts';
import { scenarioHash, settingsHash } from './hash.ts';

export function runScenario(scenario: Scenario, opts: BlockOptions = {}): RunResult {
  const agg = simulateBlock(compile(scenario), 0, scenario.settings.runs, opts);
  return summarise(agg, resultMeta(scenario, opts.explainMonth));
}

export function resultMeta(scenario: Scenario, explainMonth?: number): ResultMeta {
  const [a, b] = belligerents(scenario);
  const month = explainMonth ?? scenario.settings.explainMonth;
  return {
    scenarioId: scenario.id,
    scenarioName: scenario.name,
    scenarioHash: scenarioHash(scenario),
    // the settings as run: the month of the explanation may be asked apart from the file's
    settingsHash: settingsHash({ settings: { ...scenario.settings, explainMonth: month } }),
    seed: scenario.settings.seed,
    parties: [
      { id: a.id, name: a.name, side: 'A' },
      { id: b.id, name: b.name, side: 'B' },
    ],
    explainMonth: month,
    skill: skillFor(scenario.type),
  };
}

export type { Aggregate };
