/**
 * `parley provisions <scenario|case>`: what comparable peace agreements (PA-X) contained, how often
 * war came back with and without each provision, published findings beside them, and for a
 * scenario a draft term sheet from the engine's settlement terms. Edge: resolves the reference,
 * checks and reads the datasets, runs the engine for the terms; the rest is src/history/provisions.
 */
import type { Command } from 'commander';
import { DEFAULT_CASES_DIR, formatCaseIssue, loadCases } from '../../data/cases.ts';
import { loadProvisionsTables, PROVISIONS_DATASETS } from '../../data/provisions.ts';
import { loadScenario } from '../../data/scenarios.ts';
import { settlementTerms } from '../../analysis/settlementTerms.ts';
import { runScenario } from '../../engine/index.ts';
import {
  PAX_AGREEMENT_TYPES,
  PAX_CONFLICT_TYPES,
  PAX_REGION_OF,
  PAX_REGIONS,
  PAX_STAGES,
  provisionsOfCase,
  provisionsOfScenario,
  type QueryOptions,
  type RunTerms,
} from '../../history/provisions/index.ts';
import { formatIssues, type Scenario } from '../../model/index.ts';
import { formatProvisions } from '../../report/provisionsText.ts';
import { dataOption, requireDatasets, resolveDataDir } from '../dataDir.ts';
import { UserError } from '../exit.ts';

const decimalYear = (d: Date) => d.getUTCFullYear() + (d.getUTCMonth() + d.getUTCDate() / 31) / 12;

function list<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
): T[] | undefined {
  if (value === undefined) return undefined;
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = items.filter((s) => !(allowed as readonly string[]).includes(s));
  if (bad.length > 0)
    throw new UserError(
      `✖ ${flag}: unknown value ${bad.map((b) => `"${b}"`).join(', ')} (one or more of ${allowed.join(', ')})`,
    );
  return items as T[];
}

function positive(flag: string, value: string, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new UserError(`✖ ${flag} must be an integer from 1 to ${max}, found "${value}"`);
  return n;
}

type Opts = {
  json?: boolean;
  data?: string;
  cases: string;
  runs: string;
  terms: boolean;
  top: string;
  perProcess: string;
  stage?: string;
  agreementType?: string;
  conflictType?: string;
  region?: string;
  list: string;
};

export function queryOptions(o: Opts): QueryOptions {
  const region =
    o.region === undefined
      ? undefined
      : o.region === 'none'
        ? null
        : (PAX_REGION_OF[o.region as keyof typeof PAX_REGION_OF] ??
          list('--region', o.region, PAX_REGIONS)![0]);
  return {
    stages: list('--stage', o.stage, PAX_STAGES),
    agreementTypes: list('--agreement-type', o.agreementType, PAX_AGREEMENT_TYPES),
    conflictTypes:
      o.conflictType === 'any' ? [] : list('--conflict-type', o.conflictType, PAX_CONFLICT_TYPES),
    region,
    top: positive('--top', o.top, 200),
    perProcess: positive('--per-process', o.perProcess, 50),
  };
}

/** Settlement terms of a run of the scenario (same seed → same terms). */
export const runTerms = (s: Scenario, runs: number): RunTerms =>
  settlementTerms(runScenario({ ...s, settings: { ...s.settings, runs } }));

export function register(program: Command): void {
  dataOption(
    program
      .command('provisions')
      .description(
        'provisions of comparable peace agreements (PA-X), durability with and without each, and a draft term sheet',
      )
      .argument('<ref>', 'case id, bundled scenario id or scenario file')
      .option('--json', 'print as JSON')
      .option('--cases <path>', 'case folder', DEFAULT_CASES_DIR)
      .option('--runs <n>', 'runs of the scenario for the term sheet', '1000')
      .option('--no-terms', 'skip the engine run and the term sheet')
      .option('--top <n>', 'at most this many comparable agreements', '60')
      .option('--per-process <n>', 'at most this many agreements from one peace process', '3')
      .option('--stage <list>', `PA-X stages to compare (${PAX_STAGES.join(',')})`)
      .option('--agreement-type <list>', `PA-X agreement types (${PAX_AGREEMENT_TYPES.join(',')})`)
      .option(
        '--conflict-type <list>',
        `PA-X conflict types (${PAX_CONFLICT_TYPES.join(',')}), or "any"`,
      )
      .option(
        '--region <name>',
        `preferred region: a case-base region (${Object.keys(PAX_REGION_OF).join(', ')}), a PA-X region (${PAX_REGIONS.join('; ')}), or "none"`,
      )
      .option('--list <n>', 'how many comparable agreements to list in the text output', '10'),
  )
    .addHelpText(
      'after',
      '\nNeeds the PA-X and UCDP termination datasets (parley data list).\n\nExamples:\n  $ parley provisions russia-ukraine-2024\n  $ parley provisions bosnia-war-dayton-1995 --json\n  $ parley provisions my-war.yaml --stage SubComp --conflict-type any --data ~/datasets',
    )
    .action((ref: string, opts: Opts) => {
      const q = queryOptions(opts);
      const runs = positive('--runs', opts.runs, 100_000);
      const listed = opts.list === '0' ? 0 : positive('--list', opts.list, 1000);
      const { cases, issues } = loadCases(opts.cases);
      if (issues.length > 0)
        process.stderr.write(
          issues.map(formatCaseIssue).join('\n') +
            `\n(${issues.length} problem(s) in case files; those cases are left out)\n`,
        );
      const theCase = cases.find((c) => c.id === ref);
      let scenario: { s: Scenario; source: string } | undefined;
      if (!theCase) {
        const loaded = loadScenario(ref);
        if (!loaded.result.ok) {
          if (loaded.result.issues.some((i) => i.code === 'not_found'))
            throw new UserError(
              `✖ "${ref}" is not a case id, a bundled scenario or a file (see parley cases, parley scenarios)`,
            );
          throw new UserError(formatIssues(loaded.source, loaded.result.issues));
        }
        scenario = { s: loaded.result.value, source: loaded.source };
      }
      const data = resolveDataDir(opts.data);
      requireDatasets('provisions', data, PROVISIONS_DATASETS);
      const { tables, issues: dataIssues } = loadProvisionsTables(data.dir);
      if (dataIssues.length > 0)
        process.stderr.write(
          `(${dataIssues.length} malformed row(s) in the datasets were left out; first: ${dataIssues[0].file} row ${dataIssues[0].row} column ${dataIssues[0].column}: ${dataIssues[0].message})\n`,
        );
      const asOf = decimalYear(new Date());
      const report = theCase
        ? provisionsOfCase(theCase, cases, tables, asOf, q)
        : provisionsOfScenario(
            scenario!.s,
            { id: scenario!.s.id ?? ref, label: scenario!.s.name },
            cases,
            tables,
            asOf,
            q,
            opts.terms ? runTerms(scenario!.s, runs) : undefined,
          );
      process.stdout.write(
        opts.json
          ? JSON.stringify(report, null, 2) + '\n'
          : formatProvisions(report, { listAgreements: listed }),
      );
    });
}
