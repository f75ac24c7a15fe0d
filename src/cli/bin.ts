// `parley` command line: builds the program from the command modules and parses argv.
// Each command lives in commands/<verb>.ts and calls the same core functions as the API.
import { buildProgram } from './program.ts';

const program = buildProgram();
await program.parseAsync(process.argv);
