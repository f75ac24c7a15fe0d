/**
 * Loads every standard dataset that the history insights and cross-checks use from one folder
 * (one subfolder per dataset, docs/history.md). Missing files are skipped with a note; malformed cells are issues.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Datasets } from '../history/datasetRows.ts';
import type { DataIssue } from './csv.ts';
import { loadCeasefires } from './ceasefires.ts';
import { loadCowExtrastate, loadCowInterstate, loadCowIntrastate } from './cowWars.ts';
import { loadCwm } from './cwm.ts';
import { loadIcbCrises } from './icb.ts';
import { loadUcdpAcd, loadUcdpDyadTermination, loadUcdpTermination } from './ucdp.ts';

/** `../shared/data` relative to the repository root. */
export const DEFAULT_DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/data');

export type LoadedDatasets = { datasets: Datasets; issues: DataIssue[]; missing: string[] };

type Loader = (root: string) => { rows: unknown[]; issues: DataIssue[] };
const LOADERS: Record<keyof Datasets, Loader> = {
  cowInterstate: loadCowInterstate,
  cowIntrastate: loadCowIntrastate,
  cowExtrastate: loadCowExtrastate,
  ucdpAcd: loadUcdpAcd,
  ucdpTermination: loadUcdpTermination,
  ucdpDyadTermination: loadUcdpDyadTermination,
  icbCrises: loadIcbCrises,
  ceasefires: loadCeasefires,
  cwm: loadCwm,
};

/** Loads the tables named in `which` (default: all) from `root`. */
export function loadDatasets(root: string = DEFAULT_DATA_DIR, which: (keyof Datasets)[] = Object.keys(LOADERS) as (keyof Datasets)[]): LoadedDatasets {
  const datasets: Record<string, unknown[]> = {};
  const issues: DataIssue[] = [];
  const missing: string[] = [];
  if (!existsSync(root)) return { datasets: {}, issues: [], missing: which };
  for (const key of which) {
    const r = LOADERS[key](root);
    if (r.issues.some((i) => i.code === 'not_found')) {
      missing.push(key);
      continue;
    }
    issues.push(...r.issues);
    datasets[key] = r.rows;
  }
  return { datasets: datasets, issues, missing };
}
