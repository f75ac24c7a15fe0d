/**
 * `parley backtest --target relapse`: whether peace holds five years, by ending, on the case
 * base (src/calibrate/relapseBacktest.ts). Loads the cases, prints a table, writes the result.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatRelapseTable, runRelapseBacktest } from '../../calibrate/relapseBacktest.ts';
import { formatCaseIssue, loadCases } from '../../data/cases.ts';
import { UserError } from '../exit.ts';
import { writeAtomic } from '../scenarioInput.ts';

export const DURABILITY_DEFAULTS_FILE = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../model/durabilityDefaults.json',
);

export function relapseBacktestCommand(o: {
  split: string;
  runs: number;
  cases: string;
  out: string;
  json?: boolean;
  writeDefaults?: boolean;
}): void {
  if (o.split !== 'time' && o.split !== 'loo')
    throw new UserError(`✖ --split must be time or loo with --target relapse, found "${o.split}"`);
  if (o.writeDefaults && o.split !== 'time')
    throw new UserError(
      '✖ --write-defaults needs --split time: defaults are chosen on the time split’s training fold only',
    );
  const { cases, issues } = loadCases(resolve(o.cases));
  if (issues.length > 0)
    throw new UserError(
      `✖ the case base has invalid files; fix them first (parley cases):\n${issues.map(formatCaseIssue).join('\n')}`,
    );
  const started = Date.now();
  const result = runRelapseBacktest(cases, o.split, o.runs);
  const seconds = (Date.now() - started) / 1000;
  const command = `parley backtest --target relapse --split ${o.split} --runs ${o.runs}`;
  const full = { command, seconds, ...result };
  if (o.writeDefaults) {
    const saved = {
      $comment:
        'Defaults of mechanisms.durability chosen on the training fold of the case base’s time split (read by src/model/mechanismParams.ts). Written by `parley backtest --target relapse --split time --write-defaults`; do not edit by hand.',
      command: `${command} --write-defaults`,
      date: new Date().toISOString().slice(0, 10),
      trainedOn: `the ${result.train} ended case-base wars begun before ${result.cutYear}`,
      durability: result.chosen[0],
    };
    writeAtomic(DURABILITY_DEFAULTS_FILE, JSON.stringify(saved, null, 2) + '\n');
    process.stderr.write(`durability defaults written to ${DURABILITY_DEFAULTS_FILE}\n`);
  }
  const out = resolve(o.out);
  mkdirSync(dirname(out), { recursive: true });
  writeAtomic(out, JSON.stringify(full, null, 2) + '\n');
  if (o.json) {
    process.stdout.write(JSON.stringify(full, null, 2) + '\n');
    return;
  }
  const c = result.chosen[0];
  process.stdout.write(
    [
      `Back-test of the peace holding 5 years (${command}); ${result.test} held-out ended cases; ${seconds.toFixed(1)} s`,
      result.split === 'time'
        ? `Time split: train on the ${result.train} wars begun before ${result.cutYear}.`
        : `Leave-one-out: ${result.test} folds.`,
      'logS = mean log score of "war resumed within 5 years" (higher is better); f→o = mean forecast → observed share, by ending.',
      `engine (fitted on train): durability.baseRelapseHazard, victoryEffect, settlementEffect chosen by likelihood on the training fold (${result.split === 'time' ? `chose ${c.baseRelapseHazard}, ${c.victoryEffect}, ${c.settlementEffect}` : 'per fold'}); literature values: 0.012, −1.9, −0.92 (Fortna 2004).`,
      '',
      formatRelapseTable(result),
      `full result: ${out}`,
    ].join('\n') + '\n',
  );
}
