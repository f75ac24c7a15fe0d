/**
 * `parley insights`: runs the insight queries over the case base and the standard datasets and
 * prints a readable digest (or JSON). Edge: loads cases and datasets, seeds the bootstrap.
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { DEFAULT_CASES_DIR, formatCaseIssue, loadCases } from '../../data/cases.ts';
import { loadDatasets } from '../../data/datasets.ts';
import { dataOption, resolveDataDir } from '../dataDir.ts';
import {
  CASE_SOURCE,
  INSIGHTS,
  runInsights,
  SELECTION_CAVEAT,
  TOPICS,
  type Insight,
  type Topic,
} from '../../history/insights/index.ts';
import { mulberry32 } from '../../history/stats.ts';
import { UserError } from '../exit.ts';

const TOPIC_TITLES: Record<Topic, string> = {
  'back-channels': 'Back channels',
  'time-to-talks': 'Time to talks',
  momentum: 'Battlefield and talks',
  mediation: 'Mediation',
  'leverage-guarantees': 'Leverage, guarantees and durability',
  'failed-talks': 'Failed talks and durable peace',
  ceasefires: 'Ceasefires',
  termination: 'How conflicts end',
  crises: 'International crises',
  durations: 'How long wars last',
};

const fmtInterval = (i: Insight): string => {
  const f = (x: number) => (i.measure === 'share' ? `${Math.round(x * 100)}%` : x.toFixed(1));
  const one = (iv: Insight['interval']) => (iv ? `${f(iv.low)}–${f(iv.high)}` : 'n/a');
  if (i.compares && i.breakdown.length >= 2)
    return `95% CIs ${one(i.breakdown[0].interval)} vs ${one(i.breakdown[1].interval)} (Wilson)`;
  if (!i.interval) return '';
  return `95% CI ${one(i.interval)} (${i.interval.method === 'wilson' ? 'Wilson' : 'bootstrap'})`;
};

function renderDigest(insights: Insight[], header: string, notes: string[]): string {
  const out: string[] = [header, ''];
  for (const topic of TOPICS) {
    const group = insights.filter((i) => i.topic === topic);
    if (group.length === 0) continue;
    out.push(`## ${TOPIC_TITLES[topic]}`);
    for (const i of group) {
      out.push(`• ${i.finding}`);
      const cases =
        i.caseIds.length > 0
          ? ` · cases: ${i.caseIds.slice(0, 4).join(', ')}${i.caseIds.length > 4 ? ` +${i.caseIds.length - 4}` : ''}`
          : '';
      const source = i.source === CASE_SOURCE ? 'case base' : i.source;
      out.push(`  ${i.id} · ${fmtInterval(i)} · ${source}${cases}`);
      const caveats = i.caveats.filter((c) => c !== SELECTION_CAVEAT);
      if (caveats.length > 0) out.push(`  caveats: ${caveats.join('; ')}`);
    }
    out.push('');
  }
  out.push(`note: ${SELECTION_CAVEAT}`);
  for (const n of notes) out.push(`note: ${n}`);
  return out.join('\n') + '\n';
}

export function register(program: Command): void {
  dataOption(program.command('insights'))
    .description(
      'what history teaches: computed findings over the case base and the standard datasets',
    )
    .option('--topic <topic>', `only one topic (${TOPICS.join(', ')})`)
    .option('--json', 'print the insights as JSON')
    .option('--cases <path>', 'case folder', DEFAULT_CASES_DIR)
    .option('--seed <n>', 'seed for bootstrap intervals', '1')
    .addHelpText(
      'after',
      '\nExamples:\n  $ parley insights\n  $ parley insights --topic mediation --json\n  $ parley insights --data ~/datasets',
    )
    .action(
      (opts: { topic?: string; json?: boolean; data?: string; cases: string; seed: string }) => {
        if (opts.topic !== undefined && !(TOPICS as readonly string[]).includes(opts.topic)) {
          throw new UserError(
            `✖ unknown topic "${opts.topic}"; expected one of ${TOPICS.join(', ')}`,
          );
        }
        const seed = Number(opts.seed);
        if (!Number.isInteger(seed) || seed < 0)
          throw new UserError(`✖ --seed must be a non-negative integer, found "${opts.seed}"`);
        const notes: string[] = [];
        const { cases, issues } = loadCases(opts.cases);
        if (issues.length > 0) {
          process.stderr.write(issues.map(formatCaseIssue).join('\n') + '\n');
          notes.push(`${issues.length} problem(s) in case files; those cases are left out`);
        }
        const data = resolveDataDir(opts.data);
        const dataDir = data.dir;
        let datasets = {};
        if (existsSync(dataDir)) {
          const needed = [
            ...new Set(
              INSIGHTS.filter((q) => !opts.topic || q.topic === opts.topic).flatMap((q) => q.needs),
            ),
          ];
          const loaded = loadDatasets(dataDir, needed);
          datasets = loaded.datasets;
          if (loaded.missing.length > 0)
            notes.push(`not found in ${dataDir}: ${loaded.missing.join(', ')}`);
          if (loaded.issues.length > 0)
            notes.push(
              `${loaded.issues.length} malformed row(s) in the datasets were left out (first: ${loaded.issues[0].file} row ${loaded.issues[0].row}, column ${loaded.issues[0].column})`,
            );
        } else {
          // a folder the user named must exist; only the default may be absent
          if (data.from !== 'default')
            throw new UserError(`✖ data folder not found: ${dataDir} (${data.from})`);
          notes.push(
            `datasets not found at ${dataDir}: insights over COW, UCDP, ICB, ETH/PRIO and CWM are skipped (pass --data PATH or set PARLEY_DATA)`,
          );
        }
        const run = runInsights(
          { cases, datasets, rng: mulberry32(seed) },
          opts.topic ? { topic: opts.topic as Topic } : {},
        );
        for (const s of run.skipped) notes.push(`skipped ${s.id}: ${s.reason}`);
        if (opts.json) {
          process.stdout.write(
            JSON.stringify({ insights: run.insights, skipped: run.skipped, notes }, null, 2) + '\n',
          );
          return;
        }
        const header = `Parley insights: ${run.insights.length} findings from ${cases.length} historical cases${existsSync(dataDir) ? ' and the standard datasets' : ''} (counts, Wilson 95% intervals; medians with bootstrap intervals, seed ${seed})`;
        process.stdout.write(renderDigest(run.insights, header, notes));
      },
    );
}
