// Progress bars and colour belong to a terminal: a bar (on stderr) and colour only there, colour
// off with NO_COLOR, and neither in a pipe. The terminal is a real pseudo-terminal from util-linux
// `script`, when the machine has it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { colourOn, paint } from '../../src/cli/colour.ts';
import { progressOn } from '../../src/cli/progress.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/parley.js');
const SCRIPT = '/usr/bin/script';
const COLOUR = /\x1b\[[0-9;]*m/; // SGR: colour and weight; cursor moves end otherwise
const COMPARE = ['compare', 'russia-japan-1905', '--runs', '200', '--bootstrap', '20'];

/** Runs parley on a pseudo-terminal (stdout and stderr both on it); returns what it showed. */
function onTerminal(args: string[], env: Record<string, string> = {}): string {
  const r = spawnSync(SCRIPT, ['-qec', [process.execPath, BIN, ...args].join(' '), '/dev/null'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', TERM: 'xterm', ...env },
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

describe('when to show a bar and colour', () => {
  it('colour on a terminal only, and off with NO_COLOR or TERM=dumb', () => {
    expect(colourOn({ isTTY: true }, {})).toBe(true);
    expect(colourOn({ isTTY: false }, {})).toBe(false);
    expect(colourOn({}, {})).toBe(false);
    expect(colourOn({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    // no-color.org: set to a non-empty value; an empty one does not count
    expect(colourOn({ isTTY: true }, { NO_COLOR: '' })).toBe(true);
    expect(colourOn({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
    expect(paint({ isTTY: false }, {}).good('✓')).toBe('✓');
    expect(paint({ isTTY: true }, {}).good('✓')).toMatch(COLOUR);
  });

  it('a bar on a terminal only, and not with --quiet', () => {
    expect(progressOn({ isTTY: true })).toBe(true);
    expect(progressOn({ isTTY: true }, true)).toBe(false);
    expect(progressOn({ isTTY: false })).toBe(false);
  });
});

describe('piped', () => {
  it('compare writes no bar and no escape codes to a pipe', () => {
    const r = spawnSync(process.execPath, [BIN, ...COMPARE], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Which intervention does most');
    // each variant lists the edits it makes (issue: a name cannot hide an edit)
    expect(r.stdout).toContain('edits: parties.united-states.mediation.offerMonth: 3 → 0');
    expect(r.stdout + r.stderr).not.toContain('\x1b');
    expect(r.stderr).not.toContain('simulating');
  });

  it('errors and ✔ marks are plain in a pipe', () => {
    const ok = spawnSync(process.execPath, [BIN, 'validate', 'russia-japan-1905'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(ok.stdout).toMatch(/^✔ /);
    const bad = spawnSync(process.execPath, [BIN, 'cases', '--type', 'nosuch'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^✖ unknown case type/);
  });
});

describe.skipIf(!existsSync(SCRIPT))('on a pseudo-terminal (util-linux script)', () => {
  it('compare shows a bar of variants and marks clear gains (blue) and harms (red) in colour', () => {
    const shown = onTerminal(COMPARE);
    expect(shown).toMatch(/simulating \S+ 4\/4 variants/);
    expect(shown).toContain('Which intervention does most');
    expect(shown).toMatch(/\x1b\[1;34m✓\x1b\[0m|\x1b\[1;31m✗\x1b\[0m/);
  });

  it('NO_COLOR keeps the bar and drops the colour', () => {
    const shown = onTerminal(COMPARE, { NO_COLOR: '1' });
    expect(shown).toMatch(/simulating \S+ 4\/4 variants/);
    expect(shown).not.toMatch(COLOUR);
  });

  it('--quiet drops the bar', () => {
    const shown = onTerminal([...COMPARE, '-q']);
    expect(shown).toContain('Which intervention does most');
    expect(shown).not.toContain('simulating');
  });

  it('an error is marked in colour on a terminal', () => {
    const r = spawnSync(
      SCRIPT,
      ['-qec', `${process.execPath} ${BIN} cases --type nosuch`, '/dev/null'],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '', TERM: 'xterm' } },
    );
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/\x1b\[1;31m✖\x1b\[0m unknown case type/);
  });
});
