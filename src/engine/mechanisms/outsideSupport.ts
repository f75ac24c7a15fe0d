/**
 * Outside support: each patron's aid wanes at its monthly rate, is cut by attention shocks
 * (a competing crisis), and changes on scheduled decisions (an aid package passes). The result
 * feeds battle strength, cost subsidy and escalation headroom (see strength.ts).
 * Source: Sawyer, Cunningham & Reed (2017, JCR) for fungible support; a design choice (docs/model.md) for
 * the dynamics P_{t+1} = P_t(1 − w) + inflows.
 * Leaders value the war with the aid they expect (the mean of today's and the level after the
 * commitment look-ahead at the known waning rate), so the side facing a patron's fatigue expects
 * less and its enemy waits for it ("waiting out the West").
 * Deviations: (1) attention shocks scale the delivered aid, not the committed level.
 * Switched off: aid stays at its starting level and has no effect on costs or capacity.
 */
import type { Mechanism } from './mechanism.ts';
import type { State } from '../state.ts';
import { sampleUncertain } from '../sample.ts';
import { belligerents } from '../inputs.ts';
import { field, type FieldsOf } from '../fields.ts';

const fields = {
  /** aid delivered to this side this month, all lines */
  aid: field(Float64Array, 'party'),
  /** aid expected over the look-ahead, for valuing the war */
  aidOutlook: field(Float64Array, 'party'),
  /** the part of it that is fungible */
  fungibleAid: field(Float64Array, 'party'),
  /** strictest minimum share a patron of this side demands; 1 if one opposes talks */
  patronMinShare: field(Float64Array, 'party'),
  patronOpposesTalks: field(Uint8Array, 'party'),
  /** each line's committed level and monthly waning rate */
  lineAid: field(Float64Array, 'line'),
  lineWaning: field(Float64Array, 'line'),
  /** (1 − waning)^h for the commitment look-ahead */
  lineDecayAhead: field(Float64Array, 'line', 1),
};
declare module '../state.ts' {
  interface State extends FieldsOf<typeof fields> {}
}

function step(s: State): void {
  const { c, t } = s;
  const L = c.lines.length;
  const stride = Math.max(1, L);
  const H = c.horizonMonths;
  const waning = c.params.support.enabled;
  const anticipate = waning && c.params.support.anticipation;
  const events = c.events[t];
  const played = s.decisions;
  for (let a = 0; a < s.nActive; a++) {
    const r = s.active[a];
    for (let x = 0; x < events.length; x++) {
      const e = events[x];
      if (e.kind === 'aid')
        s.lineAid[r * stride + e.line] = sampleUncertain(s.rng, r, e.level, 0, 3);
    }
    let aidA = 0,
      aidB = 0,
      outA = 0,
      outB = 0,
      fungA = 0,
      fungB = 0;
    for (let l = 0; l < L; l++) {
      const k = r * stride + l;
      if (waning && t > 0) s.lineAid[k] *= 1 - s.lineWaning[k];
      // a played patron (exercise mode) sets its committed level; it wanes from there
      if (played !== null && !Number.isNaN(played.aid[l])) s.lineAid[k] = played.aid[l];
      const delivered = s.lineAid[k] * c.attention[l * H + t];
      const outlook = anticipate ? (delivered * (1 + s.lineDecayAhead[k])) / 2 : delivered;
      const line = c.lines[l];
      if (line.party === 0) {
        aidA += delivered;
        outA += outlook;
        if (line.fungible) fungA += delivered;
      } else {
        aidB += delivered;
        outB += outlook;
        if (line.fungible) fungB += delivered;
      }
    }
    s.aid[2 * r] = aidA;
    s.aid[2 * r + 1] = aidB;
    s.aidOutlook[2 * r] = outA;
    s.aidOutlook[2 * r + 1] = outB;
    s.fungibleAid[2 * r] = fungA;
    s.fungibleAid[2 * r + 1] = fungB;
  }
}

/**
 * Each declared support line's starting level and waning rate per run (side A's lines, then side
 * B's), and per side the strictest minimum share and whether any patron opposes talks.
 */
function sampleLines(s: State): void {
  const { c, rng, n } = s;
  const bel = belligerents(c.scenario);
  const L = Math.max(1, c.lines.length);
  const h = c.params.commitment.lookAheadMonths;
  let l = 0;
  for (let p = 0; p < 2; p++)
    for (const line of bel[p].support) {
      for (let r = 0; r < n; r++) {
        const k = r * L + l;
        s.lineAid[k] = sampleUncertain(rng, r, line.level, 0, 3);
        s.lineWaning[k] = sampleUncertain(rng, r, line.waningRate, 0, 1);
        s.lineDecayAhead[k] = (1 - s.lineWaning[k]) ** h;
        const i = 2 * r + p;
        s.patronMinShare[i] = Math.max(s.patronMinShare[i], c.lines[l].minShare);
        if (c.lines[l].opposesTalks) s.patronOpposesTalks[i] = 1;
      }
      l++;
    }
}

export const outsideSupport: Mechanism = {
  id: 'support',
  fields,
  sample: sampleLines,
  params: 'support',
  source: 'Sawyer, Cunningham & Reed 2017; dynamics are a design choice',
  reads: ['lineDecayAhead', 'lineWaning'], // and the compiled attention and aid events
  writes: ['aid', 'aidOutlook', 'fungibleAid', 'lineAid'],
  step,
};
