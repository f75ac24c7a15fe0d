// The relapse back-test end to end on the real case base (data/cases), with few engine runs.
import { describe, expect, it } from 'vitest';
import { loadCases } from '../../src/data/cases.ts';
import { observeRelapse, runRelapseBacktest } from '../../src/calibrate/relapseBacktest.ts';

describe('relapse back-test on the case base', () => {
  const { cases } = loadCases();

  it('observes ended cases with a known 5-year outcome, by ending; the time split trains on earlier wars only', () => {
    const obs = observeRelapse(cases);
    expect(obs.length).toBeGreaterThan(100);
    expect(new Set(obs.map((o) => o.kind))).toEqual(
      new Set(['victory', 'settlement', 'ceasefire']),
    );
    const r = runRelapseBacktest(cases, 'time', 20);
    expect(r.train + r.test).toBe(obs.length);
    const trainIds = new Set(obs.filter((o) => o.startYear < r.cutYear!).map((o) => o.id));
    expect(trainIds.size).toBe(r.train);
    for (const row of r.rows) {
      expect(row.n).toBe(r.test);
      expect(Number.isFinite(row.logScore)).toBe(true);
      expect(row.brier).toBeGreaterThan(0);
    }
    // the baseline is the training fold's share by ending: its forecast can't be the held-out one
    const share = r.rows.find((x) => x.model === 'share by ending (train)')!;
    const trainObs = obs.filter((o) => o.startYear < r.cutYear!);
    const v = trainObs.filter((o) => o.kind === 'victory');
    expect(share.byKind.victory.forecast).toBeCloseTo(
      (v.filter((o) => o.resumed).length + 1) / (v.length + 2),
      12,
    );
  });
});
