// `parley` command line: builds the program from the command modules and parses argv.
// Each command lives in commands/<verb>.ts and calls the same core functions as the API.
// User errors print a message and exit 2; anything else is a bug and exits 1.
import { CommanderError } from 'commander';
import { buildProgram } from './program.ts';
import { EXIT_INTERNAL, EXIT_USER, UserError } from './exit.ts';

const program = buildProgram();
program.exitOverride();
try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof UserError) {
    process.stderr.write(e.message + '\n');
    process.exitCode = EXIT_USER;
  } else if (e instanceof CommanderError) {
    // commander has already printed its message (help, version, unknown option)
    process.exitCode = e.exitCode === 0 ? 0 : EXIT_USER;
  } else {
    process.stderr.write(
      `parley: internal error: ${(e as Error).message}\n(this is a bug; run with PARLEY_DEBUG=1 for details)\n`,
    );
    if (process.env.PARLEY_DEBUG) process.stderr.write(String((e as Error).stack) + '\n');
    process.exitCode = EXIT_INTERNAL;
  }
}
