/**
 * `parley sensitivity <scenario>`: which inputs move the outcomes. Tornado (one at a time, low and
 * high value of every input given as a distribution, plus --factor path=low:high) or Morris
 * screening (seeded random trajectories). All points on common random numbers.
 */
import type { Command } from 'commander';
import {
  METRIC_IDS,
  METRICS,
  parseFactor,
  type Factor,
  type MetricId,
} from '../../analysis/index.ts';
import { runMorris, runTornado, sensitivityFactors } from '../../jobs/analyses.ts';
import { closePools } from '../../jobs/workerPool.ts';
import type { Result, Scenario } from '../../model/index.ts';
import { InputIssuesError, UserError } from '../exit.ts';
import { progressBar } from '../progress.ts';
import { int, overrideInt, loadWithOverrides } from '../scenarioInput.ts';
import {
  DistributedSweepError,
  runMorrisDistributed,
  runTornadoDistributed,
} from '../../jobs/distributed/analyses.ts';
import {
  distributedFrom,
  distributedOptions,
  failPartial,
  type DistributedCliOptions,
} from './worker.ts';

interface SensitivityOptions extends DistributedCliOptions {
  method: string;
  factor?: string[];
  outcome: string;
  runs?: number;
  seed?: number;
  horizon?: number;
  threads: number;
  trajectories: number;
  json?: boolean;
  quiet?: boolean;
}

/** Factors from the scenario's distributions and `--factor path=low:high`; user errors when none. */
export function factorsFor(
  scenario: Scenario,
  source: string,
  extra: readonly string[] = [],
): Factor[] {
  const explicit: Factor[] = [];
  for (const t of extra) {
    const r = parseFactor(t);
    if (!r.ok) throw new InputIssuesError('--factor', r.issues);
    explicit.push(r.value);
  }
  const factors = sensitivityFactors(scenario, explicit);
  if (!factors.ok) throw new UserError(`✖ ${source}: ${factors.issues[0].message}`);
  return factors.value;
}

/** Unwraps an analysis result for the terminal: issues become a user error naming the source. */
export function orExit<T>(source: string, r: Result<T>): T {
  if (!r.ok) throw new InputIssuesError(source, r.issues);
  return r.value;
}

const fmt = (id: MetricId, x: number | null) => {
  if (x === null) return '—';
  const unit = METRICS.find((m) => m.id === id)!.unit;
  return unit === 'share'
    ? `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)} pts`
    : `${x >= 0 ? '+' : ''}${unit === 'people' ? Math.round(x).toLocaleString('en-GB') : x.toFixed(1)}`;
};

const plain = (id: MetricId, x: number | null) => {
  if (x === null) return '—';
  const unit = METRICS.find((m) => m.id === id)!.unit;
  return unit === 'share'
    ? `${(100 * x).toFixed(1)}%`
    : unit === 'people'
      ? Math.round(x).toLocaleString('en-GB')
      : x.toFixed(1);
};

export function register(program: Command): void {
  distributedOptions(program.command('sensitivity'))
    .description(
      'which uncertain inputs move the outcomes most: tornado (one at a time) or Morris screening',
    )
    .argument('<scenario>', 'bundled scenario id or a YAML/JSON file')
    .option('--method <m>', 'tornado or morris', 'tornado')
    .option(
      '--factor <path=low:high...>',
      'more inputs to vary, e.g. parties.ukraine.leader.hawkishness=0.3:0.9',
    )
    .option('--outcome <id>', `outcome to rank by (${METRIC_IDS.join(', ')})`, 'settlement24')
    .option('-n, --runs <N>', 'Monte Carlo runs per point', overrideInt('--runs', 'runs'))
    .option(
      '-s, --seed <S>',
      'random seed (shared by every point; also seeds the Morris design)',
      overrideInt('--seed', 'seed'),
    )
    .option('--horizon <H>', 'months to simulate', overrideInt('--horizon', 'horizonMonths'))
    .option('-t, --threads <T>', 'worker threads', int('--threads', 1, 64), 1)
    .option('--trajectories <r>', 'Morris trajectories', int('--trajectories', 2, 1000), 10)
    .option('--json', 'print the result as JSON')
    .option('-q, --quiet', 'no progress bar (there is none when stderr is not a terminal)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ parley sensitivity russia-ukraine-2024 --runs 500\n  $ parley sensitivity russia-ukraine-2024 --method morris --trajectories 8 --runs 300 --threads 2',
    )
    .action(async (ref: string, opts: SensitivityOptions) => {
      if (opts.method !== 'tornado' && opts.method !== 'morris')
        throw new UserError(`✖ --method: expected tornado or morris, found "${opts.method}"`);
      if (!(METRIC_IDS as readonly string[]).includes(opts.outcome))
        throw new UserError(
          `✖ --outcome: expected one of ${METRIC_IDS.join(', ')}, found "${opts.outcome}"`,
        );
      const outcome = opts.outcome as MetricId;
      const { scenario, source } = loadWithOverrides(ref, opts);
      const factors = factorsFor(scenario, source, opts.factor);
      const label = METRICS.find((m) => m.id === outcome)!.label;
      const dist = distributedFrom(opts);
      const bar = progressBar('simulating', 'points', opts.quiet);
      const onDone = (done: number, total: number) => bar.update(done, total);
      // failed chunks end the command with their message and exit code 3 (see worker.ts)
      const orPartial = <T>(p: Promise<T>) =>
        p.catch(async (e: unknown) => {
          if (!(e instanceof DistributedSweepError)) throw e;
          await failPartial(e, undefined);
          return undefined;
        });
      if (opts.method === 'tornado') {
        const r = await orPartial(
          dist
            ? runTornadoDistributed(scenario, factors, outcome, dist)
            : runTornado(scenario, factors, opts.threads, outcome, onDone)
                .finally(() => bar.stop())
                .finally(closePools),
        );
        if (!r) return;
        const t = orExit(source, r);
        if (opts.json) return void process.stdout.write(JSON.stringify(t, null, 2) + '\n');
        const out = [
          `Tornado for ${scenario.name}: ${factors.length} inputs, ${scenario.settings.runs} runs per point, seed ${scenario.settings.seed}`,
          `Ranked by the swing in ${label} (base ${plain(outcome, t.base[outcome])}):`,
          '',
        ];
        for (const b of t.bars)
          out.push(
            `  ${b.path.padEnd(58)} ${String(b.low).padStart(7)} → ${String(b.high).padEnd(7)} swing ${fmt(outcome, b.swing[outcome])}  (talks by 12 ${fmt('talks12', b.swing.talks12)}, duration ${fmt('medianDuration', b.swing.medianDuration)})`,
          );
        process.stdout.write(out.join('\n') + '\n');
      } else {
        const r = await orPartial(
          dist
            ? runMorrisDistributed(scenario, factors, opts.trajectories, outcome, dist)
            : runMorris(scenario, factors, opts.threads, opts.trajectories, outcome, onDone)
                .finally(() => bar.stop())
                .finally(closePools),
        );
        if (!r) return;
        const m = orExit(source, r);
        if (opts.json) return void process.stdout.write(JSON.stringify(m, null, 2) + '\n');
        const out = [
          `Morris screening for ${scenario.name}: ${factors.length} inputs, ${m.trajectories} trajectories (${m.trajectories * (factors.length + 1)} points), ${scenario.settings.runs} runs per point`,
          `Ranked by μ* (mean |elementary effect| per full range) on ${label}:`,
          '',
        ];
        for (const e of m.effects)
          out.push(
            `  ${e.path.padEnd(58)} μ* ${fmt(outcome, e.muStar[outcome]).replace(/^\+/, '')}  μ ${fmt(outcome, e.mu[outcome])}  σ ${fmt(outcome, e.sigma[outcome]).replace(/^\+/, '')}`,
          );
        process.stdout.write(out.join('\n') + '\n');
      }
    });
}
