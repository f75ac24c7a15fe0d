/**
 * Cox proportional-hazards regression by Newton–Raphson on the partial likelihood, with the
 * Breslow approximation for tied event times and the Breslow baseline cumulative hazard.
 * Source: Cox (1972), JRSS B 34:187–220; Breslow (1974), Biometrics 30:89–99.
 */
import { Matrix } from 'ml-matrix';
import { dot, invert, standardErrors } from './linearAlgebra.ts';
import type { SurvivalData } from './kaplanMeier.ts';

export type CoxFit = {
  coefficients: number[];
  standardErrors: number[];
  logLik: number;
  iterations: number;
  converged: boolean;
  /** Breslow baseline cumulative hazard H0 at each distinct event time (covariates at 0). */
  baseline: { time: number[]; cumHazard: number[] };
};

type Eval = { ll: number; grad: number[]; info: Matrix };

function evaluate(
  x: readonly (readonly number[])[],
  data: SurvivalData,
  beta: number[],
  order: number[],
): Eval {
  const p = beta.length;
  const grad = new Array<number>(p).fill(0);
  const info = Matrix.zeros(p, p);
  let ll = 0;
  // walk from the latest time backwards, accumulating the risk-set sums
  let s0 = 0;
  const s1 = new Array<number>(p).fill(0);
  const s2 = Matrix.zeros(p, p);
  let k = order.length - 1;
  while (k >= 0) {
    const t = data.time[order[k]];
    const group: number[] = [];
    while (k >= 0 && data.time[order[k]] === t) group.push(order[k--]);
    for (const i of group) {
      const r = Math.exp(dot(x[i], beta));
      s0 += r;
      for (let a = 0; a < p; a++) {
        s1[a] += r * x[i][a];
        for (let b = 0; b < p; b++) s2.set(a, b, s2.get(a, b) + r * x[i][a] * x[i][b]);
      }
    }
    const d = group.filter((i) => data.event[i]).length;
    if (d === 0) continue;
    for (const i of group)
      if (data.event[i]) {
        ll += dot(x[i], beta);
        for (let a = 0; a < p; a++) grad[a] += x[i][a];
      }
    ll -= d * Math.log(s0);
    for (let a = 0; a < p; a++) {
      grad[a] -= (d * s1[a]) / s0;
      for (let b = 0; b < p; b++)
        info.set(a, b, info.get(a, b) + d * (s2.get(a, b) / s0 - (s1[a] * s1[b]) / (s0 * s0)));
    }
  }
  return { ll, grad, info };
}

export function fitCox(
  x: readonly (readonly number[])[],
  data: SurvivalData,
  opts: { maxIter?: number; tol?: number } = {},
): CoxFit {
  const p = x[0]?.length ?? 0;
  const order = [...data.time.keys()].sort((a, b) => data.time[a] - data.time[b]);
  let beta = new Array<number>(p).fill(0);
  let cur = evaluate(x, data, beta, order);
  let converged = false;
  let iter = 0;
  for (; iter < (opts.maxIter ?? 50); iter++) {
    const step = invert(cur.info).mmul(Matrix.columnVector(cur.grad)).to1DArray();
    let scale = 1;
    let next = beta.map((b, k) => b + step[k]);
    let ev = evaluate(x, data, next, order);
    while (ev.ll < cur.ll - 1e-12 && scale > 1e-6) {
      scale /= 2;
      next = beta.map((b, k) => b + scale * step[k]);
      ev = evaluate(x, data, next, order);
    }
    const change = Math.abs(ev.ll - cur.ll);
    beta = next;
    cur = ev;
    if (change < (opts.tol ?? 1e-10)) {
      converged = true;
      iter++;
      break;
    }
  }
  // Breslow baseline cumulative hazard
  const times: number[] = [];
  const cum: number[] = [];
  let h = 0;
  const uniq = [...new Set(order.map((i) => data.time[i]))];
  for (const t of uniq) {
    let d = 0;
    let s0 = 0;
    for (let i = 0; i < data.time.length; i++) {
      if (data.time[i] === t && data.event[i]) d++;
      if (data.time[i] >= t) s0 += Math.exp(dot(x[i], beta));
    }
    if (d === 0) continue;
    h += d / s0;
    times.push(t);
    cum.push(h);
  }
  return {
    coefficients: beta,
    standardErrors: standardErrors(cur.info),
    logLik: cur.ll,
    iterations: iter,
    converged,
    baseline: { time: times, cumHazard: cum },
  };
}

/** S(t | x) = exp(−H0(t)·exp(x·β)). */
export function coxSurvival(fit: CoxFit, x: readonly number[], t: number): number {
  let h = 0;
  for (let i = 0; i < fit.baseline.time.length && fit.baseline.time[i] <= t; i++)
    h = fit.baseline.cumHazard[i];
  return Math.exp(-h * Math.exp(dot(x, fit.coefficients)));
}
