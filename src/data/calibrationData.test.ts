// Calibration data with covariates: the COW cases get CINC and polity2 at onset when the NMC
// and Polity5 files are there; switched off, the scenarios are byte-identical to those built
// before covariates existed; case-base cases bring their recorded mediators and channels.
import { createHash } from 'node:crypto';
import { asAtHashCommit } from '../../test/calibrate/asAtHashCommit.ts';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseBaseCases } from '../calibrate/caseBaseCases.ts';
import { attachCovariates } from '../calibrate/covariates.ts';
import { scenarioFromCase, type BuilderParams } from '../calibrate/scenarioFromCase.ts';
import type { Belligerent, Mediator } from '../model/index.ts';
import { loadCalibrationData, loadCovariateTables } from './calibrationData.ts';
import { loadCases } from './cases.ts';
import { DataError } from './csv.ts';
import { DEFAULT_DATA_DIR } from './datasets.ts';

const FIXTURES = join(import.meta.dirname, '__fixtures__');
const HAVE = ['cow-wars', 'ucdp-termination', 'cow-nmc', 'polity5'].every((d) => existsSync(join(DEFAULT_DATA_DIR, d)));
if (!HAVE) console.warn(`calibration-data covariate tests skipped: COW, UCDP, NMC or Polity5 not found under ${DEFAULT_DATA_DIR}`);

describe('loadCovariateTables', () => {
  it('is null when the files are absent, and throws a DataError naming file, row, column and value when one is malformed', () => {
    expect(loadCovariateTables(join(FIXTURES, 'nowhere'))).toBeNull();
    expect(loadCovariateTables(FIXTURES)?.cinc.size).toBe(17);
    const root = mkdtempSync(join(tmpdir(), 'parley-cov-'));
    try {
      mkdirSync(join(root, 'cow-nmc'));
      mkdirSync(join(root, 'polity5'));
      copyFileSync(join(FIXTURES, 'cowNmcBad.csv'), join(root, 'cow-nmc', 'NMC-60-abridged.csv'));
      copyFileSync(join(FIXTURES, 'polity5', 'p5v2018-polity2.csv'), join(root, 'polity5', 'p5v2018-polity2.csv'));
      expect(() => loadCovariateTables(root)).toThrow(DataError);
      expect(() => loadCovariateTables(root)).toThrow(/NMC-60-abridged\.csv: row 2, column cinc: .*\(value "1\.33"\)/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!HAVE)('calibration data from ../shared/data', () => {
  it('without covariates builds exactly the scenarios of the builder before covariates (SHA-256 of the builder of commit 2df4e0a, mechanisms apart)', () => {
    const data = loadCalibrationData(DEFAULT_DATA_DIR, ['cow', 'ucdp'], { covariates: false });
    expect(data.cow.some((c) => c.capability || c.polity2)).toBe(false);
    expect(data.covariateCoverage).toEqual({ capability: 0, polity2: 0 });
    const builders: BuilderParams[] = [
      { costScale: 0.02, costSpread: 1, optimismSd: 0, frontPositions: 10 },
      { costScale: 0.05, costSpread: 2, optimismSd: 0.1, frontPositions: 7.6 },
    ];
    const hash = createHash('sha256');
    for (const b of builders)
      for (const c of [...data.cow, ...data.ucdp])
        hash.update(JSON.stringify(asAtHashCommit(scenarioFromCase(c, { builder: b, runs: 50, horizonMonths: 240, seed: 3, engine: { battle: { drawProbability: 0.2 } } }))));
    expect([data.cow.length, data.ucdp.length]).toEqual([95, 550]);
    expect(hash.digest('hex')).toBe('61f47ff1aee9b9205510cc78d57dc49092fdc1c6e1828c8ba9b2f89340051b27');
  });

  it('with covariates gives every COW war a CINC ratio and most both regimes, and says which files it used', () => {
    const data = loadCalibrationData(DEFAULT_DATA_DIR);
    console.log(`COW wars with CINC on both sides: ${data.covariateCoverage.capability} of ${data.cow.length}; with polity2 for both leading states: ${data.covariateCoverage.polity2}`);
    expect(data.covariateCoverage.capability).toBe(data.cow.length);
    expect(data.covariateCoverage.polity2).toBeGreaterThan(0.8 * data.cow.length);
    expect(data.versions.join('\n')).toMatch(/National Material Capabilities v6\.0[\s\S]*Polity5/);
    // Falklands (COW war 202): the UK had about 3.5 times Argentina's CINC in 1982; UK polity2 10, Argentina −8
    const falklands = data.cow.find((c) => c.id === 'cow-202')!;
    expect(falklands.participants).toEqual({ a: [200], b: [160] });
    expect(falklands.capability!.cincA / falklands.capability!.cincB).toBeGreaterThan(3);
    expect(falklands.polity2).toEqual({ a: 10, b: -8 });
  });

  it('case-base cases: states, capabilities and regimes attached, and the recorded mediators in the scenario', () => {
    const { cases, issues } = loadCases();
    expect(issues).toEqual([]);
    const tables = loadCovariateTables(DEFAULT_DATA_DIR)!;
    const built = attachCovariates(caseBaseCases(cases, { knownByMonth: Infinity, censorDate: '2025-01-01' }), tables);
    const withCapability = built.filter((c) => c.capability).length;
    console.log(`case-base cases with CINC on both sides: ${withCapability} of ${built.length}`);
    const falklands = built.find((c) => c.id === 'case-falklands-war-1982')!;
    expect(falklands.polity2).toEqual({ a: 10, b: -8 });
    const s = scenarioFromCase(falklands, { builder: { costScale: 0.02, costSpread: 1, optimismSd: 0, frontPositions: 10 }, runs: 10, horizonMonths: 120, seed: 1 });
    const a = s.parties.find((p) => p.id === 'side-a') as Belligerent;
    expect(a.leader.regime).toBe('democracy');
    expect(a.military.strength).toBeGreaterThan(1);
    // Haig (8 April), Belaúnde (1 May) and Pérez de Cuéllar (6 May) after the 2 April invasion
    expect(s.parties.filter((p): p is Mediator => p.role === 'mediator').map((m) => m.mediation.offerMonth)).toEqual([0, 0, 1]);
  });
});
