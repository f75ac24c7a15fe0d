/**
 * `parley sweep <scenario> --param path=v1,v2,...` (a grid) or `--random N --param path=low:high`
 * (N seeded random points): runs every cell on the local worker pool with a progress bar and
 * writes CSV and JSON. Resumable: the out folder holds a manifest and one file per finished cell
 * (each written atomically); a rerun skips the cells already done.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import {
  gridDesign,
  METRIC_IDS,
  parseDesignParams,
  randomDesign,
  withValues,
  summariseRecords,
  type Cell,
  type Outcomes,
} from '../../analysis/index.ts';
import { scenarioHash } from '../../engine/hash.ts';
import type { RecordSet } from '../../analysis/outcomes.ts';
import { mulberry32 } from '../../history/stats.ts';
import { simulateRecordsMany } from '../../jobs/recordsPool.ts';
import { closePools } from '../../jobs/workerPool.ts';
import {
  DistributedSweepError,
  simulateRecordsDistributed,
} from '../../jobs/distributed/analyses.ts';
import type { InputIssue, Scenario } from '../../model/index.ts';
import { InputIssuesError, UserError } from '../exit.ts';
import { int, overrideInt, loadWithOverrides, writeAtomic } from '../scenarioInput.ts';
import { storeAnalysis } from '../storeAnalysis.ts';
import {
  distributedFrom,
  distributedOptions,
  failPartial,
  type DistributedCliOptions,
} from './worker.ts';

interface SweepOptions extends DistributedCliOptions {
  param?: string[];
  random?: number;
  out?: string;
  runs?: number;
  seed?: number;
  horizon?: number;
  threads: number;
  quiet?: boolean;
  store?: boolean;
}

export interface SweepManifest {
  scenarioId: string;
  scenarioHash: string;
  runs: number;
  seed: number;
  horizonMonths: number;
  design: 'grid' | 'random';
  params: string[];
  cells: Cell[];
}

export interface CellResult {
  index: number;
  key: string;
  values: Cell['values'];
  outcomes: Outcomes;
}

const cellFile = (dir: string, index: number) =>
  join(dir, 'cells', `${String(index).padStart(5, '0')}.json`);

function csv(cells: CellResult[], paths: string[]): string {
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [['cell', ...paths, ...METRIC_IDS].map(q).join(',')];
  for (const c of cells)
    lines.push(
      [
        String(c.index),
        ...paths.map((p) => String(c.values.find((v) => v.path === p)?.value ?? '')),
        ...METRIC_IDS.map((m) => (c.outcomes[m] === null ? '' : String(c.outcomes[m]))),
      ].join(','),
    );
  return lines.join('\n') + '\n';
}

export function register(program: Command): void {
  distributedOptions(program.command('sweep'))
    .description('run a grid or a random design over scenario inputs; CSV and JSON out; resumable')
    .argument('<scenario>', 'bundled scenario id or a YAML/JSON file')
    .option('--param <spec...>', 'grid: path=v1,v2,...; with --random: path=low:high')
    .option(
      '--random <N>',
      'N random points (seeded by --seed) instead of a grid',
      int('--random', 1, 100_000),
    )
    .option('-o, --out <dir>', 'output folder (default sweep-<scenario id>)')
    .option('-n, --runs <N>', 'Monte Carlo runs per cell', overrideInt('--runs', 'runs'))
    .option(
      '-s, --seed <S>',
      'random seed (every cell; also the random design)',
      overrideInt('--seed', 'seed'),
    )
    .option('--horizon <H>', 'months to simulate', overrideInt('--horizon', 'horizonMonths'))
    .option('-t, --threads <T>', 'worker threads', int('--threads', 1, 64), 1)
    .option('-q, --quiet', 'no progress bar')
    .option('--store', 'also save the results to the store (PARLEY_DATABASE_URL or PARLEY_DB)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ parley sweep russia-ukraine-2024 --param parties.ukraine.support.united-states.waningRate=0,0.02,0.05 --runs 500\n  $ parley sweep russia-ukraine-2024 --random 20 --param parties.russia.leader.hawkishness=0.3:0.9 front.balance=0.4:0.7 --threads 2\n\nPaths name list items by id (parties.ukraine) or patron (support.united-states).\nWith --store the results are also saved as a sweep analysis in the store.',
    )
    .action(async (ref: string, opts: SweepOptions) => {
      const params = opts.param ?? [];
      if (params.length === 0)
        throw new UserError(
          '✖ give at least one --param (path=v1,v2 or, with --random, path=low:high)',
        );
      const { scenario, source } = loadWithOverrides(ref, opts);
      const parsed = parseDesignParams(params, opts.random !== undefined);
      if (!parsed.ok) throw new InputIssuesError('--param', parsed.issues);
      const cells =
        opts.random !== undefined
          ? randomDesign(parsed.value.factors, opts.random, mulberry32(scenario.settings.seed))
          : gridDesign(parsed.value.grid);
      // validate every cell before writing anything (a value outside a field's range is an error, not clamped)
      const scenarios: Scenario[] = [];
      const issues: InputIssue[] = [];
      for (const c of cells) {
        const r = withValues(scenario, c.values);
        if (r.ok) scenarios.push(r.value);
        else
          issues.push(...r.issues.map((i) => ({ ...i, message: `cell ${c.index}: ${i.message}` })));
      }
      if (issues.length > 0) throw new InputIssuesError(source, issues.slice(0, 20));
      const dir = opts.out ?? `sweep-${scenario.id}`;
      const manifest: SweepManifest = {
        scenarioId: scenario.id,
        scenarioHash: scenarioHash(scenario),
        runs: scenario.settings.runs,
        seed: scenario.settings.seed,
        horizonMonths: scenario.settings.horizonMonths,
        design: opts.random !== undefined ? 'random' : 'grid',
        params,
        cells,
      };
      const manifestFile = join(dir, 'manifest.json');
      if (existsSync(manifestFile)) {
        const old = readFileSync(manifestFile, 'utf8');
        if (old !== JSON.stringify(manifest, null, 2))
          throw new UserError(
            `✖ ${dir} holds a different sweep (another scenario, design or settings); choose another --out folder or remove it`,
          );
      }
      mkdirSync(join(dir, 'cells'), { recursive: true });
      writeAtomic(manifestFile, JSON.stringify(manifest, null, 2));
      const done = new Map<number, CellResult>();
      for (const c of cells)
        if (existsSync(cellFile(dir, c.index))) {
          try {
            const r = JSON.parse(readFileSync(cellFile(dir, c.index), 'utf8')) as CellResult;
            if (r.key === c.key) done.set(c.index, r);
          } catch {
            // a damaged cell file is simply run again
          }
        }
      const todo = cells.filter((c) => !done.has(c.index));
      process.stderr.write(
        `sweep: ${cells.length} cells, ${done.size} already done, ${todo.length} to run (${scenario.settings.runs} runs each) → ${dir}\n`,
      );
      const bar =
        !opts.quiet && process.stderr.isTTY
          ? new SingleBar(
              {
                format: 'sweeping {bar} {value}/{total} cells | {eta_formatted} left',
                stream: process.stderr,
              },
              Presets.shades_classic,
            )
          : undefined;
      bar?.start(cells.length, done.size);
      const dist = distributedFrom(opts, false); // the cells bar shows progress
      try {
        const onDone = (i: number, records: RecordSet) => {
          const c = todo[i];
          const r: CellResult = {
            index: c.index,
            key: c.key,
            values: c.values,
            outcomes: summariseRecords(records),
          };
          writeAtomic(cellFile(dir, c.index), JSON.stringify(r));
          done.set(c.index, r);
          bar?.increment();
        };
        const todoScenarios = todo.map((c) => scenarios[c.index]);
        await (dist
          ? simulateRecordsDistributed(todoScenarios, {
              ...dist,
              names: todo.map((c) => `cell ${c.index}`),
              onDone,
            })
          : simulateRecordsMany(todoScenarios, { threads: opts.threads, onDone }));
      } catch (e) {
        if (!(e instanceof DistributedSweepError)) throw e;
        // the finished cells are already in the folder, so a rerun resumes; keep a partial summary too
        bar?.stop();
        const finished = cells.flatMap((c) => done.get(c.index) ?? []);
        const partialFile = join(dir, 'results.partial.json');
        const { cells: _cells, ...params } = manifest;
        writeAtomic(
          partialFile,
          JSON.stringify({ manifest: params, failures: e.failures, results: finished }, null, 2),
        );
        process.stderr.write(
          `${finished.length} of ${cells.length} cells done (${partialFile}); rerun to resume\n`,
        );
        const rows = finished.map((r) => ({
          cell: r.index,
          ...Object.fromEntries(r.values.map((v) => [v.path, v.value])),
          ...r.outcomes,
        }));
        const summary = { cells: cells.length, design: manifest.design };
        return failPartial(
          e,
          opts.store ? { kind: 'sweep', scenario, params, summary, rows } : undefined,
        );
      } finally {
        bar?.stop();
        await closePools();
      }
      const results = cells.map((c) => done.get(c.index)!);
      const paths = [...new Set(cells.flatMap((c) => c.values.map((v) => v.path)))];
      writeAtomic(
        join(dir, 'results.json'),
        JSON.stringify({ manifest: { ...manifest, cells: undefined }, results }, null, 2),
      );
      writeAtomic(join(dir, 'results.csv'), csv(results, paths));
      process.stdout.write(
        `Sweep of ${cells.length} cells written to ${join(dir, 'results.csv')} and results.json\n`,
      );
      if (opts.store) {
        const { cells: _cells, ...params } = manifest;
        const rows = results.map((r) => ({
          cell: r.index,
          ...Object.fromEntries(r.values.map((v) => [v.path, v.value])),
          ...r.outcomes,
        }));
        process.stdout.write(
          (await storeAnalysis(
            'sweep',
            scenario,
            params,
            { cells: cells.length, design: manifest.design },
            rows,
          )) + '\n',
        );
      }
    });
}
