import { Command } from 'commander';
import { registerCommands } from './commands/index.ts';

export function buildProgram(): Command {
  const program = new Command('parley')
    .description(
      'Parley: can this war be talked to an end (when, through which channel, with what help from outside)\n' +
        'and what does history teach about it?',
    )
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      `
Examples:
  $ parley scenarios                       list the bundled scenarios
  $ parley validate my-war.yaml            check a scenario file, with every problem listed
  $ parley schema > scenario.schema.json   JSON Schema for editors (YAML language server)
  $ parley run russia-ukraine-2024         simulate a bundled scenario`,
    );
  registerCommands(program);
  return program;
}
