// `parley validate` as a user runs it: exit 2 with file, path and message for a bad file, no
// stack trace; exit 0 for a bundled scenario. Spawning the CLI costs about half a second, so a
// few fixtures run one by one and all of them run together in one call.
import { execFile } from 'node:child_process';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INVALID_DIR, ROOT, invalidFixtureFiles } from './paths.ts';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function parley(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(ROOT, 'bin/parley.js'), ...args],
      { cwd: ROOT, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const fixture = (file: string) => relative(ROOT, join(INVALID_DIR, file));
/** A stack frame pointing into our TypeScript sources: "at … something.ts:12:3". */
const STACK_FRAME = /\bat .*\.ts:\d+/;

describe('parley validate', () => {
  const sample: [file: string, path: string, message: string][] = [
    ['unknown-patron.yaml', 'parties[0].support[0].patron', 'unknown party "nobody"'],
    ['range-low-above-high.yaml', 'parties[0].military.strength.low', 'range has low > high'],
    ['yaml-syntax-error.yaml', '(document root)', 'not valid YAML/JSON'],
    ['empty.yaml', '(document root)', 'expected a scenario object'],
  ];

  it('exits 2 and prints the file, the path and the message for bad files, without a stack trace', async () => {
    const runs = await Promise.all(sample.map(([file]) => parley('validate', fixture(file))));
    runs.forEach((run, i) => {
      const [file, path, message] = sample[i];
      const out = run.stdout + run.stderr;
      expect(run.code, out).toBe(2);
      expect(run.stderr).toContain(file);
      expect(run.stderr).toContain('✖');
      expect(run.stderr).toContain(`→ at ${path}`);
      expect(run.stderr).toContain(message);
      expect(out).not.toMatch(STACK_FRAME);
    });
    // file:line:column when the problem is inside the document
    expect(runs[0].stderr).toContain(`${fixture('unknown-patron.yaml')}:10:17`);
  });

  it('lists every bad file in one run and exits 2', async () => {
    const files = invalidFixtureFiles();
    const run = await parley('validate', ...files.map(fixture));
    expect(run.code).toBe(2);
    for (const file of files) expect(run.stderr).toContain(file);
    expect(run.stderr.match(/→ at /g)?.length).toBeGreaterThanOrEqual(files.length);
    expect(run.stdout + run.stderr).not.toMatch(STACK_FRAME);
  });

  it('exits 0 for the bundled Russia–Ukraine scenario', async () => {
    const run = await parley('validate', 'data/scenarios/russia-ukraine-2024.yaml');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('russia-ukraine-2024.yaml');
    expect(run.stderr).not.toContain('✖');
  });
});
