/**
 * `parley play <scenario> --as <role>`: one person plays a party against the model, month by
 * month, in a terminal (plain text and readline, so it works over SSH), or from a file of
 * decisions (for tests and for replaying an exercise). Each month shows what the role knows
 * and where the path stands against the model's runs; the end shows the outcome's percentile
 * and the decisions that moved it most.
 */
import type { Command } from 'commander';
import { readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import {
  DecisionError,
  DecisionSchema,
  Exercise,
  decisionEffects,
  modelDistribution,
  outcomePercentiles,
  replay,
  rewindRecord,
  standing,
  viewFor,
  type Decision,
  type RoleView,
} from '../../exercise/index.ts';
import { UserError } from '../exit.ts';
import { loadWithOverrides } from '../scenarioInput.ts';

const int = (name: string, min: number, max: number) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UserError(
      `option ${name}: expected a whole number from ${min} to ${max}, found "${v}"`,
    );
  return n;
};

interface PlayOptions {
  as: string;
  decisions?: string;
  seed?: number;
  run: number;
  modelRuns: number;
  effects: number;
  log?: string;
}

/** A decision file: a list of {month, decision} (decision null or {} = the model's choice). */
const DecisionFileSchema = z
  .array(
    z
      .object({
        month: z.number().int().min(0).max(10_000),
        role: z.string().max(64).optional().describe('defaults to --as'),
        decision: DecisionSchema.nullable(),
      })
      .strict(),
  )
  .max(100_000);

function readDecisionFile(file: string, role: string): Map<number, Decision | null> {
  let doc: unknown;
  try {
    doc = parseYaml(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UserError(
      `✖ ${file}: cannot read the decision file: ${(e as Error).message.split('\n')[0]}`,
    );
  }
  const parsed = DecisionFileSchema.safeParse(doc);
  if (!parsed.success)
    throw new UserError(
      `✖ ${file}: invalid decision file:\n` +
        parsed.error.issues.map((i) => `  ${i.path.join('.') || '(top)'}: ${i.message}`).join('\n'),
    );
  const out = new Map<number, Decision | null>();
  parsed.data.forEach((e, k) => {
    if ((e.role ?? role) !== role)
      throw new UserError(
        `✖ ${file}: [${k}].role: ${e.role} is not the role played (--as ${role})`,
      );
    if (out.has(e.month))
      throw new UserError(`✖ ${file}: [${k}].month: month ${e.month} appears twice`);
    out.set(e.month, e.decision);
  });
  return out;
}

/** "posture=public effort=hold aid.alpha=0.4" → a decision (blank: the model's choice). */
export function parseDecisionLine(line: string): { decision?: Decision; error?: string } {
  const raw: Record<string, unknown> = {};
  for (const token of line.trim().split(/\s+/).filter(Boolean)) {
    const eq = token.indexOf('=');
    if (eq <= 0) return { error: `"${token}": write field=value (e.g. posture=public)` };
    const key = token.slice(0, eq);
    const text = token.slice(eq + 1);
    const value =
      text === 'true' || text === 'yes'
        ? true
        : text === 'false' || text === 'no'
          ? false
          : text !== '' && Number.isFinite(Number(text))
            ? Number(text)
            : text;
    // a dotted key nests: aid.<recipient>=…, conditions.<recipient>.opposesTalks=…
    const path = key.split('.');
    let at = raw;
    for (const part of path.slice(0, -1)) at = (at[part] ??= {}) as Record<string, unknown>;
    at[path[path.length - 1]] = value;
  }
  const parsed = DecisionSchema.safeParse(raw);
  if (!parsed.success)
    return {
      error: parsed.error.issues
        .map((i) => `${i.path.join('.') || 'decision'}: ${i.message}`)
        .join('; '),
    };
  return { decision: parsed.data };
}

const pct = (x: number) => `${Math.round(100 * x)} %`;

function fields(view: RoleView): string {
  if (view.kind === 'leader')
    return `posture=closed|secret|mediated|public effort=hold|escalate demand=0..1 leastAcceptable=0..1${view.mediatorsPresent.length ? ' mediator=accept|refuse' : ''}`;
  if (view.kind === 'mediator')
    return `offerServices=yes|no approach=<side>|both carrots.<side>=0..1 sticks.<side>=0..1 proposal=0..1 (side A's share)`;
  return `aid.<recipient>=0..3 conditions.<recipient>.minimumShare=0..1 conditions.<recipient>.opposesTalks=yes|no`;
}

function describe(view: RoleView, shownEvents: number): string {
  const lines = [
    `── ${view.finished ? 'the end' : `month ${view.month} of ${view.horizonMonths}`} ── front ${view.front.position}/${view.front.positions} · talks: ${view.talks}${view.mediatorsPresent.length ? ` · mediators: ${view.mediatorsPresent.join(', ')}` : ''}`,
  ];
  for (const e of view.events.slice(shownEvents)) lines.push(`  · month ${e.month}: ${e.text}`);
  if (view.own) {
    const o = view.own;
    lines.push(
      `  your side: support for the war ${pct(o.support)}, for talks ${pct(o.supportForTalks)}; deaths ${o.casualties}; reserves ${pct(o.reserves)}; aid ${o.aid.toFixed(2)}`,
      `  you believe the enemy is the strong type with probability ${pct(view.beliefEnemyStrong ?? 0)}`,
    );
  }
  if (view.why && view.month > 0)
    lines.push(
      `  the model's reading of your side: chance of winning ${pct(view.why.chanceOfWinning)}, least it would accept ${pct(view.why.leastItWouldAccept)}, ripeness ${view.why.ripeness.toFixed(2)}${view.why.commitmentProblem ? ', a commitment problem blocks any deal' : ''}`,
    );
  if (view.mediatorMeans)
    lines.push(
      `  your means: carrots ${JSON.stringify(view.mediatorMeans.carrots)}, sticks ${JSON.stringify(view.mediatorMeans.sticks)}`,
    );
  if (view.patronAid) lines.push(`  your aid: ${JSON.stringify(view.patronAid)}`);
  return lines.join('\n');
}

export function register(program: Command): void {
  program
    .command('play')
    .description('play one party of a scenario against the model, month by month (exercise mode)')
    .argument('<scenario>', 'bundled scenario id or a YAML/JSON file')
    .requiredOption('--as <role>', 'the party you play (a belligerent, mediator or patron id)')
    .option(
      '--decisions <file>',
      'YAML/JSON list of {month, decision}; months missing: the model decides',
    )
    .option(
      '-s, --seed <S>',
      'random seed (overrides settings.seed)',
      int('--seed', 0, 2 ** 32 - 1),
    )
    .option('--run <N>', 'which run of the seed is the path', int('--run', 0, 1_000_000), 0)
    .option(
      '--model-runs <N>',
      'model runs to compare the path with',
      int('--model-runs', 10, 100_000),
      1000,
    )
    .option(
      '--effects <N>',
      'other paths for "decisions that moved it most"',
      int('--effects', 0, 100),
      10,
    )
    .option('--log <file>', 'write the decision log (JSON) at the end, for replay with --decisions')
    .addHelpText(
      'after',
      `
Each month, type the fields you decide (e.g. "posture=secret effort=hold demand=0.6"); an empty
line leaves every choice to the model. "wait N" lets the model decide for you for N months,
"rewind M" goes back to month M (the later decisions are dropped), "quit" ends the exercise.

Examples:
  $ parley play bosnia-1995 --as bosnian-government
  $ parley play bosnia-1995 --as united-states --decisions moves.yaml --log played.json`,
    )
    .action(async (ref: string, o: PlayOptions) => {
      const { scenario } = loadWithOverrides(ref, { seed: o.seed });
      if (!scenario.parties.some((p) => p.id === o.as))
        throw new UserError(
          `option --as: ${o.as} is not a party of ${scenario.id} (${scenario.parties.map((p) => p.id).join(', ')})`,
        );
      const fromFile = o.decisions ? readDecisionFile(o.decisions, o.as) : undefined;
      const setup = { run: o.run, roles: [o.as] };
      let ex = new Exercise(scenario, setup);
      const dist = modelDistribution(scenario, o.modelRuns);
      const out = process.stdout;
      const role = ex.role(o.as);
      out.write(
        `${scenario.name}: you play ${role.name} (${role.kind}); the model plays the others.\n` +
          `Seed ${scenario.settings.seed}, path ${o.run}; ${scenario.settings.horizonMonths} months at most.\n`,
      );
      const rl = fromFile
        ? undefined
        : createInterface({ input: process.stdin, output: out, terminal: process.stdin.isTTY });
      const lines = rl?.[Symbol.asyncIterator]();
      let shown = 0;
      let quit = false;
      /** Months the model still decides for the player ("wait N"). */
      let waiting = 0;
      let rewound = false;
      try {
        while (!ex.finished) {
          const view = viewFor(ex, o.as);
          out.write(describe(view, shown) + '\n');
          shown = view.events.length;
          let decision: Decision | undefined;
          if (fromFile) {
            const d = fromFile.get(ex.month);
            decision = d === null || d === undefined || Object.keys(d).length === 0 ? undefined : d;
            out.write(
              `  decision: ${decision ? JSON.stringify(decision) : "the model's choice"}\n`,
            );
          } else if (waiting > 0) {
            waiting--;
            out.write(`  decision: the model's choice (waiting, ${waiting} more)\n`);
          } else {
            for (;;) {
              out.write(`  decide (${fields(view)}; Enter = the model)\n> `);
              const next = await lines!.next();
              if (next.done) throw new UserError('input ended before the exercise did');
              const text = next.value.trim();
              if (text === 'quit') {
                quit = true;
                break;
              }
              const wait = /^wait\s+(\S+)$/.exec(text);
              if (wait) {
                const n = Number(wait[1]);
                if (!Number.isInteger(n) || n < 1 || n > ex.c.horizonMonths) {
                  out.write(
                    `  ✖ wait: expected a whole number of months from 1 to ${ex.c.horizonMonths}, found "${wait[1]}"\n`,
                  );
                  continue;
                }
                waiting = n - 1;
                break;
              }
              const back = /^rewind\s+(\S+)$/.exec(text);
              if (back) {
                try {
                  const kept = rewindRecord(ex.log, ex.injections, Number(back[1]), ex.month);
                  ex = replay(scenario, setup, kept.log, kept.injections);
                } catch (e) {
                  if (!(e instanceof DecisionError)) throw e;
                  out.write(`  ✖ rewind: ${e.problems.join('; ')}\n`);
                  continue;
                }
                out.write(
                  `  rewound to month ${ex.month}: your later decisions are dropped, the same random numbers replay\n`,
                );
                rewound = true;
                break;
              }
              const parsed = parseDecisionLine(text);
              if (parsed.error) {
                out.write(`  ✖ ${parsed.error}\n`);
                continue;
              }
              const d = parsed.decision!;
              const problems = Object.keys(d).length ? ex.check(o.as, d) : [];
              if (problems.length) {
                out.write(problems.map((p) => `  ✖ ${p}\n`).join(''));
                continue;
              }
              decision = Object.keys(d).length ? d : undefined;
              break;
            }
          }
          if (quit) break;
          if (rewound) {
            rewound = false;
            shown = viewFor(ex, o.as).events.length;
            continue;
          }
          try {
            ex.advance(decision ? { [o.as]: decision } : {});
          } catch (e) {
            if (e instanceof DecisionError)
              throw new UserError(`✖ ${o.decisions}: month ${ex.month}: ${e.problems.join('; ')}`);
            throw e;
          }
          const st = standing(ex, dist);
          out.write(
            `  in the model, talks had opened by now in ${pct(st.model.talksOpened)} of runs (here: ${st.path.talksOpened ? 'yes' : 'no'}); the war had ended in ${pct(st.model.ended)} (here: ${st.path.ended ? 'yes' : 'no'})\n`,
          );
        }
      } finally {
        rl?.close();
      }
      const view = viewFor(ex, o.as);
      out.write(describe(view, shown) + '\n');
      out.write(`\nOutcome: ${ex.outcome()}${quit ? ' (stopped early)' : ''}\n`);
      const p = outcomePercentiles(ex, dist);
      out.write(
        `Against ${dist.runs} model runs: months of war ${p.warMonths.path} (percentile ${p.warMonths.percentile.toFixed(0)}), deaths ${p.deaths.path} (percentile ${p.deaths.percentile.toFixed(0)})` +
          (p.termsA
            ? `, ${scenario.parties.find((x) => x.id === ex.c.partyIds[0])?.name}'s share ${pct(p.termsA.path)} (percentile ${p.termsA.percentile.toFixed(0)} of settlements)`
            : '') +
          '\n',
      );
      if (ex.log.some((e) => e.decision !== null)) {
        const effects = decisionEffects(ex, o.effects, 5);
        out.write(
          `Decisions that moved it most (each dropped and replayed on the same random numbers, on this path and ${o.effects} others; approximate):\n`,
        );
        for (const e of effects)
          out.write(
            `  month ${e.month}: ${JSON.stringify(e.decision)}: ${e.warMonthsOnPath >= 0 ? '+' : ''}${e.warMonthsOnPath} months of war here (mean over paths ${e.warMonthsMean.toFixed(1)}), ${e.deathsOnPath >= 0 ? '+' : ''}${e.deathsOnPath} deaths; without it: ${e.outcomeWithout}\n`,
          );
      }
      out.write(`State fingerprint: ${ex.fingerprint()}\n`);
      if (o.log) writeFileSync(o.log, JSON.stringify(ex.log, null, 2) + '\n');
    });
}
