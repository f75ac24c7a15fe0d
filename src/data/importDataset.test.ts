// `parley data import` logic with an in-memory SQLite store: idempotent, and a malformed file
// writes nothing.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite.ts';
import { DEFAULT_DATA_DIR } from './datasets.ts';
import { importDatasetFile } from './importDataset.ts';
import { DATASETS } from './registry.ts';

const HAVE = existsSync(DEFAULT_DATA_DIR);
if (!HAVE) console.warn(`dataset import test skipped: ${DEFAULT_DATA_DIR} not found`);

describe('importDatasetFile', () => {
  it.skipIf(!HAVE)('imports the COW non-state file once; a second import writes nothing', async () => {
    const store = await openSqliteStore(':memory:');
    try {
      const path = join(DEFAULT_DATA_DIR, DATASETS['cow-nonstate'].file);
      const first = await importDatasetFile(store, 'cow-nonstate', path);
      expect(first.ok && first.result.status).toBe('created');
      expect(first.ok && first.result.dataset.rowCount).toBe(62);
      const again = await importDatasetFile(store, 'cow-nonstate', path);
      expect(again.ok && again.result.status).toBe('unchanged');
      expect((await store.listDatasets()).length).toBe(1);
    } finally {
      await store.close();
    }
  });
  it('a malformed file gives file/row/column/value issues and writes nothing', async () => {
    const store = await openSqliteStore(':memory:');
    try {
      const r = await importDatasetFile(store, 'cow-nonstate', join(import.meta.dirname, '__fixtures__', 'cowNonstateBad.csv'));
      expect(!r.ok && r.issues.map((i) => [i.row, i.column, i.value])).toEqual([[2, 'StartYear', '18x9']]);
      expect(await store.listDatasets()).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
