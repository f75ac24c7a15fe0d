/**
 * Domestic support for the war: falls with the log of cumulative casualties (Mueller), falls
 * further while monthly casualties rise (Gartner), and rises with battlefield success, the
 * expectation of winning (Gelpi, Feaver & Reifler). Democracies grow more cost-sensitive once the
 * war passes the fatigue month (Bennett & Stam 1998; applied in strength.ts effectiveCost).
 *   S' = S − α₁·sens·[ln(1 + Cas'/1000) − ln(1 + Cas/1000)] − α₂·1[rising] + α₃·1[won]
 * Source: Mueller (1973); Gartner (2008, APSR); Gelpi, Feaver & Reifler (2005/06); Bennett & Stam (1998).
 * Deviations: (1) casualties in thousands; (2) support clamped to [0, 1].
 * Switched off: support stays at its starting level; no long-war fatigue.
 */
import type { Mechanism } from './mechanism.ts';
import type { State } from '../state.ts';
import { field, type FieldsOf } from '../fields.ts';

const fields = {
  /** ln(1 + casualties/1000) as of the last domestic step (so each month takes one log). */
  logCasualties: field(Float64Array, 'party'),
};
declare module '../state.ts' {
  interface State extends FieldsOf<typeof fields> {}
}

function step(s: State): void {
  const d = s.c.params.domestic;
  if (!d.enabled) return;
  const casualtyEffect = d.casualtyEffect,
    trendEffect = d.trendEffect,
    successEffect = d.successEffect;
  const started = s.t > 0;
  const { active, lastBattle, casualties, lastCasualties, casualtyRate, casualtySensitivity } = s;
  const { support, logCasualties } = s;
  for (let a = 0; a < s.nActive; a++) {
    const r = active[a];
    const result = lastBattle[r];
    for (let p = 0; p < 2; p++) {
      const i = 2 * r + p;
      // ln(1 + Cas'/1000) − ln(1 + Cas/1000), last month's log kept in logCasualties
      const logNow = Math.log1p(casualties[i] / 1000);
      const logRise = logNow - logCasualties[i];
      logCasualties[i] = logNow;
      const rising = started && lastCasualties[i] > casualtyRate[i] ? 1 : 0;
      const won = (p === 0 ? result > 0 : result < 0) ? 1 : 0;
      const next =
        support[i] -
        casualtyEffect * casualtySensitivity[i] * logRise -
        trendEffect * rising +
        successEffect * won;
      support[i] = next < 0 ? 0 : next > 1 ? 1 : next;
    }
  }
}

export const domestic: Mechanism = {
  id: 'domestic',
  fields,
  params: 'domestic',
  source: 'Mueller 1973; Gartner 2008; Gelpi, Feaver & Reifler 2005; Bennett & Stam 1998',
  reads: ['casualties', 'casualtyRate', 'casualtySensitivity', 'lastBattle', 'lastCasualties'],
  writes: ['logCasualties', 'support'],
  step,
};
