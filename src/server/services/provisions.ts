/**
 * The provisions service behind /scenarios/{id}/provisions and /cases/{id}/provisions: reads the
 * PA-X and UCDP termination tables once from the data folder (PARLEY_DATA, else ../shared/data)
 * and answers through the core (src/history/provisions). Missing datasets are a 503 naming them
 * and how to get them; nothing else is read per request.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DATA_DIR } from '../../data/datasets.ts';
import { loadProvisionsTables, PROVISIONS_DATASETS } from '../../data/provisions.ts';
import { DATASETS } from '../../data/registry.ts';
import type { ProvisionsTables } from '../../history/provisions/index.ts';
import { HttpError } from '../errors.ts';

export class ProvisionsService {
  private tables: ProvisionsTables | undefined;

  constructor(readonly dataDir: string = process.env.PARLEY_DATA ?? DEFAULT_DATA_DIR) {}

  /** The tables, loaded on first use; a 503 listing any dataset that is not there. */
  load(): ProvisionsTables {
    if (this.tables) return this.tables;
    const missing = PROVISIONS_DATASETS.filter(
      (n) => !existsSync(join(this.dataDir, DATASETS[n].file)),
    );
    if (missing.length > 0)
      throw new HttpError(
        503,
        missing.map((n) => ({
          code: 'dataset_missing',
          path: [],
          message: `dataset ${n} (${DATASETS[n].version}) is not on the server: expected ${DATASETS[n].file} under the data folder (PARLEY_DATA); get it with "parley data fetch ${n} --out <folder>" or from ${DATASETS[n].url}`,
        })),
        3600,
      );
    this.tables = loadProvisionsTables(this.dataDir).tables;
    return this.tables;
  }
}

let shared: ProvisionsService | undefined;

/** One service per data folder for the process (routes and reports share the loaded tables). */
export function provisionsService(
  dataDir: string = process.env.PARLEY_DATA ?? DEFAULT_DATA_DIR,
): ProvisionsService {
  if (shared?.dataDir !== dataDir) shared = new ProvisionsService(dataDir);
  return shared;
}
