import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listBundledScenarioIds, REPO_ROOT } from '../../src/data/scenarios.ts';
import { buildProgram } from '../../src/cli/program.ts';
import { REPORT_SECTIONS } from '../../src/report/html.ts';
import { openSqliteStore } from '../../src/store/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI in this process (no worker threads: --threads 1). */
async function parley(...args: string[]): Promise<void> {
  const program = await buildProgram();
  program.exitOverride();
  await program.parseAsync(['node', 'parley', ...args]);
}

describe('parley report', () => {
  it.each(listBundledScenarioIds())(
    'the report for %s has every section, inline SVG and no network references',
    async (id) => {
      const out = join(dir, `${id}.html`);
      await parley(
        'report',
        id,
        '-o',
        out,
        '--runs',
        '60',
        '--horizon',
        '60',
        '--sensitivity-runs',
        '30',
      );
      const html = readFileSync(out, 'utf8');
      for (const s of REPORT_SECTIONS) expect(html, s).toContain(`<section id="${s}">`);
      expect((html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(6);
      expect(html).not.toMatch(/<script|<link|src="http|href="http|url\(http|@import/);
    },
  );

  it('an invalid scenario exits 2 with the loader message and writes nothing', () => {
    const out = join(dir, 'invalid', 'report.html');
    const png = join(dir, 'invalid', 'png');
    const r = spawnSync(
      process.execPath,
      [
        join(REPO_ROOT, 'bin', 'parley.js'),
        'report',
        join(REPO_ROOT, 'test/fixtures/invalid/probability-above-one.yaml'),
        '-o',
        out,
        '--png-dir',
        png,
      ],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/probability-above-one\.yaml/);
    expect(r.stderr).toMatch(/too big/);
    expect(existsSync(join(dir, 'invalid'))).toBe(false);
  });
});

describe('parley sweep', () => {
  it('writes CSV and JSON and, when rerun after an interruption, skips the cells already done', async () => {
    const out = join(dir, 'sweep');
    const args = [
      'sweep',
      'bosnia-1995',
      '--param',
      'front.balance=0.4,0.6',
      '--runs',
      '40',
      '--horizon',
      '24',
      '--out',
      out,
      '--quiet',
    ];
    await parley(...args);
    const csv = readFileSync(join(out, 'results.csv'), 'utf8').trim().split('\n');
    expect(csv).toHaveLength(3);
    expect(csv[0]).toMatch(/^cell,front\.balance,talks6,/);
    const cells = readdirSync(join(out, 'cells')).sort();
    expect(cells).toHaveLength(2);
    // interrupted: the second cell never finished
    unlinkSync(join(out, 'cells', cells[1]));
    const kept = statSync(join(out, 'cells', cells[0])).mtimeMs;
    const first = readFileSync(join(out, 'cells', cells[0]), 'utf8');
    await new Promise((r) => setTimeout(r, 20));
    await parley(...args);
    expect(statSync(join(out, 'cells', cells[0])).mtimeMs).toBe(kept);
    expect(readFileSync(join(out, 'cells', cells[0]), 'utf8')).toBe(first);
    expect(existsSync(join(out, 'cells', cells[1]))).toBe(true);
    expect(readFileSync(join(out, 'results.csv'), 'utf8').trim().split('\n')).toEqual(csv);
    const json = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect(json.results).toHaveLength(2);
  });

  it('--store saves the sweep as an analysis in the store', async () => {
    const db = join(dir, 'parley.db');
    const before = process.env.PARLEY_DB;
    process.env.PARLEY_DB = db;
    try {
      await parley(
        'sweep',
        'bosnia-1995',
        '--param',
        'front.balance=0.5',
        '--runs',
        '20',
        '--horizon',
        '24',
        '--out',
        join(dir, 'sweep-stored'),
        '--quiet',
        '--store',
      );
    } finally {
      if (before === undefined) delete process.env.PARLEY_DB;
      else process.env.PARLEY_DB = before;
    }
    const store = await openSqliteStore(db);
    try {
      const [a] = await store.listAnalyses({ kind: 'sweep' });
      expect(a).toMatchObject({ kind: 'sweep', scenarioId: 'bosnia-1995', rowCount: 1 });
      const rows = (await store.getAnalysisRows(a.id)) as Record<string, unknown>[];
      expect(rows[0]['front.balance']).toBe(0.5);
    } finally {
      await store.close();
    }
  });

  it('refuses to mix two different sweeps in one folder', async () => {
    const out = join(dir, 'sweep');
    await expect(
      parley(
        'sweep',
        'bosnia-1995',
        '--param',
        'front.balance=0.5',
        '--runs',
        '40',
        '--horizon',
        '24',
        '--out',
        out,
        '--quiet',
      ),
    ).rejects.toThrow(/different sweep/);
  });
});
