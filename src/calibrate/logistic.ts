/**
 * Logistic regression by Newton–Raphson (iteratively reweighted least squares) with standard
 * errors from the inverse observed information. Source: McCullagh & Nelder (1989), Generalized
 * Linear Models, §4.4. An intercept column is added unless `intercept: false`.
 */
import { Matrix } from 'ml-matrix';
import { dot, invert, standardErrors } from './linearAlgebra.ts';

export type LogisticFit = {
  coefficients: number[];
  standardErrors: number[];
  logLik: number;
  iterations: number;
  converged: boolean;
  intercept: boolean;
};

const sigmoid = (x: number): number =>
  x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));

export function fitLogistic(
  x: readonly (readonly number[])[],
  y: readonly number[],
  opts: { intercept?: boolean; maxIter?: number; tol?: number; ridge?: number } = {},
): LogisticFit {
  const intercept = opts.intercept ?? true;
  const rows = x.map((r) => (intercept ? [1, ...r] : [...r]));
  const p = rows[0]?.length ?? (intercept ? 1 : 0);
  const ridge = opts.ridge ?? 0;
  let beta = new Array<number>(p).fill(0);
  let logLik = -Infinity;
  let converged = false;
  let iter = 0;
  let info = Matrix.zeros(p, p);
  for (; iter < (opts.maxIter ?? 50); iter++) {
    const grad = new Array<number>(p).fill(0);
    info = Matrix.zeros(p, p);
    let ll = 0;
    for (let i = 0; i < rows.length; i++) {
      const eta = dot(rows[i], beta);
      const mu = sigmoid(eta);
      ll += y[i] ? Math.log(Math.max(mu, 1e-300)) : Math.log(Math.max(1 - mu, 1e-300));
      const w = mu * (1 - mu);
      for (let a = 0; a < p; a++) {
        grad[a] += (y[i] - mu) * rows[i][a];
        for (let b = 0; b < p; b++) info.set(a, b, info.get(a, b) + w * rows[i][a] * rows[i][b]);
      }
    }
    for (let a = 0; a < p; a++) {
      grad[a] -= ridge * beta[a];
      info.set(a, a, info.get(a, a) + ridge);
    }
    logLik = ll;
    const step = invert(info).mmul(Matrix.columnVector(grad)).to1DArray();
    beta = beta.map((b, k) => b + step[k]);
    if (Math.max(...step.map(Math.abs)) < (opts.tol ?? 1e-10)) {
      converged = true;
      iter++;
      break;
    }
  }
  // recompute the log-likelihood and information at the final estimate
  info = Matrix.zeros(p, p);
  logLik = 0;
  for (let i = 0; i < rows.length; i++) {
    const mu = sigmoid(dot(rows[i], beta));
    logLik += y[i] ? Math.log(Math.max(mu, 1e-300)) : Math.log(Math.max(1 - mu, 1e-300));
    for (let a = 0; a < p; a++)
      for (let b = 0; b < p; b++)
        info.set(a, b, info.get(a, b) + mu * (1 - mu) * rows[i][a] * rows[i][b]);
  }
  return {
    coefficients: beta,
    standardErrors: standardErrors(info),
    logLik,
    iterations: iter,
    converged,
    intercept,
  };
}

/** Predicted probability for one covariate row (without the intercept column). */
export function predictLogistic(fit: LogisticFit, x: readonly number[]): number {
  return sigmoid(dot(fit.intercept ? [1, ...x] : x, fit.coefficients));
}
