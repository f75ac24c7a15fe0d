import { Command } from 'commander';
import { COMMAND_NAMES, registerCommands } from './commands/index.ts';

const VERSION_FLAGS = ['-V', '--version'];
const HELP_FLAGS = ['-h', '--help'];

/**
 * The program for `args` (argv without node and the script): only the command it names is
 * loaded, none for `--version`, all of them otherwise (the main help, an unknown name).
 * Without `args`, every command is registered.
 */
export async function buildProgram(args?: string[]): Promise<Command> {
  const program = new Command('parley')
    .description(
      'Parley: can this war be talked to an end (when, through which channel, with what help from outside)\n' +
        'and what does history teach about it?',
    )
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .showSuggestionAfterError(true)
    .addHelpText(
      'after',
      `
Examples:
  $ parley scenarios                       list the bundled scenarios
  $ parley validate my-war.yaml            check a scenario file, with every problem listed
  $ parley schema > scenario.schema.json   JSON Schema for editors (YAML language server)
  $ parley run russia-ukraine-2024         simulate a bundled scenario`,
    );
  await registerCommands(program, args && commandsFor(args));
  return program;
}

/** The commands `args` needs: the one it names, none for --version alone, else all (undefined). */
function commandsFor(args: string[]): string[] | undefined {
  const name = args.find((a) => !a.startsWith('-'));
  if (name !== undefined) return COMMAND_NAMES.includes(name) ? [name] : undefined;
  return args.length > 0 && args.every((a) => VERSION_FLAGS.includes(a)) ? [] : undefined;
}

/**
 * `args` as commander should parse them. An unknown command followed by --help would print the
 * main help and exit 0 (commander answers help before it looks at the command), so the help flag
 * is dropped there and commander reports the unknown command, with a suggestion, as an error.
 */
export function argsToParse(args: string[]): string[] {
  const name = args.find((a) => !a.startsWith('-'));
  const unknown = name !== undefined && name !== 'help' && !COMMAND_NAMES.includes(name);
  return unknown ? args.filter((a) => !HELP_FLAGS.includes(a)) : args;
}
