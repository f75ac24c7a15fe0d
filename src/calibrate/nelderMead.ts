/**
 * Nelder–Mead simplex minimisation (Nelder & Mead 1965, Computer Journal 7:308–313) with the
 * standard coefficients (reflection 1, expansion 2, contraction ½, shrink ½). Deterministic.
 */
export type NelderMeadResult = { x: number[]; value: number; evaluations: number };

export function nelderMead(
  f: (x: number[]) => number,
  start: readonly number[],
  opts: { step?: number; maxEvaluations?: number; tolerance?: number } = {},
): NelderMeadResult {
  const n = start.length;
  const step = opts.step ?? 0.5;
  const maxEval = opts.maxEvaluations ?? 200;
  let evals = 0;
  const evalf = (x: number[]) => {
    evals++;
    return f(x);
  };
  let simplex = [start.slice()];
  for (let i = 0; i < n; i++) {
    const p = start.slice();
    p[i] += step;
    simplex.push(p);
  }
  let values = simplex.map(evalf);
  while (evals < maxEval) {
    const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
    simplex = order.map((i) => simplex[i]);
    values = order.map((i) => values[i]);
    if (Math.abs(values[n] - values[0]) < (opts.tolerance ?? 1e-6)) break;
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] += simplex[i][j] / n;
    const along = (t: number) => centroid.map((c, j) => c + t * (simplex[n][j] - c));
    const xr = along(-1);
    const fr = evalf(xr);
    if (fr < values[0]) {
      const xe = along(-2);
      const fe = evalf(xe);
      [simplex[n], values[n]] = fe < fr ? [xe, fe] : [xr, fr];
    } else if (fr < values[n - 1]) {
      [simplex[n], values[n]] = [xr, fr];
    } else {
      const xc = fr < values[n] ? along(-0.5) : along(0.5);
      const fc = evalf(xc);
      if (fc < Math.min(fr, values[n])) [simplex[n], values[n]] = [xc, fc];
      else {
        for (let i = 1; i <= n; i++) {
          simplex[i] = simplex[i].map((v, j) => simplex[0][j] + 0.5 * (v - simplex[0][j]));
          values[i] = evalf(simplex[i]);
        }
      }
    }
  }
  const best = values.indexOf(Math.min(...values));
  return { x: simplex[best], value: values[best], evaluations: evals };
}
