import { describe, expect, it } from 'vitest';
import { fastExp, fastSigmoid } from './fastMath.ts';

const EPS = Number.EPSILON;

/** Deterministic inputs spread over [lo, hi]. */
function* points(lo: number, hi: number, n: number): Generator<number> {
  let x = 0x2545f491;
  for (let k = 0; k < n; k++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    yield lo + ((hi - lo) * x) / 2 ** 32;
  }
}

describe('fastExp', () => {
  it('is within 3 ulp of Math.exp over the range the engine uses and beyond', () => {
    let worst = 0;
    for (const [lo, hi] of [
      [-50, 50],
      [-1, 1],
      [-1e-6, 1e-6],
      [-700, 700],
    ] as const)
      for (const x of points(lo, hi, 100_000)) {
        const want = Math.exp(x);
        worst = Math.max(worst, Math.abs(fastExp(x) - want) / (want * EPS));
      }
    expect(worst).toBeLessThanOrEqual(3);
    // most values are the same bits as Math.exp
    let same = 0;
    for (const x of points(-20, 20, 10_000)) if (fastExp(x) === Math.exp(x)) same++;
    expect(same).toBeGreaterThan(5000);
  });

  it('is exact where it should be and falls back to Math.exp at the extremes', () => {
    expect(fastExp(0)).toBe(1);
    expect(fastExp(-0)).toBe(1);
    for (const k of [-10, -1, 1, 10]) expect(fastExp(k * Math.LN2)).toBeCloseTo(2 ** k, 14);
    for (const x of [-Infinity, -1000, -708, 708, 709, 1000, Infinity])
      expect(fastExp(x)).toBe(Math.exp(x));
    expect(fastExp(NaN)).toBeNaN();
  });
});

describe('fastSigmoid', () => {
  it('matches the logistic function and its limits', () => {
    let worst = 0;
    for (const x of points(-40, 40, 20_000)) {
      const want = 1 / (1 + Math.exp(-x));
      worst = Math.max(worst, Math.abs(fastSigmoid(x) - want) / (want * EPS));
    }
    expect(worst).toBeLessThanOrEqual(4);
    expect(fastSigmoid(0)).toBe(0.5);
    expect(fastSigmoid(800)).toBe(1);
    expect(fastSigmoid(-800)).toBe(0);
  });
});
