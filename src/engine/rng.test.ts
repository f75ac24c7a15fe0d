import { describe, expect, it } from 'vitest';
import { Rng, STREAM_COUNT } from './rng.ts';

describe('rng: xoshiro128** streams per (seed, run, purpose)', () => {
  it('uniform draws have mean ½ and variance 1/12 over 100k draws, all in [0, 1)', () => {
    const rng = new Rng(123, 0, 1);
    const N = 100_000;
    let s = 0,
      s2 = 0,
      min = 1,
      max = 0;
    for (let n = 0; n < N; n++) {
      const u = rng.next(0, 2);
      s += u;
      s2 += u * u;
      if (u < min) min = u;
      if (u > max) max = u;
    }
    const mean = s / N,
      variance = s2 / N - mean * mean;
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / N));
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.002);
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
  });

  it('streams are independent: correlation between streams and between runs is near 0', () => {
    const rng = new Rng(1, 0, 2);
    const N = 50_000;
    const corr = (f: () => [number, number]) => {
      let sx = 0,
        sy = 0,
        sxy = 0,
        sxx = 0,
        syy = 0;
      for (let n = 0; n < N; n++) {
        const [x, y] = f();
        sx += x;
        sy += y;
        sxy += x * y;
        sxx += x * x;
        syy += y * y;
      }
      return (
        (sxy / N - (sx / N) * (sy / N)) /
        Math.sqrt((sxx / N - (sx / N) ** 2) * (syy / N - (sy / N) ** 2))
      );
    };
    expect(Math.abs(corr(() => [rng.next(0, 2), rng.next(0, 3)]))).toBeLessThan(0.02);
    expect(Math.abs(corr(() => [rng.next(0, 5), rng.next(1, 5)]))).toBeLessThan(0.02);
  });

  it('run i’s numbers depend only on (seed, i, stream), not on the block it is simulated in', () => {
    const whole = new Rng(9, 0, 10);
    const part = new Rng(9, 7, 3);
    for (let k = 0; k < STREAM_COUNT; k++)
      for (let n = 0; n < 20; n++) expect(part.next(1, k)).toBe(whole.next(8, k));
  });

  it('reseed restarts a stream reproducibly, without touching the others', () => {
    const rng = new Rng(4, 0, 2);
    const first = Array.from({ length: 10 }, () => rng.next(1, 3));
    const other = rng.next(1, 4);
    rng.reseed(1, 3);
    expect(Array.from({ length: 10 }, () => rng.next(1, 3))).toEqual(first);
    const fresh = new Rng(4, 0, 2);
    fresh.next(1, 4);
    expect(rng.next(1, 4)).toBe(fresh.next(1, 4));
    expect(other).not.toBe(first[0]);
  });

  it('normal draws have mean 0 and variance 1', () => {
    const rng = new Rng(2, 0, 1);
    const N = 50_000;
    let s = 0,
      s2 = 0;
    for (let n = 0; n < N; n++) {
      const z = rng.normal(0, 0);
      s += z;
      s2 += z * z;
    }
    expect(Math.abs(s / N)).toBeLessThan(0.02);
    expect(Math.abs(s2 / N - 1)).toBeLessThan(0.03);
  });
});
