import { describe, expect, it } from 'vitest';
import { Q_GRID, buildRuinTable, lookup, qGridValue, ruin } from './gamblersRuin.ts';
import { Rng } from './rng.ts';

/** Closed forms of the gambler's ruin (Feller 1968, XIV.2–3), written out independently. */
function theory(q: number, k: number, K: number): [number, number] {
  if (q === 0.5) return [k / K, k * (K - k)];
  const r = (1 - q) / q;
  const p = (1 - Math.pow(r, k)) / (1 - Math.pow(r, K));
  return [p, k / (1 - 2 * q) - (K / (1 - 2 * q)) * p];
}

describe('gambler’s ruin', () => {
  it('matches the closed forms, including q = ½ and the boundaries', () => {
    for (const K of [2, 5, 10, 30])
      for (const q of [0.1, 0.3, 0.45, 0.5, 0.55, 0.7, 0.9])
        for (let k = 0; k <= K; k++) {
          const [p, d] = ruin(q, k, K);
          const [tp, td] = k === 0 ? [0, 0] : k === K ? [1, 0] : theory(q, k, K);
          expect(p).toBeCloseTo(tp, 9);
          expect(d).toBeCloseTo(td, 6);
        }
  });

  it('stays finite for a large front and strong drift', () => {
    const [p, d] = ruin(0.01, 50, 100);
    expect(Number.isFinite(p) && Number.isFinite(d)).toBe(true);
    expect(p).toBeLessThan(1e-6);
  });

  it('agrees with a direct Monte Carlo simulation of the walk', () => {
    const rng = new Rng(5, 0, 1);
    const K = 8,
      k0 = 3,
      q = 0.58,
      N = 20000;
    let wins = 0,
      steps = 0;
    for (let n = 0; n < N; n++) {
      let k = k0;
      while (k > 0 && k < K) {
        k += rng.next(0, 2) < q ? 1 : -1;
        steps++;
      }
      if (k === K) wins++;
    }
    const [p, d] = ruin(q, k0, K);
    const pHat = wins / N;
    expect(Math.abs(pHat - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / N));
    expect(Math.abs(steps / N - d) / d).toBeLessThan(0.03);
  });

  it('the lookup table interpolates with a small error; draws stretch months by 1/(1 − draw)', () => {
    const K = 10;
    const t = buildRuinTable(K, 0.3);
    let maxErrP = 0,
      maxErrD = 0;
    for (let x = 0; x < 500; x++) {
      const q = 0.02 + (0.96 * x) / 499;
      for (let k = 1; k < K; k++) {
        const [p, d] = ruin(q, k, K);
        maxErrP = Math.max(maxErrP, Math.abs(lookup(t.winA, K + 1, q, k) - p));
        maxErrD = Math.max(maxErrD, Math.abs(lookup(t.months, K + 1, q, k) - d / 0.7) / (d / 0.7));
      }
    }
    expect(maxErrP).toBeLessThan(1e-4);
    expect(maxErrD).toBeLessThan(1e-3);
    expect(qGridValue(0)).toBeCloseTo(0.001, 12);
    expect(qGridValue(Q_GRID - 1)).toBeCloseTo(0.999, 12);
  });
});
