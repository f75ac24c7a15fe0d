/**
 * The run settings a caller may override without editing the scenario: runs, seed, horizon and
 * the month of the "why" explanation. One set for the CLI (`--runs --seed --horizon --month`),
 * `POST /runs` and the web; bounds are the scenario schema's own, and the overridden scenario is
 * validated again (e.g. the explanation month must stay inside the horizon).
 */
import { z } from 'zod';
import { SettingsSchema, validateScenario, type Result, type Scenario } from '../model/index.ts';

const settings = SettingsSchema.shape;

export const RunOverridesSchema = z
  .object({
    runs: settings.runs.unwrap().optional(),
    seed: settings.seed.unwrap().optional(),
    horizonMonths: settings.horizonMonths.unwrap().optional(),
    explainMonth: settings.explainMonth.unwrap().optional(),
  })
  .strict();
export type RunOverrides = z.infer<typeof RunOverridesSchema>;
export const RUN_OVERRIDE_KEYS = Object.keys(RunOverridesSchema.shape) as (keyof RunOverrides)[];

/** The scenario with the given settings replaced, validated again; issues name `settings.<key>`. */
export function withOverrides(scenario: Scenario, overrides: RunOverrides): Result<Scenario> {
  const raw = structuredClone(scenario);
  for (const key of RUN_OVERRIDE_KEYS) {
    const value = overrides[key];
    if (value !== undefined) raw.settings[key] = value;
  }
  return validateScenario(raw);
}
