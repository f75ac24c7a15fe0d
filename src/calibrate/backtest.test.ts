import { describe, expect, it } from 'vitest';
import {
  makeFolds,
  MODELS,
  runBacktest,
  shuffled,
  formatBacktestTable,
  engineLosses,
} from './backtest.ts';
import { syntheticCase } from './syntheticCases.ts';
import { DEFAULT_BUILDER } from './scenarioFromCase.ts';

const cases = Array.from({ length: 12 }, (_, i) => syntheticCase(i));

describe('folds', () => {
  it('time split trains on the earliest two-thirds', () => {
    const [f] = makeFolds(cases, 'time', 5, 1);
    expect(f.train.length).toBe(8);
    expect(Math.max(...f.train.map((c) => c.startYear))).toBeLessThan(
      Math.min(...f.test.map((c) => c.startYear)),
    );
  });
  it('k-fold partitions the cases: each case is tested exactly once and never trained on in its fold', () => {
    const folds = makeFolds(cases, 'kfold', 4, 7);
    const tested = folds.flatMap((f) => f.test.map((c) => c.id)).sort();
    expect(tested).toEqual(cases.map((c) => c.id).sort());
    for (const f of folds)
      for (const c of f.test) expect(f.train.map((t) => t.id)).not.toContain(c.id);
  });
  it('the shuffle is deterministic and a permutation', () => {
    expect(shuffled([1, 2, 3, 4, 5], 9)).toEqual(shuffled([1, 2, 3, 4, 5], 9));
    expect([...shuffled([1, 2, 3, 4, 5], 9)].sort()).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('runBacktest', () => {
  it('scores every model at every checkpoint on the same cases, with finite scores', () => {
    const r = runBacktest([{ source: 'cow-interstate', cases }], {
      split: 'time',
      folds: 5,
      checkpoints: [0, 6],
      horizons: [6, 12],
      runs: 40,
      horizonMonths: 60,
      seed: 5,
      calibration: { runs: 10, evaluations: 1 },
      calibrated: { engine: {}, builder: DEFAULT_BUILDER },
      mediatedCeasefireShare: null,
    });
    expect(r.rows.filter((x) => x.checkpoint === 0).map((x) => x.model)).toEqual([...MODELS]);
    const at0 = r.rows.filter((x) => x.checkpoint === 0);
    expect(new Set(at0.map((x) => x.n))).toEqual(new Set([4]));
    for (const row of r.rows) {
      expect(Number.isFinite(row.crps)).toBe(true);
      expect(row.crps).toBeGreaterThanOrEqual(0);
      // one PIT unit per held-out war, spread over ten bins
      expect(row.pit).toHaveLength(10);
      expect(row.pit.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    }
    const base = at0.find((x) => x.model === 'base rate')!;
    expect(base.brierSkill[12]).toBeCloseTo(0, 12);
    expect(base.pre).toBeCloseTo(0, 12);
    expect(formatBacktestTable(r)).toContain('Kaplan–Meier');
    expect(Array.isArray(engineLosses(r))).toBe(true);
  });
});
