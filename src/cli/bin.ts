// `parley` command line: builds the program from the command modules and parses argv.
// Each command lives in commands/<verb>.ts and calls the same core functions as the API.
// User errors print a message and exit 2; anything else is a bug and exits 1.
import { CommanderError } from 'commander';
import { argsToParse, buildProgram } from './program.ts';
import { EXIT_INTERNAL, EXIT_UNAVAILABLE, EXIT_USER, UserError } from './exit.ts';
import { DataError } from '../data/csv.ts';
import { paint } from './colour.ts';

interface FileSystemError extends Error {
  code: string;
  syscall: string;
  path: string;
}
const FS_REASONS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EEXIST: 'it already exists',
};
const isFileSystemError = (e: unknown): e is FileSystemError =>
  e instanceof Error &&
  typeof (e as Partial<FileSystemError>).code === 'string' &&
  (e as Partial<FileSystemError>).code! in FS_REASONS &&
  typeof (e as Partial<FileSystemError>).path === 'string';

// A reader that stops early (`parley cases | head -1`) closes the pipe: the output is no longer
// wanted, so the command ends quietly with exit 0, as Unix tools do, instead of an EPIPE trace.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(0);
  });

const args = process.argv.slice(2);
const program = await buildProgram(args);
program.exitOverride();
try {
  await program.parseAsync(argsToParse(args), { from: 'user' });
} catch (e) {
  process.exitCode = await report(e);
}

/** Prints what the user needs to know about `e` and returns the exit code. */
async function report(e: unknown): Promise<number> {
  if (e instanceof UserError) {
    const { bad } = paint(process.stderr);
    process.stderr.write(e.message.replaceAll('✖', bad('✖')) + '\n');
    return EXIT_USER;
  }
  if (e instanceof CommanderError) {
    // commander has already printed its message (help, version, unknown command or option)
    return e.exitCode === 0 ? 0 : EXIT_USER;
  }
  if (e instanceof DataError) {
    // a dataset file the user supplied is malformed: its issues name file, row and column
    process.stderr.write(`✖ problems in a dataset file (fix or re-fetch it):\n${e.message}\n`);
    return EXIT_USER;
  }
  if (isFileSystemError(e)) {
    // a path the user gave cannot be read or written: their input, not a bug
    process.stderr.write(
      `✖ cannot ${e.syscall === 'open' || e.syscall === 'rename' ? 'use' : e.syscall} ${e.path}: ${FS_REASONS[e.code] ?? e.code}\n`,
    );
    return EXIT_USER;
  }
  // loaded only here: it brings the Redis client, which most commands never need
  const { RedisUnavailableError } = await import('../jobs/distributed/protocol.ts');
  if (e instanceof RedisUnavailableError) {
    // a service the command needs is down: the message names the URL and what to check
    process.stderr.write(e.message + '\n');
    return EXIT_UNAVAILABLE;
  }
  process.stderr.write(
    `parley: internal error: ${(e as Error).message}\n(this is a bug; run with PARLEY_DEBUG=1 for details)\n`,
  );
  if (process.env.PARLEY_DEBUG) process.stderr.write(String((e as Error).stack) + '\n');
  return EXIT_INTERNAL;
}
