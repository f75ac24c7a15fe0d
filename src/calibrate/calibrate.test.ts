import { describe, expect, it } from 'vitest';
import {
  durationPits,
  evaluateParams,
  fitOf,
  KNOBS,
  knobValues,
  paramsFromVector,
  kaplanMeierCdf,
  targetsFrom,
  vectorFromStart,
} from './calibrate.ts';
import { nelderMead } from './nelderMead.ts';
import { ksUniform } from './scores.ts';
import { DEFAULT_BUILDER } from './scenarioFromCase.ts';
import { syntheticCase } from './syntheticCases.ts';

describe('nelderMead', () => {
  it('finds the minimum of a shifted quadratic', () => {
    const r = nelderMead((x) => (x[0] - 1) ** 2 + 2 * (x[1] + 2) ** 2, [0, 0], {
      maxEvaluations: 400,
      tolerance: 1e-12,
    });
    expect(r.x[0]).toBeCloseTo(1, 3);
    expect(r.x[1]).toBeCloseTo(-2, 3);
  });
});

describe('calibration pieces', () => {
  it('a warm start begins at the given knob values, the others at their literature values', () => {
    const from = { 'battle.drawProbability': 0.2, 'builder.costSpread': 4 };
    const p = paramsFromVector(vectorFromStart(KNOBS, from), KNOBS, DEFAULT_BUILDER);
    const values = knobValues(p, KNOBS);
    expect(values['battle.drawProbability']).toBeCloseTo(0.2, 6);
    expect(values['builder.costSpread']).toBeCloseTo(4, 6);
    const lit = knobValues(paramsFromVector(vectorFromStart(KNOBS), KNOBS, DEFAULT_BUILDER), KNOBS);
    expect(values['battle.tempoSpread']).toBe(lit['battle.tempoSpread']);
    expect(lit['battle.drawProbability']).not.toBeCloseTo(0.2, 3);
    // a file without a knob added since leaves that knob out (it starts at its literature value)
    expect(
      knobValues({ engine: { battle: { drawProbability: 0.2 } }, builder: {} }, KNOBS),
    ).toEqual({
      'battle.drawProbability': 0.2,
    });
  });

  it('the search vector maps into every knob’s bounds, and the start vector to the literature values', () => {
    for (const v of [-50, 0, 50]) {
      const p = paramsFromVector(
        KNOBS.map(() => v),
        KNOBS,
        DEFAULT_BUILDER,
      );
      expect(p.engine.battle.drawProbability).toBeGreaterThanOrEqual(0);
      expect(p.engine.battle.drawProbability).toBeLessThanOrEqual(0.9);
      expect(p.builder.frontPositions).toBeGreaterThanOrEqual(2);
      expect(Number.isInteger(p.builder.frontPositions)).toBe(true);
    }
    const start = paramsFromVector(vectorFromStart(KNOBS), KNOBS, DEFAULT_BUILDER);
    expect(start.engine.ripeness.tolerableCost).toBeCloseTo(0.015, 6);
    expect(start.builder.costScale).toBeCloseTo(0.02, 6);
  });

  it('common random numbers: the same parameters give the same moments; the fit is finite', () => {
    const cow = [1, 2, 3, 4].map((i) => syntheticCase(i));
    const ucdp = [5, 6].map((i) =>
      syntheticCase(i, {
        source: 'ucdp',
        kind: i === 5 ? 'civil' : 'interstate',
        ending: 'ceasefire',
      }),
    );
    const input = { cow, ucdp, runs: 30, horizonMonths: 60, seed: 3 };
    const p = { engine: {}, builder: DEFAULT_BUILDER };
    const a = evaluateParams(p, input);
    const b = evaluateParams(p, input);
    expect(a).toEqual(b);
    const fit = fitOf(a, targetsFrom(cow, ucdp, 0.45));
    expect(fit.ksCowDuration).toBeGreaterThanOrEqual(0);
    expect(fit.ksCowDuration).toBeLessThanOrEqual(1);
    expect(Number.isFinite(fit.objective)).toBe(true);
    expect(a.ucdpShares.civil.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 6);
  });
});

describe('the PIT term of the calibration', () => {
  const sim = (ends: number[]) => ({
    id: 'x',
    endMonth: Int16Array.from(ends),
    ending: ends.map(() => 'victory' as const),
    mediated: new Uint8Array(ends.length),
    horizon: 60,
  });
  it('mid-PIT: ½ where every run ends in the observed month, 1 where all end before, 0 after', () => {
    const cases = [3, 3, 3].map((months) => ({ months, ended: true }));
    expect(durationPits(cases, [sim([3, 3]), sim([1, 2]), sim([7, -1])])).toEqual([0.5, 1, 0]);
    // a war still on is left out
    expect(durationPits([{ months: 3, ended: false }], [sim([1])])).toEqual([]);
  });
  it('KS from uniform: 0-ish for an even grid, near 1 when every PIT is 0 (intervals far too narrow)', () => {
    const grid = Array.from({ length: 100 }, (_, i) => (i + 0.5) / 100);
    expect(ksUniform(grid)).toBeCloseTo(0.005, 9);
    expect(ksUniform(new Array(50).fill(0))).toBe(1);
  });
});

describe('the censored UCDP duration target', () => {
  it('Kaplan–Meier CDF: without censoring it is the empirical CDF', () => {
    const cases = [0, 1, 1, 3].map((months) => ({ months, ended: true }));
    expect(kaplanMeierCdf(cases)).toEqual([0.25, 0.75, 0.75, 1]);
  });

  it('an episode still on is at risk until it is censored, not dropped (dropping shortens the target)', () => {
    const ended = [0, 2].map((months) => ({ months, ended: true }));
    const cdf = kaplanMeierCdf([...ended, { months: 5, ended: false }]);
    // month 0: 1 of 3 at risk ends; month 2: 1 of 2 → S = 2/3 · 1/2
    expect(cdf[0]).toBeCloseTo(1 / 3, 12);
    expect(cdf[2]).toBeCloseTo(1 - (2 / 3) * (1 / 2), 12);
    // the curve stops where nobody is at risk: through month 4 for the censored episode
    expect(cdf.length).toBe(5);
    expect(cdf[4]).toBeLessThan(1);
    // dropping the censored episode would claim every war over by month 2
    expect(kaplanMeierCdf(ended)[2]).toBe(1);
  });
});
