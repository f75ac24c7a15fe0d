// Calibration and back-test on a small, fast subset of the shared datasets (the full runs are
// `parley calibrate` and `npm run backtest`). Skips with a reason when ../shared/data is absent.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calibrate, targetsFrom } from '../../src/calibrate/calibrate.ts';
import { MODELS, runBacktest } from '../../src/calibrate/backtest.ts';
import { DEFAULT_BUILDER } from '../../src/calibrate/scenarioFromCase.ts';
import { loadCalibrationData } from '../../src/data/calibrationData.ts';
import { DEFAULT_DATA_DIR } from '../../src/data/datasets.ts';

const HAVE = existsSync(DEFAULT_DATA_DIR);
if (!HAVE)
  console.warn(
    `calibration/back-test subset skipped: ${DEFAULT_DATA_DIR} not found (shared datasets are not committed)`,
  );

describe.skipIf(!HAVE)('calibration and back-test on a subset of COW and UCDP', () => {
  const data = HAVE
    ? loadCalibrationData(DEFAULT_DATA_DIR)
    : { cow: [], ucdp: [], mediatedCeasefireShare: null, versions: [] };

  it('loads the cases: 95 COW inter-state wars (median 5 whole months), UCDP episodes with endings', () => {
    expect(data.cow.length).toBe(95);
    const m = data.cow.map((c) => c.months).sort((a, b) => a - b);
    expect(m[47]).toBe(5);
    // UCDP README: 571 conflict episodes, 525 terminated; the 21 extrasystemic episodes are left out
    expect(data.ucdp.length).toBe(571 - 21);
    expect(data.ucdp.filter((c) => c.ending === 'agreement').length).toBeGreaterThan(40);
    expect(data.mediatedCeasefireShare).toBeCloseTo(1753 / (1753 + 2168), 6);
  });

  it('a few Nelder–Mead steps do not worsen the fit from the literature defaults', () => {
    const cow = data.cow.filter((_, i) => i % 8 === 0);
    const ucdp = data.ucdp
      .filter((c) => c.ending === 'agreement' || c.ending === 'ceasefire' || c.ending === 'victory')
      .filter((_, i) => i % 25 === 0);
    const r = calibrate({
      cow,
      ucdp,
      targets: targetsFrom(data.cow, data.ucdp, data.mediatedCeasefireShare),
      runs: 30,
      horizonMonths: 240,
      seed: 11,
      maxEvaluations: 10,
      base: DEFAULT_BUILDER,
    });
    expect(r.fit.objective).toBeLessThanOrEqual(r.start.objective + 1e-12);
  });

  it('the back-test scores the engine and every baseline on the same held-out cases', () => {
    const cow = data.cow.filter((_, i) => i % 4 === 0);
    const r = runBacktest([{ source: 'cow-interstate', cases: cow }], {
      split: 'time',
      folds: 5,
      checkpoints: [0, 6],
      horizons: [6, 12, 24],
      runs: 60,
      horizonMonths: 240,
      seed: 11,
      calibration: { runs: 15, evaluations: 4 },
      mediatedCeasefireShare: data.mediatedCeasefireShare,
    });
    const at0 = r.rows.filter((x) => x.checkpoint === 0);
    expect(at0.map((x) => x.model)).toEqual([...MODELS]);
    expect(new Set(at0.map((x) => x.n)).size).toBe(1);
    expect(r.folds[0].train + r.folds[0].test).toBe(cow.length);
    for (const row of r.rows) expect(Number.isFinite(row.crps)).toBe(true);
  });
});
