/**
 * Domestic support for the war: falls with the log of cumulative casualties (Mueller), falls
 * further while monthly casualties rise (Gartner), and rises with battlefield success, the
 * expectation of winning (Gelpi, Feaver & Reifler). Democracies grow more cost-sensitive once the
 * war passes the fatigue month (Bennett & Stam 1998; applied in strength.ts effectiveCost).
 *   S' = S − α₁·sens·[ln(1 + Cas'/1000) − ln(1 + Cas/1000)] − α₂·1[rising] + α₃·1[won]
 * Source: Mueller (1973); Gartner (2008, APSR); Gelpi, Feaver & Reifler (2005/06); Bennett & Stam (1998).
 * Deviations: (1) casualties in thousands; (2) support clamped to [0, 1].
 * Switched off: support stays at its starting level; no long-war fatigue.
 * Reads: casualties, lastCasualties, lastBattle. Writes: support.
 */
import type { Mechanism } from './mechanism.ts';
import type { State } from '../state.ts';

function step(s: State): void {
  const d = s.c.params.domestic;
  if (!d.enabled) return;
  for (let a = 0; a < s.nActive; a++) {
    const r = s.active[a];
    const result = s.lastBattle[r];
    for (let p = 0; p < 2; p++) {
      const i = 2 * r + p;
      const now = s.casualties[i] / 1000;
      const before = now - s.lastCasualties[i] / 1000;
      const logRise = Math.log1p(now) - Math.log1p(before);
      const rising = s.t > 0 && s.lastCasualties[i] > s.casualtyRate[i] ? 1 : 0;
      const won = (p === 0 ? result > 0 : result < 0) ? 1 : 0;
      const next =
        s.support[i] -
        d.casualtyEffect * s.casualtySensitivity[i] * logRise -
        d.trendEffect * rising +
        d.successEffect * won;
      s.support[i] = next < 0 ? 0 : next > 1 ? 1 : next;
    }
  }
}

export const domestic: Mechanism = {
  id: 'domestic',
  source: 'Mueller 1973; Gartner 2008; Gelpi, Feaver & Reifler 2005; Bennett & Stam 1998',
  reads: ['casualties', 'lastCasualties', 'lastBattle'],
  writes: ['support'],
  step,
};
