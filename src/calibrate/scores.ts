/**
 * Proper scores and skill measures for probabilistic forecasts.
 * Sources: Brier (1950); Gneiting & Raftery (2007), JASA 102:359–378 (log score, CRPS);
 * Harrell et al. (1982), JAMA 247:2543 (C-index); Bennett & Stam (1996), APSR 90:239–257
 * (proportional reduction in error against a naive model).
 */

const mean = (xs: readonly number[]): number =>
  xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : NaN;

/** Mean squared error of probabilities p against 0/1 outcomes y. */
export function brier(p: readonly number[], y: readonly number[]): number {
  return mean(p.map((pi, i) => (pi - y[i]) ** 2));
}

/** 1 − BS/BS_ref: positive when the forecast beats the reference (default: climatology, the mean of y). */
export function brierSkill(
  p: readonly number[],
  y: readonly number[],
  reference?: readonly number[],
): number {
  const base = mean(y);
  const ref = reference ?? y.map(() => base);
  return 1 - brier(p, y) / brier(ref, y);
}

/**
 * Mean log score (log-likelihood, higher is better) of categorical forecasts: `probs[i][k]` is
 * the probability of category k for case i, `observed[i]` the category that happened.
 * Probabilities are floored at `floor` so an impossible-but-observed event costs a finite penalty.
 */
export function logScore(
  probs: readonly (readonly number[])[],
  observed: readonly number[],
  floor = 1e-3,
): number {
  return mean(probs.map((p, i) => Math.log(Math.max(floor, p[observed[i]]))));
}

/**
 * CRPS of a discrete predictive distribution on the integer grid 0…K−1 (pmf[k] = P(T = k); mass
 * not in the pmf lies beyond K−1) against an observed value y: Σ_k (F(k) − 1{y ≤ k})², which is
 * the continuous CRPS of the step CDF integrated over [0, K) with unit spacing. Lower is better.
 */
export function crpsDiscrete(pmf: readonly number[], y: number): number {
  let F = 0;
  let s = 0;
  for (let k = 0; k < pmf.length; k++) {
    F += pmf[k];
    const ind = y <= k ? 1 : 0;
    s += (F - ind) ** 2;
  }
  return s;
}

/** Harrell's C: share of usable pairs where the case with the higher risk fails first (ties in risk count ½). */
export function cIndex(
  time: readonly number[],
  event: readonly number[],
  risk: readonly number[],
): number {
  let concordant = 0;
  let usable = 0;
  for (let i = 0; i < time.length; i++) {
    if (!event[i]) continue;
    for (let j = 0; j < time.length; j++) {
      if (time[j] <= time[i]) continue;
      usable++;
      if (risk[i] > risk[j]) concordant++;
      else if (risk[i] === risk[j]) concordant += 0.5;
    }
  }
  return usable ? concordant / usable : NaN;
}

export type ReliabilityBin = {
  lower: number;
  upper: number;
  n: number;
  meanForecast: number;
  observedRate: number;
};

/** Calibration curve: forecasts grouped in `bins` equal-width bins, with the mean forecast and the observed rate in each. */
export function reliabilityTable(
  p: readonly number[],
  y: readonly number[],
  bins = 10,
): ReliabilityBin[] {
  const out: ReliabilityBin[] = [];
  for (let b = 0; b < bins; b++) {
    const lower = b / bins;
    const upper = (b + 1) / bins;
    const idx = p
      .map((_, i) => i)
      .filter((i) => p[i] >= lower && (p[i] < upper || (b === bins - 1 && p[i] <= upper)));
    out.push({
      lower,
      upper,
      n: idx.length,
      meanForecast: idx.length ? mean(idx.map((i) => p[i])) : NaN,
      observedRate: idx.length ? mean(idx.map((i) => y[i])) : NaN,
    });
  }
  return out;
}

/** Proportional reduction in error, (E_naive − E_model) / E_naive (Bennett & Stam 1996). */
export function proportionalReductionInError(modelError: number, naiveError: number): number {
  return naiveError === 0 ? NaN : (naiveError - modelError) / naiveError;
}

/** Two-sample Kolmogorov–Smirnov distance sup |F_a − F_b| between empirical distributions. */
export function ksDistance(a: readonly number[], b: readonly number[]): number {
  const xs = [...a].sort((u, v) => u - v);
  const ys = [...b].sort((u, v) => u - v);
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < xs.length && j < ys.length) {
    const t = Math.min(xs[i], ys[j]);
    while (i < xs.length && xs[i] <= t) i++;
    while (j < ys.length && ys[j] <= t) j++;
    d = Math.max(d, Math.abs(i / xs.length - j / ys.length));
  }
  return d;
}

/** KS distance between an empirical sample and a discrete CDF on the integer grid (cdf[k] = P(T ≤ k)). */
export function ksAgainstCdf(sample: readonly number[], cdf: readonly number[]): number {
  const xs = [...sample].sort((u, v) => u - v);
  let d = 0;
  for (let k = 0; k < cdf.length; k++) {
    let n = 0;
    while (n < xs.length && xs[n] <= k) n++;
    const nPrev = xs.filter((x) => x < k).length;
    const prev = k === 0 ? 0 : cdf[k - 1];
    d = Math.max(d, Math.abs(n / xs.length - cdf[k]), Math.abs(nPrev / xs.length - prev));
  }
  return d;
}

/** KS distance of a sample of values in [0, 1] from the uniform distribution (a PIT sample: 0 = calibrated). */
export function ksUniform(values: readonly number[]): number {
  const xs = [...values].sort((u, v) => u - v);
  const n = xs.length;
  let d = 0;
  for (let i = 0; i < n; i++) d = Math.max(d, (i + 1) / n - xs[i], xs[i] - i / n);
  return d;
}

/** Central 80 % interval [q10, q90] in whole months; q90 = Infinity when F never reaches 0.9. */
export function interval80(pmf: readonly number[]): [number, number] {
  let acc = 0;
  const F = pmf.map((x) => (acc += x));
  const q = (p: number) => {
    const k = F.findIndex((v) => v >= p - 1e-12);
    return k < 0 ? Infinity : k;
  };
  return [q(0.1), q(0.9)];
}

/**
 * Where the PIT of one outcome lies (Czado, Gneiting & Held 2009): [F(y−1), F(y)] for the event in
 * month y; censored at c, [F(c−1), 1] (design choice: the PIT is known to lie there).
 */
export function pitInterval(
  pmf: readonly number[],
  month: number,
  event: boolean,
): [number, number] {
  let acc = 0;
  const F = pmf.map((v) => (acc += v));
  const at = (k: number) => (k < 0 ? 0 : F[Math.min(k, F.length - 1)]);
  const lo = Math.min(1, at(month - 1));
  return [lo, event ? Math.min(1, Math.max(lo, at(month))) : 1];
}

/** Shares per bin of a non-randomised PIT histogram: each interval spreads one unit evenly over itself. */
export function pitIntervalShares(
  intervals: readonly (readonly [number, number])[],
  bins = 10,
): number[] {
  const h = new Array<number>(bins).fill(0);
  for (const [lo, hi] of intervals) {
    if (hi - lo < 1e-12) {
      h[Math.min(bins - 1, Math.floor(lo * bins))] += 1;
      continue;
    }
    for (let b = 0; b < bins; b++) {
      const overlap = Math.min(hi, (b + 1) / bins) - Math.max(lo, b / bins);
      if (overlap > 0) h[b] += overlap / (hi - lo);
    }
  }
  const n = intervals.length || 1;
  return h.map((x) => x / n);
}

/**
 * Non-randomised PIT histogram of discrete forecasts (pitInterval per case, pitIntervalShares).
 * Returns shares per bin; flat = calibrated.
 */
export function pitShares(
  items: { pmf: readonly number[]; month: number; event: boolean }[],
  bins = 10,
): number[] {
  return pitIntervalShares(
    items.map(({ pmf, month, event }) => pitInterval(pmf, month, event)),
    bins,
  );
}

/** KS distance from uniform of a histogram given as shares per equal bin. */
export function ksOfShares(shares: readonly number[]): number {
  let acc = 0;
  let ks = 0;
  shares.forEach((s, b) => {
    acc += s;
    ks = Math.max(ks, Math.abs(acc - (b + 1) / shares.length));
  });
  return ks;
}
