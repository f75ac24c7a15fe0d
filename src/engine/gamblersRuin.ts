/**
 * War values on the front-line Markov chain (design choice after Slantchev 2003; docs/model.md).
 * The front moves +1 with probability q (A wins the month's battle) or −1 otherwise; A wins at K,
 * B at 0. Gambler's ruin gives A's chance of final victory and the expected months left:
 *   P(k) = (1 − r^k)/(1 − r^K), r = (1 − q)/q;   D(k) = k/(1−2q) − K/(1−2q)·P(k)   (q ≠ ½)
 *   P(k) = k/K;                                  D(k) = k(K − k)                     (q = ½)
 * Draw months (no movement) stretch D by 1/(1 − draw probability).
 * Precomputed on a grid of q so the monthly loop only interpolates (no pow in the hot path).
 */

export const Q_GRID = 512;

export interface RuinTable {
  K: number;
  /** winA[qi * (K + 1) + k] */
  winA: Float64Array;
  /** months[qi * (K + 1) + k], stretched for draws */
  months: Float64Array;
}

/** Tables by (K, draw probability): what-if and sweep calls compile the same front again and again. */
const built = new Map<string, RuinTable>();
const BUILT_MAX = 16;

/** The table for K positions and a draw probability (built once, then shared: it is never written). */
export function ruinTable(K: number, drawProbability: number): RuinTable {
  const key = `${K}:${drawProbability}`;
  let table = built.get(key);
  if (!table) {
    if (built.size >= BUILT_MAX) built.delete(built.keys().next().value!);
    table = buildRuinTable(K, drawProbability);
    built.set(key, table);
  }
  return table;
}

export function buildRuinTable(K: number, drawProbability: number): RuinTable {
  const n = K + 1;
  const winA = new Float64Array(Q_GRID * n);
  const months = new Float64Array(Q_GRID * n);
  const stretch = 1 / (1 - drawProbability);
  for (let qi = 0; qi < Q_GRID; qi++) {
    const q = qGridValue(qi);
    for (let k = 0; k <= K; k++) {
      const [p, d] = ruin(q, k, K);
      winA[qi * n + k] = p;
      months[qi * n + k] = d * stretch;
    }
  }
  return { K, winA, months };
}

/** Grid points cover [0.001, 0.999]. */
export const qGridValue = (qi: number): number => 0.001 + (0.998 * qi) / (Q_GRID - 1);

export function ruin(q: number, k: number, K: number): [number, number] {
  if (k <= 0) return [0, 0];
  if (k >= K) return [1, 0];
  if (Math.abs(q - 0.5) < 1e-9) return [k / K, k * (K - k)];
  const r = (1 - q) / q;
  // For r > 1 use the equivalent form in 1/r to stay finite for large K.
  const p = r < 1 ? (1 - r ** k) / (1 - r ** K) : (r ** (k - K) - r ** -K) / (1 - r ** -K);
  const d = k / (1 - 2 * q) - (K / (1 - 2 * q)) * p;
  return [p, d];
}

/** Index position of q on the grid (fractional). */
export function qPosition(q: number): number {
  const x = ((q - 0.001) / 0.998) * (Q_GRID - 1);
  return x < 0 ? 0 : x > Q_GRID - 1.000001 ? Q_GRID - 1.000001 : x;
}

/** Linear interpolation in q of a table column at front position k. */
export function lookup(table: Float64Array, n: number, q: number, k: number): number {
  const x = qPosition(q);
  const i = x | 0;
  const f = x - i;
  const a = table[i * n + k];
  return a + f * (table[(i + 1) * n + k] - a);
}
