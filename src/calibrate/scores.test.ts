import { describe, expect, it } from 'vitest';
import {
  brier,
  brierSkill,
  cIndex,
  crpsDiscrete,
  ksAgainstCdf,
  ksDistance,
  logScore,
  proportionalReductionInError,
  reliabilityTable,
} from './scores.ts';

describe('scores', () => {
  it('Brier and Brier skill by hand', () => {
    expect(brier([0.8, 0.3], [1, 0])).toBeCloseTo((0.04 + 0.09) / 2, 12);
    // climatology 0.5: BS_ref = 0.25
    expect(brierSkill([0.8, 0.3], [1, 0])).toBeCloseTo(1 - 0.065 / 0.25, 12);
    expect(brierSkill([0.5, 0.5], [1, 0])).toBeCloseTo(0, 12);
  });
  it('log score by hand, with a floor for impossible outcomes', () => {
    expect(
      logScore(
        [
          [0.2, 0.8],
          [0.5, 0.5],
        ],
        [1, 0],
      ),
    ).toBeCloseTo((Math.log(0.8) + Math.log(0.5)) / 2, 12);
    expect(logScore([[1, 0]], [1], 0.01)).toBeCloseTo(Math.log(0.01), 12);
  });
  it('CRPS of a point mass is |x − y| on the unit grid; of a two-point mass by hand', () => {
    expect(crpsDiscrete([0, 0, 1, 0, 0, 0], 5)).toBe(3);
    expect(crpsDiscrete([0, 0, 1, 0, 0, 0], 2)).toBe(0);
    // pmf ½ at 0 and ½ at 2, y = 1: F = ½, ½, 1 ; 1{y≤k} = 0, 1, 1 → ¼ + ¼ + 0
    expect(crpsDiscrete([0.5, 0, 0.5], 1)).toBeCloseTo(0.5, 12);
  });
  it('C-index: perfect, reversed and tied risks', () => {
    const t = [1, 2, 3, 4];
    const e = [1, 1, 1, 0];
    expect(cIndex(t, e, [4, 3, 2, 1])).toBe(1);
    expect(cIndex(t, e, [1, 2, 3, 4])).toBe(0);
    expect(cIndex(t, e, [1, 1, 1, 1])).toBe(0.5);
  });
  it('reliability table bins forecasts and reports observed rates', () => {
    const r = reliabilityTable([0.05, 0.15, 0.12, 0.95, 1], [0, 1, 0, 1, 1], 10);
    expect(r[0]).toMatchObject({ n: 1, observedRate: 0 });
    expect(r[1]).toMatchObject({ n: 2, observedRate: 0.5 });
    expect(r[1].meanForecast).toBeCloseTo(0.135, 12);
    expect(r[9]).toMatchObject({ n: 2, observedRate: 1 });
  });
  it('PRE and KS distances', () => {
    expect(proportionalReductionInError(6, 8)).toBeCloseTo(0.25, 12);
    expect(ksDistance([1, 2, 3], [1, 2, 3])).toBe(0);
    expect(ksDistance([1, 2], [3, 4])).toBe(1);
    expect(ksAgainstCdf([0, 1], [0.5, 1])).toBeCloseTo(0, 12);
    expect(ksAgainstCdf([1, 1], [0.5, 1])).toBeCloseTo(0.5, 12);
  });
});
