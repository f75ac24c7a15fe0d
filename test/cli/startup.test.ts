// The CLI runs compiled JavaScript from dist/ (scripts/build.js) while that build is current, and
// the TypeScript sources through tsx otherwise; both give the same results, worker threads
// included. The build is made in a copy of the repository so the real dist/ is never touched
// while other tests run the CLI.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIsCurrent } from '../../bin/programSources.js';

const ROOT = resolve(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'parley-startup-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('buildIsCurrent', () => {
  const src = join(tmp, 'fresh', 'src');
  const stamp = join(tmp, 'fresh', 'BUILT');
  const at = (file: string, seconds: number) => utimesSync(file, seconds, seconds);
  beforeAll(() => {
    mkdirSync(join(src, 'model'), { recursive: true });
    for (const f of ['a.ts', 'model/b.json', 'a.test.ts']) writeFileSync(join(src, f), '{}');
    for (const f of ['a.ts', 'model/b.json', 'a.test.ts']) at(join(src, f), 1000);
  });

  it('is false without a build', () => {
    expect(buildIsCurrent(src, stamp)).toBe(false);
  });

  it('is true when the build is newer than every source, tests aside', () => {
    writeFileSync(stamp, '');
    at(stamp, 2000);
    at(join(src, 'a.test.ts'), 3000);
    expect(buildIsCurrent(src, stamp)).toBe(true);
  });

  it('is false once a source or an imported JSON file is newer than the build', () => {
    at(join(src, 'model/b.json'), 3000);
    expect(buildIsCurrent(src, stamp)).toBe(false);
    at(join(src, 'model/b.json'), 1000);
    at(join(src, 'a.ts'), 3000);
    expect(buildIsCurrent(src, stamp)).toBe(false);
  });
});

describe('the compiled CLI in a copy of the repository', () => {
  const repo = join(tmp, 'copy');
  const parley = (...args: string[]) =>
    spawnSync(process.execPath, [join(repo, 'bin/parley.js'), ...args], {
      cwd: repo,
      encoding: 'utf8',
    });

  beforeAll(() => {
    for (const part of ['bin', 'src', 'data', 'scripts', 'package.json'])
      cpSync(join(ROOT, part), join(repo, part), { recursive: true });
    symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(repo, 'node_modules'));
    const built = spawnSync(process.execPath, [join(repo, 'scripts/build.js')], {
      encoding: 'utf8',
    });
    expect(built.status, built.stderr).toBe(0);
  }, 60_000);

  it('runs from dist/ while the build is current (a broken source with an old date is not read)', () => {
    const program = join(repo, 'src/cli/program.ts');
    const good = readFileSync(program, 'utf8');
    try {
      writeFileSync(program, 'this is not TypeScript (');
      utimesSync(program, 1000, 1000);
      const r = parley('validate', 'data/scenarios/russia-japan-1905.yaml');
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('✔ data/scenarios/russia-japan-1905.yaml: Russo-Japanese War');
    } finally {
      writeFileSync(program, good);
      utimesSync(program, 1000, 1000);
    }
  });

  it('gives the same run, on two worker threads, compiled and from the sources', () => {
    const run = (out: string) =>
      parley('run', 'russia-japan-1905', '--runs', '120', '--threads', '2', '--json', out, '-q');
    const compiled = join(tmp, 'compiled.json');
    const fromSources = join(tmp, 'sources.json');
    const current = () => buildIsCurrent(join(repo, 'src'), join(repo, 'dist/BUILT'));
    // the build is current: dist/ runs, and the worker threads load the compiled worker file
    expect(current()).toBe(true);
    const a = run(compiled);
    expect(a.status, a.stderr).toBe(0);
    // an edit makes the build stale: bin/parley.js falls back to tsx and the .ts worker
    utimesSync(join(repo, 'src/engine/index.ts'), new Date(), new Date(Date.now() + 60_000));
    expect(current()).toBe(false);
    const b = run(fromSources);
    expect(b.status, b.stderr).toBe(0);
    expect(readFileSync(compiled, 'utf8')).toBe(readFileSync(fromSources, 'utf8'));
    expect(JSON.parse(readFileSync(compiled, 'utf8')).meta.runs).toBe(120);
  }, 60_000);
});
