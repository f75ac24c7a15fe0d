/**
 * `parley token create` (issue #15, finding 5): the secret alone on stdout (so
 * `TOKEN=$(parley token create)` works), everything else on stderr; a name with a control or
 * bidi-override character is refused with exit 2 and nothing is created.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/data/scenarios.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-token-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { ...process.env, PARLEY_DB: join(dir, 'tokens.db'), PARLEY_DATABASE_URL: '' };

const parley = (...args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
    execFile(
      process.execPath,
      [join(REPO_ROOT, 'bin/parley.js'), ...args],
      { cwd: dir, env, timeout: 60_000 },
      (e, stdout, stderr) =>
        resolve({ code: e ? (typeof e.code === 'number' ? e.code : -1) : 0, stdout, stderr }),
    ),
  );

it('prints the token alone on stdout and refuses names with bidi overrides', async () => {
  const made = await parley('token', 'create', '--name', 'ci');
  expect(made.code).toBe(0);
  expect(made.stdout).toMatch(/^parley_[0-9a-f]+_[A-Za-z0-9_-]+\n$/);
  expect(made.stderr).toMatch(/shown only now/);
  const bad = await parley('token', 'create', '--name', 'ci\u202Etxt');
  expect(bad.code).toBe(2);
  expect(bad.stdout).toBe('');
  expect(bad.stderr).toMatch(/bidi-override character \(U\+202E\)/);
  const list = await parley('token', 'list');
  expect(list.stdout.trim().split('\n')).toHaveLength(1);
});
