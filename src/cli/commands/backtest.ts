/**
 * `parley backtest`: scores the engine's forecasts for COW inter-state wars and UCDP conflict
 * episodes against what happened, beside baselines fitted on the same training cases, and says
 * plainly where the engine loses. Prints a table (or JSON) and writes the full result as JSON.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_CASES_DIR } from '../../data/cases.ts';
import { contactBacktestCommand } from './backtestContact.ts';
import { relapseBacktestCommand } from './backtestRelapse.ts';
import {
  engineLosses,
  formatBacktestTable,
  runBacktest,
  type BacktestOptions,
} from '../../calibrate/backtest.ts';
import type { HistoricalCase } from '../../calibrate/historicalCases.ts';
import type { BuilderParams, EngineOverrides } from '../../calibrate/scenarioFromCase.ts';
import { CALIBRATED_DEFAULTS_FILE } from './calibrate.ts';
import { loadCalibrationData } from '../../data/calibrationData.ts';
import { backtestHtml } from '../../report/backtestHtml.ts';
import { reliabilityDiagram } from '../../report/charts/reliabilityDiagram.ts';
import { renderSvg } from '../../report/render.ts';
import { UserError } from '../exit.ts';
import { progressBar } from '../progress.ts';
import { writeAtomic } from '../scenarioInput.ts';
import { dataOption, requireDatasets, resolveDataDir } from '../dataDir.ts';

const int = (name: string, v: string, min = 0): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min)
    throw new UserError(`✖ ${name} must be an integer ≥ ${min}, found "${v}"`);
  return n;
};

/** Every n-th case (deterministic), for quick runs. */
const subset = (cases: HistoricalCase[], n: number | undefined) =>
  n === undefined || n >= cases.length
    ? cases
    : cases.filter((_, i) => i % Math.ceil(cases.length / n) === 0);

export function register(program: Command): void {
  dataOption(program.command('backtest'))
    .description(
      'score engine forecasts for historical wars against what happened, beside base-rate, Kaplan–Meier, Weibull and Cox baselines',
    )
    .option(
      '--target <target>',
      'duration (COW/UCDP wars), contact (time to first contact and first channel, case base) or relapse (the peace holding 5 years, case base)',
      'duration',
    )
    .option(
      '--split <split>',
      'time (train on earlier wars, test on later ones), kfold, or loo (leave-one-out; --target contact)',
      'time',
    )
    .option('--folds <k>', 'folds for --split kfold', '5')
    .option(
      '--cut-year <year>',
      'with --split time and --target contact: train on wars begun before this year (default: the year that leaves about two-thirds for training)',
    )
    .option(
      '--subset <n>',
      'use about n cases per source (duration) or of the case base (contact): quick runs',
    )
    .option('--source <source>', 'cow, ucdp or both', 'both')
    .option('--runs <n>', 'engine runs per test case', '400')
    .option('--calibration-runs <n>', 'runs per case while calibrating on a training fold', '40')
    .option(
      '--calibration-evaluations <n>',
      'Nelder–Mead evaluations per training fold (13 knobs: fewer leave the search near its start)',
      '300',
    )
    .option(
      '--shipped-calibration',
      "with --split time: the engine row uses the shipped defaults (src/model/calibratedDefaults.json, which `parley calibrate --fold train` fits on this split's training fold) instead of a quicker calibration per source",
    )
    .option('--seed <n>', 'seed (simulation and fold shuffle)', '11')
    .option('--out <file>', 'write the full result as JSON here', 'backtest.json')
    .option('--cases <path>', 'case folder for --target contact', DEFAULT_CASES_DIR)
    .option('--json', 'print JSON instead of the table')
    .option(
      '--write-defaults',
      'with --split time and --target contact or relapse: save the training fold’s fit as the engine’s contact (src/model/contactDefaults.json) or durability defaults (src/model/durabilityDefaults.json)',
    )
    .option('--html <file>', 'also write an HTML report with reliability diagrams')
    .option('-q, --quiet', 'no progress bar (there is none when stderr is not a terminal)')
    .option(
      '--no-covariates',
      'ignore COW NMC capabilities and Polity5 regimes (strength from side sizes, as before)',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  $ parley backtest\n  $ parley backtest --split kfold --folds 5\n  $ parley backtest --subset 20 --json\n  $ parley backtest --target contact --split loo',
    )
    .action(
      async (
        o: {
          target: string;
          split: string;
          folds: string;
          cutYear?: string;
          subset?: string;
          source: string;
          runs: string;
          calibrationRuns: string;
          calibrationEvaluations: string;
          shippedCalibration?: boolean;
          seed: string;
          data?: string;
          out: string;
          json?: boolean;
          html?: string;
          cases: string;
          covariates: boolean;
          writeDefaults?: boolean;
          quiet?: boolean;
        },
        cmd: Command,
      ) => {
        if (o.writeDefaults && o.target !== 'contact' && o.target !== 'relapse')
          throw new UserError(
            '✖ --write-defaults goes with --target contact or relapse and --split time',
          );
        if (o.cutYear !== undefined && o.target !== 'contact')
          throw new UserError('✖ --cut-year goes with --target contact and --split time');
        if (o.target === 'relapse')
          return relapseBacktestCommand({
            split: o.split,
            runs: int('--runs', o.runs, 10),
            cases: o.cases,
            out: cmd.getOptionValueSource('out') === 'default' ? 'backtest-relapse.json' : o.out,
            json: o.json,
            writeDefaults: o.writeDefaults,
          });
        if (o.target === 'contact')
          return contactBacktestCommand({
            subset: o.subset === undefined ? undefined : int('--subset', o.subset, 6),
            split: o.split,
            cutYear: o.cutYear === undefined ? undefined : int('--cut-year', o.cutYear, 1),
            runs: int('--runs', o.runs, 10),
            seed: int('--seed', o.seed),
            cases: o.cases,
            // the duration back-test's default file is not overwritten by the contact one
            out: cmd.getOptionValueSource('out') === 'default' ? 'backtest-contact.json' : o.out,
            json: o.json,
            html: o.html,
            writeDefaults: o.writeDefaults,
          });
        if (o.target !== 'duration')
          throw new UserError(
            `✖ --target must be duration, contact or relapse, found "${o.target}"`,
          );
        if (o.split !== 'time' && o.split !== 'kfold')
          throw new UserError(`✖ --split must be time or kfold, found "${o.split}"`);
        if (!['cow', 'ucdp', 'both'].includes(o.source))
          throw new UserError(`✖ --source must be cow, ucdp or both, found "${o.source}"`);
        const n = o.subset === undefined ? undefined : int('--subset', o.subset, 4);
        const dataDir = resolveDataDir(o.data);
        const needed = (['cow', 'ucdp'] as const).filter(
          (s) => o.source === 'both' || o.source === s,
        );
        requireDatasets(
          'backtest',
          dataDir,
          needed.map((s) => (s === 'cow' ? 'cow-interstate' : 'ucdp-termination')),
        );
        const data = loadCalibrationData(dataDir.dir, needed, { covariates: o.covariates });
        const opts: BacktestOptions = {
          split: o.split,
          folds: int('--folds', o.folds, 2),
          checkpoints: [0, 6, 12],
          horizons: [6, 12, 24],
          runs: int('--runs', o.runs, 10),
          horizonMonths: 240,
          seed: int('--seed', o.seed),
          calibration: {
            runs: int('--calibration-runs', o.calibrationRuns, 10),
            evaluations: int('--calibration-evaluations', o.calibrationEvaluations, 1),
          },
          mediatedCeasefireShare: data.mediatedCeasefireShare,
          ...(o.shippedCalibration ? { calibrated: shippedCalibration(o.split, o.seed) } : {}),
        };
        const sources: { source: 'cow-interstate' | 'ucdp'; cases: HistoricalCase[] }[] = [];
        if (o.source !== 'ucdp')
          sources.push({ source: 'cow-interstate', cases: subset(data.cow, n) });
        if (o.source !== 'cow') sources.push({ source: 'ucdp', cases: subset(data.ucdp, n) });
        const started = Date.now();
        const bar = progressBar('back-testing', 'folds', o.quiet);
        let result: ReturnType<typeof runBacktest>;
        try {
          result = runBacktest(sources, opts, (_, at) =>
            bar.update(at.fold - 1, at.folds, `${at.source} fold ${at.fold}`),
          );
        } finally {
          bar.stop();
        }
        const losses = engineLosses(result);
        const seconds = (Date.now() - started) / 1000;
        const command = `parley backtest --split ${o.split}${o.shippedCalibration ? ' --shipped-calibration' : ''}${o.split === 'kfold' ? ` --folds ${opts.folds}` : ''}${n ? ` --subset ${n}` : ''} --source ${o.source} --runs ${opts.runs} --seed ${opts.seed}${o.covariates ? '' : ' --no-covariates'}`;
        const full = {
          command,
          data: data.versions,
          cases: Object.fromEntries(sources.map((s) => [s.source, s.cases.length])),
          // COW cases whose scenarios use CINC strength / polity2 regimes of both sides
          covariateCoverage: data.covariateCoverage,
          seconds,
          ...result,
          engineLosses: losses,
        };
        const out = resolve(o.out);
        mkdirSync(dirname(out), { recursive: true });
        writeAtomic(out, JSON.stringify(full, null, 2) + '\n');
        if (o.html) {
          const charts = [];
          for (const s of sources) {
            const models = result.reliability
              .filter((x) => x.source === s.source)
              .map((x) => ({ model: x.model, bins: x.bins }));
            const title = `${s.source}: P(ends within 12 months), all checkpoints`;
            charts.push({ title, svg: await renderSvg(reliabilityDiagram(title, models)) });
          }
          const html = resolve(o.html);
          writeAtomic(html, backtestHtml({ command, result, losses, charts }));
        }
        if (o.json) {
          process.stdout.write(JSON.stringify(full, null, 2) + '\n');
          return;
        }
        process.stdout.write(
          [
            `Back-test (${command}); cases: ${sources.map((s) => `${s.source} ${s.cases.length}`).join(', ')}; ${seconds.toFixed(0)} s`,
            `COW cases with CINC strength: ${data.covariateCoverage.capability} of ${data.cow.length}; with polity2 regimes on both sides: ${data.covariateCoverage.polity2}`,
            'CRPS and MAE (of the median) of the remaining duration in months, lower is better; PRE = reduction of MAE against the base rate;',
            'BSSh = Brier skill of P(ends within h months) against the base rate; C = concordance of P(ends within 12 months); logS(vic) = mean log score of P(military victory).',
            '',
            formatBacktestTable(result),
            '',
            losses.length
              ? 'Where the engine loses to a baseline:'
              : 'The engine does not lose to any baseline on CRPS, Brier skill at 12 months or log score.',
            ...losses.map((l) => `  - ${l}`),
            `full result: ${out}`,
          ].join('\n') + '\n',
        );
      },
    );
}

/**
 * The shipped calibrated defaults as the back-test's engine, allowed only where they are honest:
 * the time split, with the file fitted on that split's training fold with the same seed (its
 * `command` says so), so no held-out war shaped them.
 */
function shippedCalibration(
  split: string,
  seed: string,
): { engine: EngineOverrides; builder: BuilderParams } {
  if (split !== 'time')
    throw new UserError(
      '✖ --shipped-calibration needs --split time: the shipped defaults were fitted on its training fold, which overlaps the test folds of any other split',
    );
  const file = JSON.parse(readFileSync(CALIBRATED_DEFAULTS_FILE, 'utf8')) as {
    command: string;
    engine: EngineOverrides;
    builder: BuilderParams;
  };
  if (!file.command.includes('--fold train') || !file.command.includes(`--seed ${seed} `))
    throw new UserError(
      `✖ --shipped-calibration: ${CALIBRATED_DEFAULTS_FILE} was made by "${file.command}", not on the time split's training fold with --seed ${seed}; run parley calibrate --fold train --seed ${seed} --write first`,
    );
  return { engine: file.engine, builder: file.builder };
}
