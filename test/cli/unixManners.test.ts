// Unix manners of `parley`: a reader that closes the pipe early ends the command quietly with
// exit 0 (no EPIPE trace), and an unknown command is named, with a suggestion, and exits 2 —
// also when --help follows it.
import { spawn, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/parley.js');

/**
 * Runs parley with its stdout on a pipe that this side closes: after the first line (`lines: 1`)
 * or before reading anything (`lines: 0`). Resolves with the exit code and what went to stderr.
 */
function closedPipe(
  args: string[],
  lines: 0 | 1,
): Promise<{ code: number | null; stderr: string; first: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT });
    let stderr = '';
    let first = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    if (lines === 0) child.stdout.destroy();
    else
      child.stdout.on('data', (d: Buffer) => {
        first += d.toString();
        if (first.includes('\n')) {
          first = first.slice(0, first.indexOf('\n'));
          child.stdout.destroy();
        }
      });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stderr, first }));
  });
}

describe('a closed pipe ends the command quietly with exit 0', () => {
  it('parley cases --json read up to its first line (830 kB: the pipe fills, the reader leaves)', async () => {
    const r = await closedPipe(['cases', '--json'], 1);
    expect(r.first).toBe('[');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it.each([
    [['cases']],
    [['case', 'korean-war-1950']],
    [['scenarios']],
    [['validate', 'data/scenarios/russia-japan-1905.yaml']],
    [['schema']],
    [['run', 'russia-japan-1905', '--runs', '50', '-q']],
  ])('parley %j with a reader gone before the first line', async (args) => {
    const r = await closedPipe(args, 0);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('an unknown command', () => {
  const parley = (...args: string[]) =>
    spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });

  it('is named with a suggestion and exits 2', () => {
    const r = parley('rnu', 'russia-japan-1905');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown command 'rnu'");
    expect(r.stderr).toContain('(Did you mean run?)');
    expect(r.stdout).toBe('');
  });

  it('is still an error with --help after it (not the main help and exit 0)', () => {
    for (const help of ['--help', '-h']) {
      const r = parley('nosuchcmd', help);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain("unknown command 'nosuchcmd'");
      expect(r.stdout).not.toContain('Usage: parley');
    }
  });

  it('leaves help for a known command alone', () => {
    const r = parley('validate', '--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: parley validate');
  });

  it('lists every command in the main help', () => {
    const r = parley('--help');
    expect(r.status).toBe(0);
    for (const name of ['run', 'validate', 'cases', 'case', 'compare', 'backtest', 'worker'])
      expect(r.stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
  });
});
