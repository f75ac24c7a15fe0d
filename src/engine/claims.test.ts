import { describe, expect, it } from 'vitest';
import { claimSlice, sliceSize } from './claims.ts';

describe('claims', () => {
  it('guided slice sizes shrink with what is left, within the limits', () => {
    const limits = { min: 64, max: 2048 };
    expect(sliceSize(100_000, 2, limits)).toBe(2048);
    expect(sliceSize(4000, 2, limits)).toBe(500);
    expect(sliceSize(300, 2, limits)).toBe(64);
    expect(sliceSize(10, 2, limits)).toBe(10); // never more than is left
  });

  it('claimers taking turns cover every run exactly once, in slices that never overlap', () => {
    const counter = new Int32Array(new SharedArrayBuffer(8));
    const runs = 10_001;
    const seen = new Uint8Array(runs);
    let claimer = 0;
    for (;;) {
      // three claimers with different proposals, as threads of different speeds
      const slice = claimSlice(counter, 1, runs, (from) =>
        claimer === 0 ? 1000 : sliceSize(runs - from, 3, { min: 7, max: 300 }),
      );
      if (!slice) break;
      for (let r = slice.from; r < slice.from + slice.size; r++) seen[r]++;
      claimer = (claimer + 1) % 3;
    }
    expect(seen.every((n) => n === 1)).toBe(true);
    expect(counter[1]).toBe(runs);
    expect(counter[0]).toBe(0); // other slots untouched
    expect(claimSlice(counter, 1, runs, () => 5)).toBeUndefined();
  });
});
