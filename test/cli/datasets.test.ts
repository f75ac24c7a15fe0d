// The dataset commands without their datasets, through the real CLI: a --data folder that lacks
// the files, PARLEY_DATA pointing to one, and the default ../shared/data lookup failing (the bin
// run from a copy of the repository whose parent has no shared/). Each must name the missing
// datasets and their expected paths, say how to get them, and exit 2 — never "internal error".
import { execFile } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'parley-datasets-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// the developer's own PARLEY_DATA must not leak into the default-lookup test
const env: NodeJS.ProcessEnv = { ...process.env, PARLEY_DEBUG: '' };
delete env.PARLEY_DATA;

const parley = (
  args: string[],
  extraEnv: Record<string, string> = {},
  bin = join(ROOT, 'bin/parley.js'),
) =>
  new Promise<{ code: number; stderr: string; stdout: string }>((done) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd: tmp, env: { ...env, ...extraEnv }, timeout: 60_000 },
      (err, stdout, stderr) =>
        done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });

const COW = 'cow-wars/cow_interstate_wars_v4.0.csv';
const UCDP = 'ucdp-termination/ucdp_term_conflict_v3-2021.csv';

function expectMissingMessage(stderr: string, command: string, dir: string, names: string[]) {
  expect(stderr).not.toMatch(/internal error|this is a bug|at .*\.ts:\d+/);
  expect(stderr).toContain(`✖ parley ${command} needs`);
  expect(stderr).toContain(`not found in ${dir}`);
  if (names.includes('cow-interstate')) {
    expect(stderr).toContain(
      `- cow-interstate (COW Inter-State War Data v4.0): expected ${join(dir, COW)}`,
    );
    expect(stderr).toContain(`parley data fetch cow-interstate --out ${dir}`);
  }
  if (names.includes('ucdp-termination')) {
    expect(stderr).toContain(`- ucdp-termination (`);
    expect(stderr).toContain(`expected ${join(dir, UCDP)}`);
    // no direct download address is recorded: the publisher's page and fetch --url instead
    expect(stderr).toContain('https://ucdp.uu.se/downloads/');
    expect(stderr).toContain(`parley data fetch ucdp-termination --url`);
  } else expect(stderr).not.toContain('ucdp-termination');
  expect(stderr).toContain('--data DIR (or PARLEY_DATA=DIR)');
}

describe('dataset commands without their datasets', () => {
  it('backtest --data <empty folder>: names both datasets and their paths, exit 2', async () => {
    const dir = join(tmp, 'empty');
    mkdirSync(dir);
    const r = await parley([
      'backtest',
      '--data',
      dir,
      '--subset',
      '4',
      '--out',
      join(tmp, 'b.json'),
    ]);
    expect(r.code).toBe(2);
    expectMissingMessage(r.stderr, 'backtest', dir, ['cow-interstate', 'ucdp-termination']);
    expect(r.stderr).toContain('(given with --data)');
  });

  it('calibrate with PARLEY_DATA pointing to a folder that does not exist: exit 2', async () => {
    const dir = join(tmp, 'no-such-folder');
    const r = await parley(['calibrate', '--runs', '1', '--evaluations', '1'], {
      PARLEY_DATA: dir,
    });
    expect(r.code).toBe(2);
    expectMissingMessage(r.stderr, 'calibrate', dir, ['cow-interstate', 'ucdp-termination']);
    expect(r.stderr).toContain('no such folder; from PARLEY_DATA');
  });

  it('backtest with the default ../shared/data absent (bin run from a copy): exit 2, names the default path', async () => {
    const repo = join(tmp, 'copy', 'repo');
    mkdirSync(repo, { recursive: true });
    for (const part of ['bin', 'src', 'package.json'])
      cpSync(join(ROOT, part), join(repo, part), { recursive: true });
    symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(repo, 'node_modules'));
    const r = await parley(
      ['backtest', '--subset', '4', '--out', join(tmp, 'c.json')],
      {},
      join(repo, 'bin/parley.js'),
    );
    expect(r.code).toBe(2);
    const dir = join(tmp, 'copy', 'shared', 'data');
    expectMissingMessage(r.stderr, 'backtest', dir, ['cow-interstate', 'ucdp-termination']);
    expect(r.stderr).toContain('the default: ../shared/data beside the repository');
  });

  it('backtest --source cow needs only the COW file; a malformed one is named with its issue, exit 2', async () => {
    const dir = join(tmp, 'malformed');
    mkdirSync(join(dir, 'cow-wars'), { recursive: true });
    writeFileSync(join(dir, COW), 'foo,bar\n1,2\n');
    const r = await parley([
      'backtest',
      '--source',
      'cow',
      '--data',
      dir,
      '--subset',
      '4',
      '--out',
      join(tmp, 'd.json'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/internal error|this is a bug|needs a dataset/);
    expect(r.stderr).toContain('✖ problems in a dataset file');
    expect(r.stderr).toContain(`${join(dir, COW)}: row 0, column `);
  });

  it('insights with PARLEY_DATA pointing to a missing folder refuses it like --data (exit 2)', async () => {
    const dir = join(tmp, 'not-there');
    const r = await parley(['insights', '--topic', 'mediation'], { PARLEY_DATA: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`✖ data folder not found: ${dir} (PARLEY_DATA)`);
  });
});
