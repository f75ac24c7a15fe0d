/**
 * `parley analogues <scenario|file|case-id>`: historical cases most similar to a scenario or a
 * case, by weighted Gower distance over the documented feature set (docs/history.md).
 * Edge: resolves the reference, loads cases, passes today's date to the core.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { DEFAULT_CASES_DIR, formatCaseIssue, loadCases, parseCaseText } from '../../data/cases.ts';
import { loadScenario } from '../../data/scenarios.ts';
import { findAnalogues, FEATURE_SPECS, type Analogue } from '../../history/analogues.ts';
import { caseFeatures, type FeatureName, type Features } from '../../history/caseFeatures.ts';
import type { Case } from '../../history/caseSchema.ts';
import { scenarioFeatures } from '../../history/scenarioFeatures.ts';
import { formatIssues } from '../../model/index.ts';
import { UserError } from '../exit.ts';

const decimalYear = (d: Date) => d.getUTCFullYear() + (d.getUTCMonth() + d.getUTCDate() / 31) / 12;

function monthsFrom(onset: string, to: string): number {
  const p = (s: string) => {
    const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(s);
    if (!m) throw new UserError(`✖ expected a date like 2022-02 or 2022-02-24, found "${s}"`);
    return Number(m[1]) * 12 + Number(m[2]) - 1 + (m[3] ? (Number(m[3]) - 1) / 31 : 0);
  };
  return Math.max(0, p(to) - p(onset));
}

const SUPPORT = ['none', 'limited', 'substantial', 'decisive'];

/** Human-readable value of one feature. */
export function formatFeature(name: FeatureName, v: string | number | boolean | null): string {
  if (v === null) return 'unknown';
  switch (name) {
    case 'momentum':
      return v === 0 ? 'stalemate' : 'momentum';
    case 'supportMax':
    case 'supportMin':
      return SUPPORT[Number(v)] ?? String(v);
    case 'durationMonths':
      return `${Math.round(Number(v))} months`;
    case 'deathsPerMonth':
      return `${Math.round(Number(v)).toLocaleString('en-US')}`;
    case 'territorial':
    case 'mediation':
      return v ? 'yes' : 'no';
    default:
      return String(v);
  }
}

function describeFeatures(f: Features): string {
  return FEATURE_SPECS.map((s) => `${s.label}: ${formatFeature(s.name, f[s.name])}`).join('; ');
}

type Query = {
  kind: 'scenario' | 'case';
  label: string;
  features: Features;
  excludeId?: string;
  notes: string[];
};

function resolveQuery(
  ref: string,
  cases: readonly Case[],
  opts: { onset?: string },
  asOfYear: number,
): Query {
  const byId = cases.find((c) => c.id === ref);
  if (byId)
    return {
      kind: 'case',
      label: `${byId.name} (${byId.id})`,
      features: caseFeatures(byId, asOfYear),
      excludeId: byId.id,
      notes: [],
    };
  const loaded = loadScenario(ref);
  if (loaded.result.ok) {
    const s = loaded.result.value;
    const notes: string[] = [];
    let monthsSinceOnset: number | undefined;
    const onset = opts.onset ?? s.settings.warBegan;
    if (onset) {
      const now = s.settings.startDate ?? new Date().toISOString().slice(0, 7);
      monthsSinceOnset = monthsFrom(onset, now);
    } else
      notes.push(
        'the scenario does not record when the war began (settings.warBegan), so "duration before talks" is ignored (pass --onset YYYY-MM)',
      );
    return {
      kind: 'scenario',
      label: `${s.name} (${loaded.source})`,
      features: scenarioFeatures(s, { monthsSinceOnset }),
      notes,
    };
  }
  if (existsSync(ref)) {
    const parsed = parseCaseText(readFileSync(ref, 'utf8'), ref);
    if (parsed.ok)
      return {
        kind: 'case',
        label: `${parsed.value.name} (${ref})`,
        features: caseFeatures(parsed.value, asOfYear),
        excludeId: parsed.value.id,
        notes: [],
      };
    throw new UserError(
      `${formatIssues(loaded.source, loaded.result.issues)}\n(and it is not a valid case file either:)\n${parsed.issues.map(formatCaseIssue).join('\n')}`,
    );
  }
  if (loaded.result.issues.some((i) => i.code === 'not_found'))
    throw new UserError(
      `✖ "${ref}" is not a case id, a bundled scenario or a file (see parley cases, parley scenarios)`,
    );
  throw new UserError(formatIssues(loaded.source, loaded.result.issues));
}

function render(q: Query, results: Analogue[], n: number): string {
  const out: string[] = [];
  out.push(
    `Analogues for ${q.label}: ${results.length} closest of ${n} cases (weighted Gower distance; similarity = 1 − distance)`,
  );
  out.push(`  query: ${describeFeatures(q.features)}`);
  for (const note of q.notes) out.push(`  note: ${note}`);
  out.push('');
  results.forEach((a, i) => {
    out.push(
      `${String(i + 1).padStart(2)}. ${a.name} (${a.caseId}) — similarity ${a.similarity.toFixed(2)}`,
    );
    out.push(
      `    matched: ${a.matched.join(', ') || '—'}${a.differed.length ? `; differed: ${a.differed.join(', ')}` : ''}${a.unknown.length ? `; not coded: ${a.unknown.join(', ')}` : ''}`,
    );
    out.push(`    negotiation: ${a.negotiation}`);
  });
  return out.join('\n') + '\n';
}

export function register(program: Command): void {
  program
    .command('analogues')
    .description(
      'historical cases most like a scenario or a case, with what matched and how their talks went',
    )
    .argument('<ref>', 'bundled scenario id, scenario file, case id or case file')
    .option('--top <n>', 'how many analogues', '10')
    .option('--json', 'print as JSON')
    .option('--onset <date>', 'when the scenario’s war began (YYYY-MM), for the duration feature')
    .option('--cases <path>', 'case folder', DEFAULT_CASES_DIR)
    .addHelpText(
      'after',
      '\nExamples:\n  $ parley analogues russia-ukraine-2024 --onset 2022-02\n  $ parley analogues korean-war-1950 --top 5 --json',
    )
    .action((ref: string, opts: { top: string; json?: boolean; onset?: string; cases: string }) => {
      const top = Number(opts.top);
      if (!Number.isInteger(top) || top < 1)
        throw new UserError(`✖ --top must be a positive integer, found "${opts.top}"`);
      const { cases, issues } = loadCases(opts.cases);
      if (issues.length > 0)
        process.stderr.write(
          issues.map(formatCaseIssue).join('\n') +
            `\n(${issues.length} problem(s) in case files; those cases are left out)\n`,
        );
      const asOfYear = decimalYear(new Date());
      const q = resolveQuery(ref, cases, opts, asOfYear);
      const results = findAnalogues(q.features, cases, { top, excludeId: q.excludeId, asOfYear });
      if (opts.json) {
        process.stdout.write(
          JSON.stringify(
            {
              query: { kind: q.kind, label: q.label, features: q.features, notes: q.notes },
              features: FEATURE_SPECS,
              analogues: results,
            },
            null,
            2,
          ) + '\n',
        );
        return;
      }
      process.stdout.write(
        render(
          q,
          results,
          cases.length - (q.excludeId && cases.some((c) => c.id === q.excludeId) ? 1 : 0),
        ),
      );
    });
}
