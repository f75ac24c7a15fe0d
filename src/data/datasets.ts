/**
 * Loads every standard dataset that the history insights and cross-checks use from one folder
 * (one subfolder per dataset, docs/history.md), by its name in the one dataset registry
 * (registry.ts; the keys of the core's `Datasets` are those names). Missing files are skipped
 * with a note; malformed cells are issues.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Datasets } from '../history/datasetRows.ts';
import type { DataIssue } from './csv.ts';
import { loadDataset, type DatasetName } from './registry.ts';

/** `../shared/data` relative to the repository root. */
export const DEFAULT_DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/data');

export type LoadedDatasets = { datasets: Datasets; issues: DataIssue[]; missing: string[] };

/** The registry's datasets that the insights and cross-checks read: every key of `Datasets`. */
export const INSIGHT_DATASETS = [
  'cow-interstate',
  'cow-intrastate',
  'cow-extrastate',
  'ucdp-acd',
  'ucdp-termination',
  'ucdp-termination-dyad',
  'icb-crises',
  'ceasefires',
  'cwm',
] as const satisfies readonly (keyof Datasets & DatasetName)[];
// a key of Datasets missing from the list above, or not a registry name, fails to compile here
const _everyKeyListed: Record<keyof Datasets, true> = Object.fromEntries(INSIGHT_DATASETS.map((k) => [k, true])) as Record<(typeof INSIGHT_DATASETS)[number], true>;
void _everyKeyListed;

/** Loads the tables named in `which` (default: all) from `root`. */
export function loadDatasets(root: string = DEFAULT_DATA_DIR, which: readonly (keyof Datasets)[] = INSIGHT_DATASETS): LoadedDatasets {
  const datasets: Record<string, unknown[]> = {};
  const issues: DataIssue[] = [];
  const missing: string[] = [];
  if (!existsSync(root)) return { datasets: {}, issues: [], missing: [...which] };
  for (const key of which) {
    const r = loadDataset(key, { root });
    if (r.issues.some((i) => i.code === 'not_found')) {
      missing.push(key);
      continue;
    }
    issues.push(...r.issues);
    datasets[key] = r.rows;
  }
  return { datasets: datasets, issues, missing };
}
