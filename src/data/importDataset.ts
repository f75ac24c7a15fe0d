/**
 * Imports one standard dataset file into the store: reads it with the dataset's loader (every
 * malformed cell is reported, and nothing is written), then hands the typed rows to the store,
 * which writes nothing when the same rows are already stored under the same name and version.
 */
import { basename } from 'node:path';
import type { DatasetImportResult, Store } from '../store/store.ts';
import type { DataIssue } from './csv.ts';
import { DATASETS, loadDataset, type DatasetName } from './registry.ts';

export type ImportOutcome = { ok: true; result: DatasetImportResult } | { ok: false; issues: DataIssue[] };

export async function importDatasetFile(
  store: Pick<Store, 'importDataset'>,
  name: DatasetName,
  path: string,
): Promise<ImportOutcome> {
  const entry = DATASETS[name];
  const { rows, issues } = loadDataset(name, { path });
  if (issues.length > 0) return { ok: false, issues };
  const result = await store.importDataset({
    name,
    version: entry.version,
    rows,
    columns: Object.values(entry.spec).map((c) => c.name),
    source: basename(path),
  });
  return { ok: true, result };
}
