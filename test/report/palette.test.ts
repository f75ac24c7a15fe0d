/**
 * The charts' colour scales stay apart for colour-blind readers (issue 19). Each colour is
 * simulated for full protanopia, deuteranopia and tritanopia with the matrices of Machado,
 * Oliveira & Fernandes (2009), "A physiologically-based model for simulation of color vision
 * deficiency", IEEE TVCG 15(6), severity 1.0, applied in linear sRGB; every pair in a scale must
 * then differ by at least MIN_DELTA_E in CIELAB (CIE76 ΔE*ab, D65), and by more for normal vision.
 */
import { describe, expect, it } from 'vitest';
import { OUTCOME_COLORS, SCALES } from '../../src/report/charts/palette.ts';

/** Machado et al. (2009), Table 1 at severity 1.0 (rows act on linear R, G, B). */
const MACHADO: Record<string, number[][]> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};
/** ΔE*ab below about 10 reads as "similar" at chart-line thickness; 15 leaves a margin. */
const MIN_DELTA_E = 15;

const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const rgb = (hex: string) => [1, 3, 5].map((i) => linear(parseInt(hex.slice(i, i + 2), 16) / 255));
const apply = (m: number[][], c: number[]) => m.map((r) => r[0] * c[0] + r[1] * c[1] + r[2] * c[2]);

/** linear sRGB → CIELAB (D65). */
function lab(c: number[]): number[] {
  const [r, g, b] = c.map((x) => Math.min(1, Math.max(0, x)));
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}
const deltaE = (a: number[], b: number[]) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

/** The closest pair of a scale as seen through `m` (identity = normal vision). */
function closest(scale: readonly string[], m?: number[][]): { d: number; pair: string } {
  let best = { d: Infinity, pair: '' };
  const seen = scale.map((h) => lab(m ? apply(m, rgb(h)) : rgb(h)));
  for (let i = 0; i < scale.length; i++)
    for (let j = i + 1; j < scale.length; j++) {
      const d = deltaE(seen[i], seen[j]);
      if (d < best.d) best = { d, pair: `${scale[i]}/${scale[j]}` };
    }
  return best;
}

describe('chart palette under simulated colour-vision deficiency', () => {
  it('the method tells the old red/green outcome colours apart from the new ones', () => {
    // the palette before issue 19: settlement green beside victory red
    const old = ['#4c78a8', '#54a24b', '#eeca3b', '#e45756', '#b279a2'];
    expect(closest(old, MACHADO.deuteranopia).d).toBeLessThan(5);
    expect(closest(OUTCOME_COLORS.range, MACHADO.deuteranopia).d).toBeGreaterThan(MIN_DELTA_E);
  });

  for (const [name, scale] of Object.entries(SCALES))
    it(`scale "${name}": every pair at least ΔE ${MIN_DELTA_E} for each deficiency`, () => {
      const report = Object.fromEntries(
        Object.entries(MACHADO).map(([v, m]) => [v, closest(scale, m)]),
      );
      console.log(
        `${name}: ${Object.entries(report)
          .map(([v, c]) => `${v} min ΔE ${c.d.toFixed(1)} (${c.pair})`)
          .join('; ')}; normal ${closest(scale).d.toFixed(1)}`,
      );
      for (const [v, c] of Object.entries(report))
        expect(c.d, `${name} under ${v}: ${c.pair}`).toBeGreaterThanOrEqual(MIN_DELTA_E);
      expect(closest(scale).d).toBeGreaterThanOrEqual(MIN_DELTA_E);
    });
});
