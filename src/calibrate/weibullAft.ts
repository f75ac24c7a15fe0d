/**
 * Weibull accelerated-failure-time regression by Newton–Raphson with analytic derivatives:
 * log T = x·β + σ·W with W standard minimum extreme value, right censoring.
 * Source: Kalbfleisch & Prentice (2002), The Statistical Analysis of Failure Time Data, §3.
 * Parameters are (β, log σ); an intercept column is added. The log-likelihood includes −Σ log t
 * for events, as R's survreg reports it.
 */
import { Matrix } from 'ml-matrix';
import { dot, invert, standardErrors } from './linearAlgebra.ts';
import type { SurvivalData } from './kaplanMeier.ts';

export type WeibullFit = {
  /** β with the intercept first. */
  coefficients: number[];
  /** σ = 1/shape. */
  scale: number;
  /** Standard errors of (β…, log σ). */
  standardErrors: number[];
  logLik: number;
  iterations: number;
  converged: boolean;
};

function evaluate(rows: number[][], data: SurvivalData, theta: number[]) {
  const p = rows[0].length;
  const beta = theta.slice(0, p);
  const sigma = Math.exp(theta[p]);
  const q = p + 1;
  const grad = new Array<number>(q).fill(0);
  const h = Matrix.zeros(q, q);
  let ll = 0;
  for (let i = 0; i < rows.length; i++) {
    const x = rows[i];
    const d = data.event[i] ? 1 : 0;
    const z = (Math.log(data.time[i]) - dot(x, beta)) / sigma;
    const ez = Math.exp(z);
    ll += d * (-Math.log(sigma) + z - Math.log(data.time[i])) - ez;
    const g = d - ez;
    for (let a = 0; a < p; a++) {
      grad[a] += (-g * x[a]) / sigma;
      for (let b = 0; b < p; b++) h.set(a, b, h.get(a, b) - (ez * x[a] * x[b]) / (sigma * sigma));
      const hs = (-ez * z * x[a]) / sigma + (g * x[a]) / sigma;
      h.set(a, p, h.get(a, p) + hs);
      h.set(p, a, h.get(p, a) + hs);
    }
    grad[p] += -d - g * z;
    h.set(p, p, h.get(p, p) - ez * z * z + g * z);
  }
  return { ll, grad, info: h.mul(-1) };
}

export function fitWeibull(
  x: readonly (readonly number[])[],
  data: SurvivalData,
  opts: { maxIter?: number; tol?: number } = {},
): WeibullFit {
  const rows = x.map((r) => [1, ...r]);
  const p = rows[0].length;
  const events = data.time.filter((_, i) => data.event[i]);
  const meanLog =
    (events.length ? events : data.time).reduce((s, t) => s + Math.log(t), 0) /
    Math.max(1, (events.length ? events : data.time).length);
  let theta = [meanLog, ...new Array<number>(p - 1).fill(0), 0];
  let cur = evaluate(rows, data, theta);
  let converged = false;
  let iter = 0;
  for (; iter < (opts.maxIter ?? 100); iter++) {
    // Newton step; where the information is not positive definite (far from the optimum), damp
    // it toward gradient ascent (Levenberg–Marquardt) until the step raises the likelihood.
    let next = theta;
    let ev = cur;
    for (let lambda = 0; lambda < 1e8; lambda = lambda === 0 ? 1e-3 : lambda * 10) {
      const damped = cur.info.clone();
      for (let k = 0; k < damped.rows; k++)
        damped.set(k, k, damped.get(k, k) + lambda * (1 + Math.abs(damped.get(k, k))));
      const step = invert(damped).mmul(Matrix.columnVector(cur.grad)).to1DArray();
      if (dot(step, cur.grad) <= 0) continue;
      next = theta.map((v, k) => v + step[k]);
      ev = evaluate(rows, data, next);
      if (ev.ll >= cur.ll - 1e-12) break;
    }
    const change = Math.abs(ev.ll - cur.ll);
    theta = next;
    cur = ev;
    if (change < (opts.tol ?? 1e-10)) {
      converged = true;
      iter++;
      break;
    }
  }
  return {
    coefficients: theta.slice(0, p),
    scale: Math.exp(theta[p]),
    standardErrors: standardErrors(cur.info),
    logLik: cur.ll,
    iterations: iter,
    converged,
  };
}

/** S(t | x) = exp(−(t / exp(x·β))^(1/σ)), x without the intercept. */
export function weibullSurvival(fit: WeibullFit, x: readonly number[], t: number): number {
  if (t <= 0) return 1;
  const z = (Math.log(t) - dot([1, ...x], fit.coefficients)) / fit.scale;
  return Math.exp(-Math.exp(z));
}
