/**
 * `parley backtest --target relapse`: whether peace holds five years, by ending, on the case
 * base (src/calibrate/relapseBacktest.ts). Loads the cases, prints a table, writes the result.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { formatRelapseTable, runRelapseBacktest } from '../../calibrate/relapseBacktest.ts';
import { UserError } from '../exit.ts';
import { loadValidCases, requireTimeSplitToWrite, writeFittedDefaults } from './caseFits.ts';
import { writeAtomic } from '../scenarioInput.ts';

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
  requireTimeSplitToWrite(o.split, o.writeDefaults);
  const cases = loadValidCases(o.cases);
  const started = Date.now();
  const result = runRelapseBacktest(cases, o.split, o.runs);
  const seconds = (Date.now() - started) / 1000;
  const command = `parley backtest --target relapse --split ${o.split} --runs ${o.runs}`;
  const full = { command, seconds, ...result };
  if (o.writeDefaults)
    writeFittedDefaults('durability', {
      command,
      trainedOn: `the ${result.train} ended case-base wars begun before ${result.cutYear}`,
      values: result.chosen[0],
    });
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
