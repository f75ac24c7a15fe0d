// The contact back-test end to end on the real case base (data/cases), with few engine runs:
// `parley backtest --target contact` completes, prints the table and writes the full result.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONTACT_MODELS,
  runContactBacktest,
  type ContactBacktestResult,
} from '../../src/calibrate/contactBacktest.ts';
import { loadCases } from '../../src/data/cases.ts';

const ROOT = resolve(import.meta.dirname, '../..');

describe('contact back-test on the case base', () => {
  const { cases, issues } = loadCases();

  it('observes every case once; the time split trains on about two-thirds, earlier wars only', () => {
    expect(issues).toEqual([]);
    // a small grid: this test is about the split, not the search
    const grid = {
      baselineShape: [0.5, 0.8],
      baselineScaleMonths: [6, 18],
      utilitySensitivity: [0, 3],
      frailtySpread: [0, 1],
      outbreakHazard: [0],
      runs: 20,
    };
    const r = runContactBacktest(cases, { split: 'time', runs: 20, grid });
    const o = r.observed;
    expect(o.contacts + o.censored).toBe(cases.length);
    expect(o.byChannel.secret + o.byChannel.mediated + o.byChannel.public).toBe(o.contacts);
    expect(o.preStart).toBeGreaterThan(0);
    expect(r.split.train + r.split.test).toBe(cases.length);
    expect(r.split.train / cases.length).toBeGreaterThan(0.6);
    expect(r.split.train / cases.length).toBeLessThan(0.73);
    expect(r.rows.map((x) => x.model)).toEqual([...CONTACT_MODELS]);
    for (const row of r.rows) {
      expect(row.n).toBe(r.split.test);
      expect(Number.isFinite(row.crps)).toBe(true);
      expect(Number.isFinite(row.logScoreChannel)).toBe(true);
      expect(row.pit.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 9);
    }
  });

  it('parley backtest --target contact --split loo prints the table and writes JSON and HTML', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-contact-'));
    try {
      const out = join(dir, 'contact.json');
      const html = join(dir, 'contact.html');
      const p = spawnSync(
        process.execPath,
        [
          join(ROOT, 'bin/parley.js'),
          'backtest',
          '--target',
          'contact',
          '--split',
          'loo',
          '--runs',
          '20',
          // every k-th case: leave-one-out over the whole base takes minutes
          '--subset',
          '25',
          '--out',
          out,
          '--html',
          html,
        ],
        { cwd: ROOT, encoding: 'utf8' },
      );
      expect(p.stderr).not.toMatch(/internal error/);
      expect(p.status).toBe(0);
      expect(p.stdout).toContain('Leave-one-out');
      // the same every-k-th rule as the command's --subset
      const n = cases.filter((_, i) => i % Math.ceil(cases.length / 25) === 0).length;
      for (const m of CONTACT_MODELS)
        expect(p.stdout).toMatch(new RegExp(`^${m.replace(/[()]/g, '\\$&')}\\s+${n}\\s`, 'm'));
      expect(p.stdout).toContain('PIT histogram');
      const r = JSON.parse(readFileSync(out, 'utf8')) as ContactBacktestResult;
      expect(r.split.folds).toBe(n);
      expect(r.perCase).toHaveLength(n);
      expect(readFileSync(html, 'utf8')).toContain('<svg');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // each fold estimates its own anchor by type and era, so folds share fewer simulations
  }, 240_000);

  it('--write-defaults is refused outside the time split and for the duration target (exit 2, nothing written)', () => {
    const before = ['contactDefaults.json', 'durabilityDefaults.json'].map((f) =>
      readFileSync(join(ROOT, 'src/model', f), 'utf8'),
    );
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [join(ROOT, 'bin/parley.js'), 'backtest', ...args], {
        cwd: ROOT,
        encoding: 'utf8',
      });
    for (const target of ['contact', 'relapse']) {
      const p = run('--target', target, '--split', 'loo', '--write-defaults');
      expect(p.status).toBe(2);
      expect(p.stderr).toContain('--write-defaults needs --split time');
    }
    const d = run('--target', 'duration', '--write-defaults');
    expect(d.status).toBe(2);
    expect(d.stderr).toContain('--write-defaults goes with --target contact or relapse');
    // a cut year that leaves no test wars, or one given to another split or target
    const late = run('--target', 'contact', '--cut-year', '2100', '--write-defaults');
    expect(late.status).toBe(2);
    expect(late.stderr).toMatch(/--cut-year 2100 leaves 221 training and 0 test cases/);
    expect(run('--target', 'contact', '--split', 'loo', '--cut-year', '2000').stderr).toContain(
      '--cut-year goes with --split time',
    );
    expect(run('--target', 'relapse', '--cut-year', '2000').stderr).toContain(
      '--cut-year goes with --target contact',
    );
    expect(
      ['contactDefaults.json', 'durabilityDefaults.json'].map((f) =>
        readFileSync(join(ROOT, 'src/model', f), 'utf8'),
      ),
    ).toEqual(before);
  });
});
