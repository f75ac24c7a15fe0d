/**
 * Where the dataset commands (backtest, calibrate, insights, data fetch) find the standard
 * datasets: --data, else PARLEY_DATA, else ../shared/data beside the repository. A command that
 * cannot work without some of them stops with the list of missing files and how to get each.
 */
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_DATA_DIR } from '../data/datasets.ts';
import { DATASETS, type DatasetEntry, type DatasetName } from '../data/registry.ts';
import { UserError } from './exit.ts';

export type DataDir = { dir: string; from: '--data' | 'PARLEY_DATA' | 'default' };

export function resolveDataDir(flag: string | undefined, env = process.env): DataDir {
  if (flag !== undefined) return { dir: resolve(flag), from: '--data' };
  if (env.PARLEY_DATA) return { dir: resolve(env.PARLEY_DATA), from: 'PARLEY_DATA' };
  return { dir: DEFAULT_DATA_DIR, from: 'default' };
}

/** Adds --data (no commander default, so the message can say where the folder came from). */
export function dataOption(cmd: Command): Command {
  return cmd.option(
    '--data <path>',
    `folder with the standard datasets, one subfolder per dataset (docs/history.md); default $PARLEY_DATA, else ${DEFAULT_DATA_DIR}`,
  );
}

// any failure to stat (missing, a file in the path, no permission) counts as absent
const stat = (path: string) => {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
};
const isFile = (path: string) => stat(path)?.isFile() ?? false;
const isFolder = (path: string) => stat(path)?.isDirectory() ?? false;

const FROM: Record<DataDir['from'], string> = {
  '--data': 'given with --data',
  PARLEY_DATA: 'from PARLEY_DATA',
  default: 'the default: ../shared/data beside the repository; no --data or PARLEY_DATA was given',
};

/**
 * Stops with exit 2 when any of `names` has no file under the data folder: names each dataset
 * and its expected path, and how to get it (`parley data fetch`, the publisher's page, --data).
 */
export function requireDatasets(command: string, data: DataDir, names: DatasetName[]): void {
  const missing = names.filter((n) => !isFile(join(data.dir, DATASETS[n].file)));
  if (missing.length === 0) return;
  const where = [...(isFolder(data.dir) ? [] : ['no such folder']), FROM[data.from]].join('; ');
  const lines = [
    `✖ parley ${command} needs ${missing.length === 1 ? 'a dataset' : 'datasets'} not found in ${data.dir} (${where}):`,
    ...missing.map((n) => {
      const e: DatasetEntry = DATASETS[n];
      return `  - ${n} (${e.version}): expected ${join(data.dir, e.file)}`;
    }),
    'To get them:',
    ...missing.map((n) => {
      const e: DatasetEntry = DATASETS[n];
      // only some publishers have a direct CSV address; the others ship zip/xlsx from a page
      return e.downloadUrl
        ? `  parley data fetch ${n} --out ${data.dir}`
        : `  ${n}: download it from ${e.url} and save the CSV as ${join(data.dir, e.file)} (or: parley data fetch ${n} --url <address of the CSV> --out ${data.dir})`;
    }),
    'or point to a folder that has them: --data DIR (or PARLEY_DATA=DIR).',
  ];
  throw new UserError(lines.join('\n'));
}
