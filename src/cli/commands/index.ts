import type { Command } from 'commander';
import { register as scenarios } from './scenarios.ts';
import { register as validate } from './validate.ts';
import { register as schema } from './schema.ts';
import { register as run } from './run.ts';
import { register as params } from './params.ts';
import { register as cases } from './cases.ts';
import { register as analogues } from './analogues.ts';
import { register as insights } from './insights.ts';
import { register as serve } from './serve.ts';
import { register as token } from './token.ts';
import { register as compare } from './compare.ts';
import { register as sensitivity } from './sensitivity.ts';
import { register as sweep } from './sweep.ts';
import { register as report } from './report.ts';
import { register as data } from './data.ts';
import { register as calibrate } from './calibrate.ts';
import { register as backtest } from './backtest.ts';
import { register as worker } from './worker.ts';
import { register as play } from './play.ts';

/** Each command module exports a `register(program)`; the order here is the order in --help. */
export function registerCommands(program: Command): void {
  run(program);
  play(program);
  scenarios(program);
  validate(program);
  schema(program);
  params(program);
  cases(program);
  analogues(program);
  insights(program);
  serve(program);
  token(program);
  compare(program);
  sensitivity(program);
  sweep(program);
  report(program);
  data(program);
  calibrate(program);
  backtest(program);
  worker(program);
}
