/**
 * `parley calibrate`: fits the engine's calibrated defaults (and the scenario builder's levels)
 * to COW and UCDP history by the simulated method of moments (src/calibrate/calibrate.ts) and,
 * with --write, saves them with their provenance to src/model/calibratedDefaults.json.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import {
  calibrate,
  KNOBS,
  knobValues,
  targetsFrom,
  type CalibrationResult,
  type Fit,
  type Targets,
} from '../../calibrate/calibrate.ts';
import { DEFAULT_BUILDER } from '../../calibrate/scenarioFromCase.ts';
import { makeFolds, selectCalibrationCases } from '../../calibrate/backtest.ts';
import { loadCalibrationData } from '../../data/calibrationData.ts';
import type { HistoricalCase } from '../../calibrate/historicalCases.ts';
import { REPO_ROOT } from '../../data/scenarios.ts';
import { UserError } from '../exit.ts';
import { progressBar } from '../progress.ts';
import { dataOption, requireDatasets, resolveDataDir } from '../dataDir.ts';
import { calibrateDistributed } from '../../jobs/distributed/calibrate.ts';
import { DistributedSweepError } from '../../jobs/distributed/analyses.ts';
import {
  distributedFrom,
  distributedOptions,
  failPartial,
  type DistributedCliOptions,
} from './worker.ts';

// the source file (from the repository root): the compiled CLI in dist/ reads the same one
export const CALIBRATED_DEFAULTS_FILE = join(REPO_ROOT, 'src', 'model', 'calibratedDefaults.json');

/** The knob values of the shipped calibration, read afresh from the file (--warm-start). */
function shippedKnobValues(): Record<string, number> {
  let shipped: {
    engine?: Record<string, Record<string, number>>;
    builder?: Record<string, number>;
  };
  try {
    shipped = JSON.parse(readFileSync(CALIBRATED_DEFAULTS_FILE, 'utf8')) as typeof shipped;
  } catch (e) {
    throw new UserError(
      `✖ --warm-start: cannot read ${CALIBRATED_DEFAULTS_FILE}: ${(e as Error).message}`,
    );
  }
  return knobValues({ engine: shipped.engine ?? {}, builder: shipped.builder ?? {} }, KNOBS);
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;
const fitSummary = (f: Fit) => ({
  objective: r3(f.objective),
  ksCowDuration: r3(f.ksCowDuration),
  ksUcdpDuration: r3(f.ksUcdpDuration),
  pitKsCow: r3(f.pitKsCow),
  pitKsUcdp: r3(f.pitKsUcdp),
  cowVictoryShare: r3(f.moments.cowVictoryShare),
  cowVictoryShareError: r3(f.cowVictoryShareError),
  cowDurationQuantilesMonthIndex: f.moments.cowQuantiles,
  ucdpShares: {
    interstate: f.moments.ucdpShares.interstate.map(r3),
    civil: f.moments.ucdpShares.civil.map(r3),
  },
  ucdpShareErrors: {
    interstate: f.ucdpShareErrors.interstate.map(r3),
    civil: f.ucdpShareErrors.civil.map(r3),
  },
  mediatedNegotiatedShareCivil: r3(f.moments.mediatedNegotiatedShare),
});

/** p10 … p90 of the wars' lengths in whole months (the month index in which each war ended). */
function wholeMonthQuantiles(months: readonly number[]) {
  const m = months.map((x) => Math.floor(x)).sort((a, b) => a - b);
  const q = (p: number) => (m.length ? m[Math.max(0, Math.ceil(p * m.length) - 1)] : null);
  return { p10: q(0.1), p25: q(0.25), p50: q(0.5), p75: q(0.75), p90: q(0.9) };
}

export function formatFit(label: string, f: Fit, t: Targets): string {
  const q = f.moments.cowQuantiles;
  const pct = (xs: number[]) => xs.map((x) => `${Math.round(x * 100)}%`).join('/');
  return [
    `${label}: objective ${f.objective.toFixed(3)}  KS(COW durations) ${f.ksCowDuration.toFixed(3)}  KS(UCDP durations, censored) ${f.ksUcdpDuration.toFixed(3)}  KS(PIT of each COW war, reported) ${f.pitKsCow.toFixed(3)}  KS(PIT of each UCDP episode) ${f.pitKsUcdp.toFixed(3)}  COW victory share ${pct([f.moments.cowVictoryShare])} (history ${pct([t.cowVictoryShare])})`,
    `  COW duration month index p10/p25/p50/p75/p90: ${q.p10}/${q.p25}/${q.p50}/${q.p75}/${q.p90}`,
    `  UCDP agreement/ceasefire/victory, interstate ${pct(f.moments.ucdpShares.interstate)} (history ${pct(t.ucdpShares.interstate)}), civil ${pct(f.moments.ucdpShares.civil)} (history ${pct(t.ucdpShares.civil)})`,
    `  negotiated civil ends reached with a mediator ${pct([f.moments.mediatedNegotiatedShare])} (ETH/PRIO ceasefires with a mediator ${t.mediatedCeasefireShare === null ? 'n/a' : pct([t.mediatedCeasefireShare])}; reported, not fitted)`,
  ].join('\n');
}

export function register(program: Command): void {
  dataOption(distributedOptions(program.command('calibrate')))
    .description(
      "fit the engine's calibrated defaults to COW and UCDP history (simulated method of moments, common random numbers)",
    )
    .option('--runs <n>', 'runs per case and parameter vector', '100')
    .option('--evaluations <n>', 'Nelder–Mead evaluations', '150')
    .option('--seed <n>', 'seed shared by every evaluation (common random numbers)', '11')
    .option('--write', 'save the result to src/model/calibratedDefaults.json')
    .option(
      '--warm-start',
      'start the search from the shipped calibration (src/model/calibratedDefaults.json) instead of the literature values; knobs it lacks start at theirs. Use it only when the shipped file was fitted on the same --fold',
    )
    .option('-q, --quiet', 'no progress bar (there is none when stderr is not a terminal)')
    .option(
      '--fold <fold>',
      "'train': fit on the time split's training fold only (the earliest two-thirds of wars by start year, as the back-test's held-out figures assume); 'all': every war",
      'train',
    )
    .option(
      '--no-covariates',
      'ignore COW NMC capabilities and Polity5 regimes (strength from side sizes, as before)',
    )
    .action(
      async (
        opts: {
          data?: string;
          runs: string;
          evaluations: string;
          seed: string;
          write?: boolean;
          fold: string;
          warmStart?: boolean;
          covariates: boolean;
          quiet?: boolean;
        } & DistributedCliOptions,
      ) => {
        const runs = Number(opts.runs);
        const evaluations = Number(opts.evaluations);
        const seed = Number(opts.seed);
        if (![runs, evaluations, seed].every((n) => Number.isInteger(n) && n >= 0))
          throw new UserError('✖ --runs, --evaluations and --seed must be non-negative integers');
        const dataDir = resolveDataDir(opts.data);
        requireDatasets('calibrate', dataDir, ['cow-interstate', 'ucdp-termination']);
        const data = loadCalibrationData(dataDir.dir, ['cow', 'ucdp'], {
          covariates: opts.covariates,
        });
        if (opts.fold !== 'train' && opts.fold !== 'all')
          throw new UserError(`✖ --fold must be 'train' or 'all', got '${opts.fold}'`);
        // defaults are chosen on training folds only: held-out wars never shape them
        const pick = (xs: HistoricalCase[]): HistoricalCase[] =>
          opts.fold === 'all' ? xs : makeFolds(xs, 'time', 1, seed)[0].train;
        const trainCow = pick(data.cow);
        const trainUcdp = pick(data.ucdp);
        const targets = targetsFrom(trainCow, trainUcdp, data.mediatedCeasefireShare);
        const { cow, ucdp } = selectCalibrationCases(trainCow, trainUcdp);
        const started = Date.now();
        const input = {
          cow,
          ucdp,
          targets,
          runs,
          horizonMonths: 240,
          seed,
          maxEvaluations: evaluations,
          base: DEFAULT_BUILDER,
          warmStart: opts.warmStart ? shippedKnobValues() : undefined,
        };
        // distributed: each objective evaluation's case simulations run on the workers (see jobs/distributed/calibrate.ts)
        const dist = distributedFrom(opts, false);
        // evaluations run on after the budget while Nelder–Mead finishes a step: the bar grows
        const bar = progressBar('calibrating', 'evaluations', opts.quiet);
        const onEvaluation = (n: number, objective: number) =>
          bar.update(n, Math.max(n, evaluations), `objective ${objective.toFixed(4)}`);
        let result: CalibrationResult;
        try {
          result = dist
            ? await calibrateDistributed(input, { ...dist, onEvaluation })
            : calibrate(input, onEvaluation);
        } catch (e) {
          if (!(e instanceof DistributedSweepError)) throw e;
          return failPartial(e, undefined);
        } finally {
          bar.stop();
        }
        const seconds = (Date.now() - started) / 1000;
        process.stdout.write(
          `${formatFit('search start (literature engine values)', result.start, targets)}\n${formatFit('calibrated', result.fit, targets)}\n`,
        );
        process.stdout.write(
          `parameters: ${JSON.stringify(result.parameters)}\n${result.evaluations} evaluations in ${seconds.toFixed(0)} s\n`,
        );
        if (!opts.write) return;
        const file = {
          $comment:
            'Calibrated defaults of the engine (read by src/model/mechanismParams.ts) and levels of the back-test scenario builder. Written by `parley calibrate --write`; do not edit by hand.',
          method:
            'simulated method of moments with common random numbers (one seed for every parameter vector); Nelder–Mead over logistic-transformed bounds; objective = KS distance of pooled simulated vs COW inter-state durations + KS distance of pooled simulated UCDP episode durations vs the Kaplan–Meier curve of the training episodes + |COW victory-share error| + RMS error of UCDP agreement/ceasefire/victory shares by conflict type (episodes that faded to low activity outside the shares, as in the data) + KS distance from uniform of the PIT of each UCDP episode under its own simulation',
          date: new Date().toISOString().slice(0, 10),
          command: `parley calibrate --runs ${runs} --evaluations ${evaluations} --seed ${seed} --fold ${opts.fold}${opts.covariates ? '' : ' --no-covariates'}${opts.warmStart ? ' --warm-start' : ''} --write`,
          fold:
            opts.fold === 'train'
              ? `training fold of the time split: COW wars starting ${Math.min(...trainCow.map((c) => c.startYear))}–${Math.max(...trainCow.map((c) => c.startYear))}, UCDP episodes starting ${Math.min(...trainUcdp.map((c) => c.startYear))}–${Math.max(...trainUcdp.map((c) => c.startYear))}`
              : 'every war (no held-out wars)',
          covariateCoverage: { cowCases: data.cow.length, ...data.covariateCoverage },
          data: data.versions,
          cases: { cow: cow.length, ucdp: ucdp.length },
          runsPerCase: runs,
          evaluations: result.evaluations,
          engine: result.engine,
          builder: result.builder,
          targets: {
            cowDurationQuantilesMonthIndex: wholeMonthQuantiles(targets.cowMonths),
            cowVictoryShare: r3(targets.cowVictoryShare),
            ucdpShares: {
              interstate: targets.ucdpShares.interstate.map(r3),
              civil: targets.ucdpShares.civil.map(r3),
            },
            mediatedCeasefireShare:
              targets.mediatedCeasefireShare === null ? null : r3(targets.mediatedCeasefireShare),
          },
          fit: { literatureDefaults: fitSummary(result.start), calibrated: fitSummary(result.fit) },
        };
        const tmp = `${CALIBRATED_DEFAULTS_FILE}.tmp`;
        writeFileSync(tmp, JSON.stringify(file, null, 2) + '\n');
        renameSync(tmp, CALIBRATED_DEFAULTS_FILE);
        process.stdout.write(`wrote ${CALIBRATED_DEFAULTS_FILE}\n`);
      },
    );
}
