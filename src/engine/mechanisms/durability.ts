/**
 * Durability of the peace after a war ends. Each ended war is followed for `followUpMonths`
 * with a proportional monthly relapse hazard
 *   h(m) = h₀·exp(β_end + β_g·g + β_L·L + β_G·G(m) + β_excl·secretOnly + β_M·(n_M − 1)
 *                 + β_P·pressured + β_C·consistency + β_Δ·ΔPower·(1 − g))
 * where the ending (victory, settlement, ceasefire as reference), the guarantee g, the leverage
 * used L, multiple mediators, a deal made only in secret, a ceasefire under pressure, the
 * consistency of the battle record, and the unguaranteed demobilisation shift enter with
 * literature-seeded coefficients, and G(m) = max(0, gap − L·e^{−ω·m}) is the "artificiality" of
 * the deal: how far its terms sit from the sides' war values once the leverage that bought them
 * has decayed. Relapse month is drawn by inverting the cumulative hazard (one draw per war).
 * Source: Fortna (2004) for ending type and peacekeeping; Walter (1997) guarantees;
 * Werner & Yuen (2005) pressured ceasefires and battle consistency; Beardsley (2011) leverage and
 * multiple mediators; Wanis-St. John (2006) secret-only deals; the form is a design choice (docs/model.md).
 * Switched off: no relapse is simulated (durability curves stay at 1).
 * Runs over the wars that ended this month (s.endedNow).
 */
import type { Mechanism } from './mechanism.ts';
import type { State } from '../state.ts';
import { Channel, Outcome } from '../codes.ts';
import { Stream } from '../rng.ts';
import { field, type FieldsOf } from '../fields.ts';

const fields = {
  /** months after the end; −1 none within follow-up */
  relapseMonth: field(Int16Array, 'run', -1),
  /** what the end carried (termination.ts endWar): outside pressure, the best guarantee */
  pressuredEnd: field(Uint8Array, 'run'),
  guaranteeAtEnd: field(Float64Array, 'run'),
};
declare module '../state.ts' {
  interface State extends FieldsOf<typeof fields> {}
}

/** Constant part of the log hazard for run r (everything except the artificiality term). */
export function relapseLogHazard(s: State, r: number): number {
  const d = s.c.params.durability;
  const o = s.outcome[r];
  let x = Math.log(d.baseRelapseHazard);
  if (o === Outcome.settlement) x += d.settlementEffect;
  // a war that faded counts as a bare cessation, like a ceasefire (the reference)
  else if (o !== Outcome.ceasefire && o !== Outcome.faded) x += d.victoryEffect;
  const g = s.guaranteeAtEnd[r];
  x += d.guaranteeEffect * g + d.leverageEffect * s.leverageUsed[r];
  const nA = s.battlesA[r],
    nB = s.battlesB[r];
  if (nA + nB > 0) x += d.battleConsistencyEffect * (Math.abs(nA - nB) / (nA + nB));
  if (o === Outcome.settlement || o === Outcome.ceasefire) {
    if (s.everChannel[r] === 1 << Channel.secret && !s.leaked[r]) x += d.secretOnlyEffect;
    const both = s.accepted[2 * r] & s.accepted[2 * r + 1] & s.mediatorsPresent[r];
    let n = 0;
    for (let b = both; b; b &= b - 1) n++;
    if (n > 1) x += d.multipleMediatorEffect * (n - 1);
    if (s.pressuredEnd[r]) x += d.pressuredCeasefireEffect;
    if (o === Outcome.settlement)
      x +=
        d.powerShiftEffect *
        Math.max(s.demobilisation[2 * r], s.demobilisation[2 * r + 1]) *
        (1 - g);
  }
  return x;
}

function step(s: State): void {
  const d = s.c.params.durability;
  if (!d.enabled) return;
  const omega = s.c.params.mediation.leverageDecay;
  const F = d.followUpMonths;
  for (let a = 0; a < s.nEndedNow; a++) {
    const r = s.endedNow[a];
    const target = -Math.log(1 - s.rng.next(r, Stream.relapse)); // Exp(1) draw
    const base = Math.exp(relapseLogHazard(s, r));
    const gap = s.outcome[r] === Outcome.settlement ? s.artificialGap[r] : 0;
    const lev = s.leverageUsed[r];
    let relapse = -1;
    if (gap === 0 || d.artificialityEffect === 0) {
      const m = Math.ceil(target / base);
      if (m <= F) relapse = m;
    } else {
      let cum = 0;
      let decay = 1;
      const step = Math.exp(-omega);
      for (let m = 1; m <= F; m++) {
        decay *= step;
        const G = Math.max(0, gap - lev * decay);
        cum += base * Math.exp(d.artificialityEffect * G);
        if (cum >= target) {
          relapse = m;
          break;
        }
      }
    }
    s.relapseMonth[r] = relapse;
  }
}

export const durability: Mechanism = {
  id: 'durability',
  fields,
  params: 'durability',
  source: 'Fortna 2004; Walter 1997; Werner & Yuen 2005; Beardsley 2011; Wanis-St. John 2006',
  reads: [
    'accepted',
    'artificialGap',
    'battlesA',
    'battlesB',
    'demobilisation',
    'endMonth',
    'everChannel',
    'guaranteeAtEnd',
    'leaked',
    'leverageUsed',
    'mediatorsPresent',
    'outcome',
    'pressuredEnd',
    'terms',
  ],
  writes: ['relapseMonth'],
  step,
};
