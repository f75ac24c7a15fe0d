import type { Command } from 'commander';
import { accessSync, constants, writeFileSync, renameSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadScenario } from '../../data/scenarios.ts';
import { warnDeprecations } from '../warnings.ts';
import { InputIssuesError, UserError } from '../exit.ts';
import { progressBar } from '../progress.ts';
import { addTraces, closePools, runScenarioParallel } from '../../jobs/localPool.ts';
import { DistributedSweepError, runScenarioDistributed } from '../../jobs/distributed/analyses.ts';
import {
  distributedFrom,
  distributedOptions,
  failPartial,
  type DistributedCliOptions,
} from './worker.ts';
import { formatRunSummary } from '../../report/summary.ts';
import { validateScenario } from '../../model/index.ts';

interface RunOptions extends DistributedCliOptions {
  runs?: number;
  seed?: number;
  threads?: number;
  month?: number;
  horizon?: number;
  json?: string;
  quiet?: boolean;
  traces?: number;
}

const int = (name: string, min: number, max: number) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UserError(
      `option ${name}: expected a whole number from ${min} to ${max}, found "${v}"`,
    );
  return n;
};

export function register(program: Command): void {
  distributedOptions(program.command('run'))
    .description(
      'simulate a scenario: outcome probabilities, time to talks by channel, and why talks are blocked',
    )
    .argument('<scenario>', 'bundled scenario id (see `parley scenarios`) or a YAML/JSON file')
    .option(
      '-n, --runs <N>',
      'Monte Carlo runs (overrides settings.runs)',
      int('--runs', 1, 1_000_000),
    )
    .option(
      '-s, --seed <S>',
      'random seed (overrides settings.seed)',
      int('--seed', 0, 2 ** 32 - 1),
    )
    .option(
      '-t, --threads <T>',
      'worker threads (results are identical for any number)',
      int('--threads', 1, 64),
      1,
    )
    .option(
      '-m, --month <M>',
      'month of the "why" explanation (overrides settings.explainMonth)',
      int('--month', 0, 1200),
    )
    .option(
      '--horizon <H>',
      'months to simulate (overrides settings.horizonMonths)',
      int('--horizon', 1, 600),
    )
    .option('--json <file>', 'also write the full result as JSON to this file')
    .option(
      '--traces <N>',
      'include month-by-month traces of the first N runs in the JSON',
      int('--traces', 0, 100),
    )
    .option('-q, --quiet', 'no progress bar')
    .addHelpText(
      'after',
      `
Examples:
  $ parley run russia-ukraine-2024
  $ parley run russia-ukraine-2024 --runs 20000 --threads 2 --month 12 --json out/ru-ua.json
  $ parley run my-war.yaml --seed 7
  $ parley run russia-ukraine-2024 --runs 1000000 --distributed --redis redis://10.0.0.5:6379`,
    )
    .action(async (ref: string, opts: RunOptions) => {
      const loaded = loadScenario(ref);
      if (!loaded.result.ok) throw new InputIssuesError(loaded.source, loaded.result.issues);
      warnDeprecations(loaded.source, loaded.result.warnings);
      const raw = structuredClone(loaded.result.value);
      if (opts.runs !== undefined) raw.settings.runs = opts.runs;
      if (opts.seed !== undefined) raw.settings.seed = opts.seed;
      if (opts.horizon !== undefined) raw.settings.horizonMonths = opts.horizon;
      if (opts.month !== undefined) raw.settings.explainMonth = opts.month;
      // re-validate: overrides must respect the same rules (e.g. months inside the horizon)
      const checked = validateScenario(raw);
      if (!checked.ok)
        throw new InputIssuesError(
          `${loaded.source} (with command-line overrides)`,
          checked.issues,
        );
      const scenario = checked.value;
      // fail before a long simulation, not after, if the output cannot be written
      if (opts.json) accessSync(dirname(resolve(opts.json)), constants.W_OK);
      const total = scenario.settings.runs;
      const dist = distributedFrom(opts);
      // a short run is over before a bar would help; distributed runs have their own bar
      const small = total * scenario.settings.horizonMonths < 2_000_000;
      const bar = progressBar('simulating', 'runs', opts.quiet || dist !== undefined || small);
      bar.update(0, total);
      const started = performance.now();
      let result;
      try {
        result = dist
          ? addTraces(await runScenarioDistributed(scenario, dist), scenario, opts.traces ?? 0)
          : await runScenarioParallel(scenario, {
              threads: opts.threads,
              traces: opts.traces,
              onProgress: (done) => bar.update(done, total),
            }).finally(closePools);
      } catch (e) {
        if (e instanceof DistributedSweepError) return failPartial(e, undefined);
        throw e;
      }
      bar.stop();
      const seconds = (performance.now() - started) / 1000;
      process.stdout.write(formatRunSummary(result, seconds) + '\n');
      if (opts.json) {
        const tmp = `${opts.json}.tmp-${process.pid}`;
        writeFileSync(tmp, JSON.stringify(result, null, 2));
        renameSync(tmp, opts.json);
        process.stdout.write(`\nFull result written to ${opts.json}\n`);
      }
    });
}
