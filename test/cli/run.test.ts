// `parley run` at the edge: bad options and unusable output paths are the user's input (exit 2,
// a message naming the path), never an internal error; a good run writes its JSON atomically.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const parley = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'bin/parley.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });

describe('parley run at the edge', () => {
  it('refuses an output folder that does not exist before simulating (exit 2, names the path)', () => {
    const r = parley(
      'run',
      'russia-japan-1905',
      '--runs',
      '20',
      '--json',
      '/no-such-folder-parley/out.json',
      '-q',
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('cannot access /no-such-folder-parley');
    expect(r.stderr).not.toMatch(/internal error|at .*\.ts:\d+/);
  });

  it('refuses a bad option value with exit 2', () => {
    const r = parley('run', 'russia-japan-1905', '--runs', '0');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--runs');
  });

  it('writes the full result as JSON, leaving no temporary file behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-run-'));
    try {
      const out = join(dir, 'result.json');
      const r = parley(
        'run',
        'russia-japan-1905',
        '--runs',
        '30',
        '--traces',
        '1',
        '--json',
        out,
        '-q',
      );
      expect(r.status).toBe(0);
      const result = JSON.parse(readFileSync(out, 'utf8')) as {
        meta: { runs: number };
        traces: unknown[];
      };
      expect(result.meta.runs).toBe(30);
      expect(result.traces).toHaveLength(1);
      expect(readdirSync(dir)).toEqual(['result.json']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(existsSync(dir)).toBe(false);
  });

  it('prints the same scenario hash whatever --runs, --seed or --horizon (run settings are not the scenario)', () => {
    const hashOf = (...args: string[]) => {
      const r = parley('run', 'russia-japan-1905', '-q', ...args);
      expect(r.status, r.stderr).toBe(0);
      return /scenario ([0-9a-f]{12}),/.exec(r.stdout)?.[1];
    };
    const base = hashOf('--runs', '20');
    expect(base).toMatch(/^[0-9a-f]{12}$/);
    expect(hashOf('--runs', '30', '--seed', '9', '--horizon', '24')).toBe(base);
  });
});
