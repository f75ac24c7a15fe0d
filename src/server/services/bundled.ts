/**
 * Bundled scenarios, read from the fixed folder data/scenarios by id only: the id must be one
 * of the file names listed there, so no request text ever becomes a path.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { BUNDLED_SCENARIOS_DIR } from '../../data/scenarios.ts';
import { parseScenarioText, type Scenario } from '../../model/index.ts';

export type BundledScenario = { id: string; scenario: Scenario };

/** Every bundled scenario that parses (the tests check that they all do). */
export function loadBundledScenarios(dir: string = BUNDLED_SCENARIOS_DIR): BundledScenario[] {
  const out: BundledScenario[] = [];
  for (const file of readdirSync(dir).sort()) {
    if (!/\.(ya?ml|json)$/.test(file)) continue;
    const r = parseScenarioText(readFileSync(join(dir, file), 'utf8'));
    if (r.ok) out.push({ id: basename(file, extname(file)), scenario: r.value });
  }
  return out;
}
