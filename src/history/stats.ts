/**
 * Small statistics for insights: Wilson score interval for a proportion, the median, and a
 * percentile bootstrap interval for the median drawn from an injected seeded generator.
 * Sources: Wilson, E. B. (1927), JASA 22(158): 209-212, https://doi.org/10.1080/01621459.1927.10502953;
 * Efron & Tibshirani (1993), An Introduction to the Bootstrap, ch. 13 (percentile interval).
 * Generator: mulberry32 (Tommy Ettinger, public domain), enough for resampling a few hundred values.
 */

/** A source of uniform numbers in [0, 1). */
export type Uniform = () => number;

/** mulberry32: a tiny seeded 32-bit generator. Same seed, same sequence. */
export function mulberry32(seed: number): Uniform {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Interval = { low: number; high: number; method: 'wilson' | 'bootstrap' };

/** Wilson score interval for k successes in n trials (95% by default). n = 0 gives [0, 1]. */
export function wilson(k: number, n: number, z = 1.959963984540054): Interval {
  if (!Number.isInteger(k) || !Number.isInteger(n) || k < 0 || n < 0 || k > n)
    throw new Error(`invalid proportion: ${k}/${n}`);
  if (n === 0) return { low: 0, high: 1, method: 'wilson' };
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half), method: 'wilson' };
}

/** Median (mean of the two middle values for even n); NaN for an empty list. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Linear-interpolation quantile of sorted values. */
function quantileSorted(s: readonly number[], p: number): number {
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (h - lo);
}

/** Percentile bootstrap 95% interval for the median, from `reps` resamples drawn with `rng`. */
export function bootstrapMedian(
  values: readonly number[],
  rng: Uniform,
  reps = 2000,
  level = 0.95,
): Interval {
  if (values.length === 0) return { low: Number.NaN, high: Number.NaN, method: 'bootstrap' };
  const n = values.length;
  const meds = new Float64Array(reps);
  const buf = new Float64Array(n);
  for (let r = 0; r < reps; r++) {
    for (let i = 0; i < n; i++) buf[i] = values[Math.floor(rng() * n)];
    buf.sort();
    const m = n >> 1;
    meds[r] = n % 2 === 1 ? buf[m] : (buf[m - 1] + buf[m]) / 2;
  }
  meds.sort();
  const a = (1 - level) / 2;
  return {
    low: quantileSorted(Array.from(meds), a),
    high: quantileSorted(Array.from(meds), 1 - a),
    method: 'bootstrap',
  };
}
