/**
 * Small helpers over ml-matrix for the Newton fits: a guarded inverse (pseudo-inverse when the
 * information matrix is singular) and vector utilities.
 */
import { inverse, pseudoInverse, type Matrix } from 'ml-matrix';

export function invert(m: Matrix): Matrix {
  try {
    const inv = inverse(m);
    if (inv.to1DArray().every(Number.isFinite)) return inv;
  } catch {
    // singular: fall through
  }
  return pseudoInverse(m);
}

export const dot = (a: readonly number[], b: readonly number[]): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};

/** Standard errors: square roots of the diagonal of the inverse of the observed information. */
export function standardErrors(information: Matrix): number[] {
  const cov = invert(information);
  return Array.from({ length: cov.rows }, (_, i) => Math.sqrt(Math.max(0, cov.get(i, i))));
}
