/** Shared locations for the model tests: the bundled scenarios and the invalid fixtures. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SCENARIO_DIR = join(ROOT, 'data/scenarios');
export const INVALID_DIR = join(ROOT, 'test/fixtures/invalid');

const yamlFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort();

export const bundledScenarioFiles = (): string[] => yamlFiles(SCENARIO_DIR);
export const invalidFixtureFiles = (): string[] => yamlFiles(INVALID_DIR);
export const readScenario = (file: string): string =>
  readFileSync(join(SCENARIO_DIR, file), 'utf8');
export const readFixture = (file: string): string => readFileSync(join(INVALID_DIR, file), 'utf8');
