import { describe, expect, it } from 'vitest';
import { bootstrapMedian, median, mulberry32, wilson } from './stats.ts';

describe('wilson', () => {
  it('matches the closed form for 8 of 10 (reference: 0.4902, 0.9433)', () => {
    const w = wilson(8, 10);
    expect(w.low).toBeCloseTo(0.4902, 4);
    expect(w.high).toBeCloseTo(0.9433, 4);
  });
  it('handles the edges', () => {
    expect(wilson(0, 0)).toEqual({ low: 0, high: 1, method: 'wilson' });
    expect(wilson(0, 5).low).toBe(0);
    expect(wilson(5, 5).high).toBe(1);
    expect(() => wilson(6, 5)).toThrow('invalid proportion: 6/5');
  });
});

describe('median', () => {
  it('odd, even, empty', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe('bootstrapMedian', () => {
  it('is reproducible with the same seed and brackets the median', () => {
    const xs = Array.from({ length: 41 }, (_, i) => i);
    const a = bootstrapMedian(xs, mulberry32(7));
    const b = bootstrapMedian(xs, mulberry32(7));
    expect(a).toEqual(b);
    expect(a.low).toBeLessThan(20);
    expect(a.high).toBeGreaterThan(20);
  });
  it('collapses for constant data', () => {
    expect(bootstrapMedian([5, 5, 5], mulberry32(1))).toEqual({
      low: 5,
      high: 5,
      method: 'bootstrap',
    });
  });
});
