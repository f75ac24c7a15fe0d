import type { Command } from 'commander';

type Loader = () => Promise<{ register(program: Command): void }>;

/**
 * Each command module exports a `register(program)`; the order here is the order in --help.
 * A module is imported only when its command runs (or for the full help), so a command starts
 * without loading the server, the store, the queue and the charts that other commands need.
 */
const COMMANDS: [names: string[], load: Loader][] = [
  [['run'], () => import('./run.ts')],
  [['play'], () => import('./play.ts')],
  [['scenarios'], () => import('./scenarios.ts')],
  [['validate'], () => import('./validate.ts')],
  [['migrate'], () => import('./migrate.ts')],
  [['schema'], () => import('./schema.ts')],
  [['params'], () => import('./params.ts')],
  [['cases', 'case'], () => import('./cases.ts')],
  [['analogues'], () => import('./analogues.ts')],
  [['insights'], () => import('./insights.ts')],
  [['provisions'], () => import('./provisions.ts')],
  [['serve'], () => import('./serve.ts')],
  [['token'], () => import('./token.ts')],
  [['compare'], () => import('./compare.ts')],
  [['sensitivity'], () => import('./sensitivity.ts')],
  [['sweep'], () => import('./sweep.ts')],
  [['report'], () => import('./report.ts')],
  [['data'], () => import('./data.ts')],
  [['calibrate'], () => import('./calibrate.ts')],
  [['backtest'], () => import('./backtest.ts')],
  [['worker'], () => import('./worker.ts')],
];

/** Every command name, for the full help and for suggestions after an unknown one. */
export const COMMAND_NAMES = COMMANDS.flatMap(([names]) => names);

/**
 * Registers the command `name` (from argv) alone when it is known; otherwise all of them, so that
 * the main help lists each and an unknown name gets a suggestion. `[]` registers none.
 */
export async function registerCommands(program: Command, only?: string[]): Promise<void> {
  const wanted =
    only === undefined ? COMMANDS : COMMANDS.filter(([n]) => n.some((x) => only.includes(x)));
  const modules = await Promise.all(wanted.map(([, load]) => load()));
  for (const m of modules) m.register(program);
}
