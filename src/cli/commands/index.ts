import type { Command } from 'commander';

/** Each command module exports a `register(program)`; the order here is the order in --help. */
export function registerCommands(_program: Command): void {}
