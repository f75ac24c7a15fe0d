/**
 * `npx tsx scripts/skill.ts`: turns the time-split back-tests that `npm run backtest` wrote
 * (out/backtest-time.json; out/backtest-contact-recent.json, the split whose training fold chose
 * the shipped contact defaults, so they are held out there) into src/model/skill.json, the
 * figures every result states beside its forecasts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { skillFile } from '../src/calibrate/skill.ts';
import type { BacktestResult } from '../src/calibrate/backtest.ts';
import type { ContactBacktestResult } from '../src/calibrate/contactBacktest.ts';

const ROOT = join(import.meta.dirname, '..');
const read = <T>(f: string): T => JSON.parse(readFileSync(join(ROOT, f), 'utf8')) as T;
const duration = read<BacktestResult & { command?: string }>('out/backtest-time.json');
const contact = read<ContactBacktestResult & { command?: string }>(
  'out/backtest-contact-recent.json',
);
const measured = `${new Date().toISOString().slice(0, 10)}, npm run backtest (time split)`;
const file = skillFile(duration, contact, measured, 'of the latest third');
const out = join(ROOT, 'src/model/skill.json');
writeFileSync(out, JSON.stringify(file, null, 2) + '\n');
console.log(`skill figures written to ${out}`);
