/**
 * `parley compare <scenario>`: the scenario's variants (inline and from --variants files) run on
 * common random numbers; paired differences from the baseline with 95% intervals, and a ranked
 * table of which intervention does most for which goal.
 */
import type { Command } from 'commander';
import type { Comparison } from '../../analysis/index.ts';
import { runComparison } from '../../jobs/analyses.ts';
import { closePools } from '../../jobs/workerPool.ts';
import { InputIssuesError, UserError } from '../exit.ts';
import {
  int,
  overrideInt,
  loadVariantFiles,
  loadWithOverrides,
  writeAtomic,
} from '../scenarioInput.ts';
import { storeAnalysis } from '../storeAnalysis.ts';
import { paint, type Colours } from '../colour.ts';
import { progressBar } from '../progress.ts';
import {
  DistributedSweepError,
  partialOutcomes,
  runComparisonDistributed,
} from '../../jobs/distributed/analyses.ts';
import { harming, helping, prepareVariants } from '../../analysis/index.ts';
import {
  distributedFrom,
  distributedOptions,
  failPartial,
  type DistributedCliOptions,
} from './worker.ts';
import type { InputIssue, Scenario } from '../../model/index.ts';

interface CompareOptions extends DistributedCliOptions {
  variants?: string[];
  runs?: number;
  seed?: number;
  horizon?: number;
  threads: number;
  bootstrap: number;
  json?: string | boolean;
  store?: boolean;
  quiet?: boolean;
}

/** Loads the variant files, runs every variant, and turns problems into user errors. */
export async function compareForCli(
  scenario: Scenario,
  source: string,
  opts: {
    variantFiles?: string[];
    threads: number;
    bootstrap: number;
    onDone?: (done: number, total: number) => void;
  },
): Promise<Comparison | undefined> {
  const r = await runComparison(scenario, loadVariantFiles(opts.variantFiles ?? []), opts);
  if (!r.ok) throw new InputIssuesError(source, r.issues);
  return r.value;
}

function orIssues<T>(
  source: string,
  r: { ok: true; value: T } | { ok: false; issues: InputIssue[] },
): T {
  if (!r.ok) throw new InputIssuesError(source, r.issues);
  return r.value;
}

const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(0)}%`);
const pts = (x: number) =>
  Number.isFinite(x) ? `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)}` : '—';
const num = (x: number, d = 1) =>
  Number.isFinite(x) ? `${x >= 0 ? '+' : ''}${x.toFixed(d)}` : '—';

/** The comparison as text; `colours` marks gains and harms (plain unless the output is a terminal). */
export function formatComparison(
  c: Comparison,
  title: string,
  colours: Colours = paint({}),
): string {
  const out: string[] = [];
  out.push(
    `${title}: ${c.variants.length - 1} variants against the baseline, ${c.runs} runs each, ${c.horizonMonths} months, common random numbers`,
  );
  out.push(
    'Differences are variant − baseline, paired by run, with 95% intervals (percentage points for shares).',
  );
  out.push('');
  for (const v of c.variants) {
    const x = v.values;
    out.push(`${v.id === c.baselineId ? '■' : '•'} ${v.name} [${v.id}]`);
    // what the variant really changes, so a name cannot hide an edit
    if (v.edits?.length) out.push(`    edits: ${v.edits.join('; ')}`);
    out.push(
      `    talks by 6 ${pct(x.talks6)}, by 12 ${pct(x.talks12)}; settled by 24 ${pct(x.settlement24)}; median duration ${x.medianDuration ?? '—'} months; mean terms ${x.terms === null ? '—' : x.terms.toFixed(2)}; deaths ${x.casualties === null ? '—' : Math.round(x.casualties).toLocaleString('en-GB')}; peace 5y ${pct(x.durable5y)}`,
    );
    const d = v.differences;
    if (d.talks12) {
      const iv = (k: keyof typeof d, f: (x: number) => string) => {
        const e = d[k];
        return e ? `${f(e.estimate)} [${f(e.low)}, ${f(e.high)}]` : '—';
      };
      out.push(
        `    Δ talks by 6 ${iv('talks6', pts)}, by 12 ${iv('talks12', pts)}; Δ settled by 24 ${iv('settlement24', pts)}`,
      );
      out.push(
        `    Δ median duration ${iv('medianDuration', (x) => num(x, 0))} months; Δ mean terms ${iv('terms', (x) => num(x, 3))}; Δ peace 5y ${iv('durable5y', pts)}`,
      );
    }
  }
  out.push('');
  out.push(
    'Which intervention does most for which goal (✓ = a clear gain: the 95% interval lies above zero; · = unclear); clear harms (✗) are listed apart:',
  );
  // goal labels name the statistic ("mean share of the stake"): the column fits the longest
  const width = Math.max(36, ...c.ranking.map((r) => r.goal.label.length));
  for (const r of c.ranking) {
    const top = helping(r.entries)
      .slice(0, 3)
      .map((e) => `${e.id} ${e.verdict === 'gain' ? colours.good('✓') : '·'}`)
      .join(', ');
    const harms = harming(r.entries).map((e) => `${e.id} ${colours.bad('✗')}`);
    out.push(
      `  ${r.goal.label.padEnd(width)} ${top || '— (no variant improves on the baseline)'}${harms.length ? `; clear harm: ${harms.join(', ')}` : ''}`,
    );
  }
  return out.join('\n') + '\n';
}

export function register(program: Command): void {
  distributedOptions(program.command('compare'))
    .description(
      'compare interventions (variants) on common random numbers: paired differences with intervals',
    )
    .argument('<scenario>', 'bundled scenario id or a YAML/JSON file')
    .option(
      '--variants <files...>',
      'overlay files with more variants ({id, name, overlay} or a list)',
    )
    .option('-n, --runs <N>', 'Monte Carlo runs per variant', overrideInt('--runs', 'runs'))
    .option(
      '-s, --seed <S>',
      'random seed (shared by every variant)',
      overrideInt('--seed', 'seed'),
    )
    .option('--horizon <H>', 'months to simulate', overrideInt('--horizon', 'horizonMonths'))
    .option('-t, --threads <T>', 'worker threads', int('--threads', 1, 64), 1)
    .option(
      '--bootstrap <B>',
      'bootstrap replicates for medians and terms',
      int('--bootstrap', 0, 10_000),
      400,
    )
    .option('--json [file]', 'print (or write to a file) the comparison as JSON')
    .option('--store', 'also save the comparison to the store (PARLEY_DATABASE_URL or PARLEY_DB)')
    .option('-q, --quiet', 'no progress bar (there is none when stderr is not a terminal)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ parley compare russia-ukraine-2024 --runs 1000 --threads 2\n  $ parley compare my-war.yaml --variants early-mediator.yaml --json out.json',
    )
    .action(async (ref: string, opts: CompareOptions) => {
      const { scenario, source } = loadWithOverrides(ref, opts);
      const dist = distributedFrom(opts);
      const bar = progressBar('simulating', 'variants', opts.quiet);
      let c: Comparison | undefined;
      try {
        c = dist
          ? orIssues(
              source,
              await runComparisonDistributed(scenario, loadVariantFiles(opts.variants ?? []), {
                ...dist,
                bootstrap: opts.bootstrap,
              }),
            )
          : await compareForCli(scenario, source, {
              variantFiles: opts.variants,
              threads: opts.threads,
              bootstrap: opts.bootstrap,
              onDone: (done, total) => bar.update(done, total),
            })
              .finally(() => bar.stop())
              .finally(closePools);
      } catch (e) {
        if (!(e instanceof DistributedSweepError)) throw e;
        // what finished: each variant's outcomes (null when unfinished)
        const prepared = prepareVariants(scenario, loadVariantFiles(opts.variants ?? []));
        const ids = prepared.ok ? prepared.value.map((v) => v.id) : [];
        const rows = partialOutcomes(e).map((values, i) => ({ id: ids[i], values }));
        const params = {
          runs: scenario.settings.runs,
          seed: scenario.settings.seed,
          variants: ids,
        };
        return failPartial(
          e,
          opts.store ? { kind: 'comparison', scenario, params, summary: {}, rows } : undefined,
        );
      }
      if (!c)
        throw new UserError(
          `✖ ${source}: no variants to compare (add \`variants:\` to the scenario or pass --variants files)`,
        );
      if (opts.json === true) process.stdout.write(JSON.stringify(c, null, 2) + '\n');
      else {
        process.stdout.write(formatComparison(c, scenario.name, paint(process.stdout)));
        if (typeof opts.json === 'string') {
          writeAtomic(opts.json, JSON.stringify(c, null, 2));
          process.stdout.write(`\nComparison written to ${opts.json}\n`);
        }
      }
      if (opts.store) {
        const params = {
          runs: c.runs,
          seed: scenario.settings.seed,
          horizonMonths: c.horizonMonths,
          bootstrap: c.bootstrap,
          variants: c.variants.map((v) => v.id),
        };
        const rows = c.variants.map((v) => ({
          id: v.id,
          name: v.name,
          values: v.values,
          differences: v.differences,
        }));
        const msg = await storeAnalysis(
          'comparison',
          scenario,
          params,
          { ranking: c.ranking },
          rows,
        );
        (opts.json === true ? process.stderr : process.stdout).write(msg + '\n');
      }
    });
}
