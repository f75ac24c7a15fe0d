/**
 * Shared by the analysis commands: load a scenario (bundled id or file) with command-line
 * run overrides (--runs, --seed, --horizon, --month), validated again; variant overlay files; atomic writes.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { loadScenario } from '../data/scenarios.ts';
import type { Scenario, Variant } from '../model/index.ts';
import { RunOverridesSchema, withOverrides, type RunOverrides } from '../contracts/index.ts';
import { warnDeprecations } from './warnings.ts';
import { parseVariantDocument } from '../analysis/index.ts';
import { InputIssuesError, UserError } from './exit.ts';

/** The CLI's flags for the run overrides: --runs, --seed, --horizon, --month. */
export interface ScenarioOverrides {
  runs?: number;
  seed?: number;
  horizon?: number;
  month?: number;
}

/** The flags as the run overrides every edge shares (src/contracts/runOverrides.ts). */
export function runOverrides(o: ScenarioOverrides): RunOverrides {
  return { runs: o.runs, seed: o.seed, horizonMonths: o.horizon, explainMonth: o.month };
}

/** A parser for the flag of run override `key`, with the scenario schema's bounds. */
export function overrideInt(flag: string, key: keyof RunOverrides): (v: string) => number {
  const field = RunOverridesSchema.shape[key].unwrap();
  return int(flag, field.minValue ?? 0, field.maxValue ?? Number.MAX_SAFE_INTEGER);
}

export function loadWithOverrides(
  ref: string,
  o: ScenarioOverrides,
): { scenario: Scenario; source: string } {
  const loaded = loadScenario(ref);
  if (!loaded.result.ok) throw new InputIssuesError(loaded.source, loaded.result.issues);
  warnDeprecations(loaded.source, loaded.result.warnings);
  const checked = withOverrides(loaded.result.value, runOverrides(o));
  if (!checked.ok)
    throw new InputIssuesError(`${loaded.source} (with command-line overrides)`, checked.issues);
  return { scenario: checked.value, source: loaded.source };
}

export function loadVariantFiles(files: readonly string[]): Variant[] {
  const out: Variant[] = [];
  for (const file of files) {
    let doc: unknown;
    try {
      doc = parseYaml(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new UserError(
        `✖ ${file}: cannot read the variant file: ${(e as Error).message.split('\n')[0]}`,
      );
    }
    const r = parseVariantDocument(
      doc,
      basename(file, extname(file))
        .toLowerCase()
        .replace(/[^a-z0-9-]/g, '-'),
    );
    if (!r.ok) throw new InputIssuesError(file, r.issues);
    out.push(...r.value);
  }
  return out;
}

export const int = (name: string, min: number, max: number) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UserError(
      `option ${name}: expected a whole number from ${min} to ${max}, found "${v}"`,
    );
  return n;
};

/** Writes a file atomically (temporary file, then rename). */
export function writeAtomic(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}
