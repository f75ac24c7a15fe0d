/**
 * `parley cases` lists the historical case base; `parley case <id>` prints one case.
 * Edge: loads data/cases through src/data/cases.ts and renders; validation problems exit 2.
 */
import type { Command } from 'commander';
import { CaseTypeSchema, type Case } from '../../history/caseSchema.ts';
import { DEFAULT_CASES_DIR, formatCaseIssue, loadCases } from '../../data/cases.ts';
import { UserError } from '../exit.ts';

const years = (c: Case) => `${c.start.date.slice(0, 4)}–${c.end ? c.end.date.slice(0, 4) : ''}`;

function loadOrFail(dir: string): Case[] {
  const { cases, issues } = loadCases(dir);
  if (issues.length > 0) {
    process.stderr.write(issues.map(formatCaseIssue).join('\n') + '\n');
    process.exitCode = 2;
  }
  return cases;
}

export function register(program: Command): void {
  program
    .command('cases')
    .description('list the historical cases (every invalid case file is reported, exit 2)')
    .option('--type <type>', `only cases of this type (${CaseTypeSchema.options.join(', ')})`)
    .option('--json', 'print the cases as JSON')
    .option('--dir <path>', 'case folder', DEFAULT_CASES_DIR)
    .addHelpText(
      'after',
      '\nExamples:\n  $ parley cases --type civil\n  $ parley case korean-war-1950',
    )
    .action((opts: { type?: string; json?: boolean; dir: string }) => {
      if (opts.type !== undefined && !CaseTypeSchema.safeParse(opts.type).success) {
        throw new UserError(
          `✖ unknown case type "${opts.type}"; expected one of ${CaseTypeSchema.options.join(', ')}`,
        );
      }
      const cases = loadOrFail(opts.dir).filter(
        (c) => opts.type === undefined || c.type === opts.type,
      );
      if (opts.json) {
        process.stdout.write(JSON.stringify(cases, null, 2) + '\n');
        return;
      }
      const w = Math.max(0, ...cases.map((c) => c.id.length));
      for (const c of cases)
        process.stdout.write(
          `${c.id.padEnd(w)}  ${years(c).padEnd(9)}  ${c.type.padEnd(22)}  ${c.outcome.padEnd(21)}  ${c.name}\n`,
        );
      process.stdout.write(
        `${cases.length} case${cases.length === 1 ? '' : 's'}${cases.length > 0 ? `: ${summarise(cases)}` : ''}\n`,
      );
    });

  program
    .command('case')
    .description(
      'show one historical case: belligerents, negotiation timeline, outcome, lessons, sources',
    )
    .argument('<id>', 'case id (file name without .yaml)')
    .option('--json', 'print as JSON')
    .option('--dir <path>', 'case folder', DEFAULT_CASES_DIR)
    .action((id: string, opts: { json?: boolean; dir: string }) => {
      const cases = loadOrFail(opts.dir);
      const c = cases.find((x) => x.id === id);
      if (!c) {
        const near = cases
          .filter((x) => x.id.includes(id.split('-')[0]))
          .slice(0, 5)
          .map((x) => x.id);
        throw new UserError(
          `✖ no case "${id}"${near.length ? ` (did you mean: ${near.join(', ')}?)` : ''}`,
        );
      }
      if (opts.json) {
        process.stdout.write(JSON.stringify(c, null, 2) + '\n');
        return;
      }
      process.stdout.write(renderCase(c));
    });
}

const ERAS: [string, number, number][] = [
  ['1815–1913', 1815, 1913],
  ['1914–1945', 1914, 1945],
  ['1946–1989', 1946, 1989],
  ['1990–', 1990, 9999],
];

/** "interstate 40, civil 23 …; by onset 1815–1913 12, …" */
export function summarise(cases: readonly Case[]): string {
  const byType = CaseTypeSchema.options
    .map((t) => `${t} ${cases.filter((c) => c.type === t).length}`)
    .join(', ');
  const byEra = ERAS.map(([label, lo, hi]) => {
    const n = cases.filter((c) => {
      const y = Number(c.start.date.slice(0, 4));
      return y >= lo && y <= hi;
    }).length;
    return `${label} ${n}`;
  }).join(', ');
  return `${byType}; by onset ${byEra}`;
}

export function renderCase(c: Case): string {
  const out: string[] = [];
  out.push(`${c.name} (${c.id}) — ${c.type}, ${c.start.date} to ${c.end?.date ?? 'ongoing'}`);
  for (const side of ['a', 'b'] as const) {
    const bs = c.belligerents.filter((b) => b.side === side);
    const patrons = bs.flatMap((b) => b.patrons.map((p) => `${p.name} (${p.support.join(', ')})`));
    out.push(
      `  side ${side}: ${bs.map((b) => b.name + (b.role === 'secondary' ? ' [joined]' : '')).join(', ')}${patrons.length ? `; backed by ${patrons.join('; ')}` : ''}`,
    );
  }
  out.push(
    `  regimes: ${c.regimes.sideA} vs ${c.regimes.sideB}; stakes: ${c.stakes.join(', ')}; outside support: a ${c.outsideSupport.sideA}, b ${c.outsideSupport.sideB}`,
  );
  const refs = [
    c.cowWarNumbers.length ? `COW ${c.cowWarNumbers.join(', ')}` : '',
    c.ucdpConflictIds.length ? `UCDP ${c.ucdpConflictIds.join(', ')}` : '',
  ].filter(Boolean);
  if (refs.length) out.push(`  datasets: ${refs.join('; ')}`);
  out.push(`  battlefield when talks opened: ${c.battlefieldAtTalks ?? 'no talks'}`);
  out.push('  timeline:');
  for (const e of c.timeline) {
    let extra = '';
    if (e.kind === 'mediation')
      extra = ` [${e.mediator}, ${e.mediatorKind}, bias ${e.bias.toward}, ${e.strategy} → ${e.result}]`;
    if (e.kind === 'agreement') extra = ` [${e.name}, ${e.agreementType}]`;
    if (e.kind === 'back-channel') extra = ` [${e.where}: ${e.who.join(', ')}]`;
    out.push(`    ${e.date.date.padEnd(10)}  ${e.kind.padEnd(14)}  ${e.summary}${extra}`);
  }
  const d = c.durability;
  const dur = d
    ? d.resumedOn
      ? `fighting resumed ${d.resumedOn.date}`
      : 'no resumption recorded'
    : '';
  out.push(
    `  outcome: ${c.outcome}${dur ? `; ${dur}` : ''}${c.casualties ? `; battle deaths ≈ ${c.casualties.battleDeaths.toLocaleString('en-US')}` : ''}`,
  );
  out.push('  lessons:');
  for (const l of c.lessons) out.push(`    – ${l}`);
  out.push('  sources:');
  for (const s of c.sources) out.push(`    ${s.publisher}, “${s.title}”, ${s.url}`);
  for (const a of c.annotations) out.push(`  note (${a.dataset ?? ''} ${a.field}): ${a.reason}`);
  return out.join('\n') + '\n';
}
