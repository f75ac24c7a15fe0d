/**
 * `parley data list | import <dataset> <path> | fetch <dataset>`: the standard datasets.
 * import reads a file with the dataset's loader and stores it (idempotent); fetch downloads the
 * publisher's file, checks its recorded SHA-256, and writes it atomically.
 */
import { resolve, join } from 'node:path';
import type { Command } from 'commander';
import { resolveDataDir } from '../dataDir.ts';
import { fetchDataset } from '../../data/fetchDataset.ts';
import { importDatasetFile } from '../../data/importDataset.ts';
import {
  DATASET_NAMES,
  DATASETS,
  isDatasetName,
  type DatasetEntry,
  type DatasetName,
} from '../../data/registry.ts';
import { describeStore, openStore, storeConfigFromEnv } from '../../store/index.ts';
import { UserError } from '../exit.ts';

function datasetName(name: string): DatasetName {
  if (!isDatasetName(name))
    throw new UserError(`✖ unknown dataset "${name}"; expected one of ${DATASET_NAMES.join(', ')}`);
  return name;
}

export function register(program: Command): void {
  const data = program
    .command('data')
    .description('the standard datasets: list, import into the store, fetch from the publisher');

  data
    .command('list')
    .description('the datasets Parley reads, with version, rows and publisher')
    .action(() => {
      const lines = DATASET_NAMES.map((name) => {
        const e: DatasetEntry = DATASETS[name];
        return `${name.padEnd(24)} ${String(e.rows).padStart(5)} rows  ${e.version}  ${e.downloadUrl ?? e.url}`;
      });
      process.stdout.write(lines.join('\n') + '\n');
    });

  data
    .command('import <dataset> <path>')
    .description(
      'load a dataset file into the store (SQLite by default; PARLEY_DATABASE_URL for PostgreSQL); importing the same file again writes nothing',
    )
    .addHelpText(
      'after',
      '\nExample:\n  $ parley data import cow-interstate ~/datasets/cow-wars/cow_interstate_wars_v4.0.csv',
    )
    .action(async (dataset: string, path: string) => {
      const name = datasetName(dataset);
      const config = storeConfigFromEnv();
      const store = await openStore(config);
      try {
        const r = await importDatasetFile(store, name, resolve(path));
        if (!r.ok) {
          const lines = r.issues
            .slice(0, 10)
            .map(
              (i) =>
                `✖ ${i.file}: row ${i.row}, column ${i.column}: ${i.message} (value "${i.value}")`,
            );
          if (r.issues.length > 10) lines.push(`… and ${r.issues.length - 10} more`);
          throw new UserError(lines.join('\n') + '\nnothing was imported');
        }
        const d = r.result.dataset;
        process.stdout.write(
          `${r.result.status}: ${d.name} (${d.version}), ${d.rowCount} rows, checksum ${d.checksum.slice(0, 12)} in ${describeStore(config)}\n`,
        );
      } finally {
        await store.close();
      }
    });

  data
    .command('fetch <dataset>')
    .description(
      "download a dataset from the publisher's official address, verify its recorded SHA-256, and write it atomically",
    )
    .option(
      '--out <folder>',
      'data folder, one subfolder per dataset (docs/history.md); default $PARLEY_DATA, else ../shared/data',
      resolveDataDir(undefined).dir,
    )
    .option(
      '--url <url>',
      'download from this address instead (for publishers that ship only landing pages)',
    )
    .option('--sha256 <hex>', 'expected SHA-256 (overrides the recorded one)')
    .action(async (dataset: string, opts: { out: string; url?: string; sha256?: string }) => {
      const e: DatasetEntry = DATASETS[datasetName(dataset)];
      const url = opts.url ?? e.downloadUrl;
      if (!url)
        throw new UserError(
          `✖ no direct download address is recorded for ${dataset}: its publisher ships it from ${e.url} (${e.note ?? 'zip or xlsx'}); download it there, or pass --url`,
        );
      const dest = join(resolve(opts.out), e.file);
      const r = await fetchDataset({ url, dest, sha256: opts.sha256 ?? e.sha256 });
      if (!r.ok) throw new UserError(`✖ ${r.issue.url}: ${r.issue.message}; nothing was written`);
      process.stdout.write(
        `wrote ${r.path} (${r.bytes} bytes, SHA-256 ${r.sha256}${r.verified ? ', verified' : ', no checksum recorded: not verified'})\n`,
      );
    });
}
