/**
 * Commitment problems from shifting power. A side whose chance of winning is expected to fall
 * over the next h months (its outside aid waning; its own disarmament under a deal) cannot trust
 * a deal struck now to hold once it is weaker, and prefers to fight while it can:
 *   CP_i = δ^h·Δp_i·(1 − g_i) − (1 − δ^h)·(1 − p_i + c_i·h)    (blocks agreement when > 0)
 * where Δp_i is the anticipated fall in i's chance of winning (aid waning at its known rate,
 * plus its demobilisation shift) and g_i the guarantee third parties give: a mediator's
 * enforcement, plus a mediator biased toward the rising side, which can deliver that side.
 * Source: Powell (2006, IO); Walter (1997, IO) for demobilisation and guarantees; Svensson (2007)
 * for biased mediators as guarantors. Deviations: (1) the period is h months (default 12), not
 * one month, so that only shifts of several points bind; (2) scheduled future aid decisions are
 * not anticipated, only the waning rate.
 * Switched off: no side is ever blocked by a commitment problem.
 */
import type { Mechanism } from './mechanism.ts';
import type { State } from '../state.ts';
import { qPosition } from '../gamblersRuin.ts';
import { field, type FieldsOf } from '../fields.ts';

const fields = {
  /** CP_i > 0 blocks acceptance */
  commitmentGap: field(Float64Array, 'party'),
};
declare module '../state.ts' {
  interface State extends FieldsOf<typeof fields> {}
}

function step(s: State): void {
  const cp = s.c.params.commitment;
  if (!cp.enabled) {
    for (let a = 0; a < s.nActive; a++) {
      const r = s.active[a];
      s.commitmentGap[2 * r] = s.commitmentGap[2 * r + 1] = -1;
    }
    return;
  }
  const h = cp.lookAheadMonths;
  const dh = cp.monthlyDiscount ** h;
  const c = s.c;
  const L = c.lines.length;
  const table = c.ruin.winA;
  const K1 = c.K + 1;
  const stride = Math.max(1, L);
  // per-month constants of strengthOf (normal effort) and effectiveCost, inlined below;
  // test/engine/inlinedCopies.test.ts holds effectiveCost's and guaranteeFor's copies bit-identical
  const eta = c.params.battle.aidBoost;
  const sup = c.params.support;
  const dom = c.params.domestic;
  const fatigue =
    dom.enabled && s.t >= dom.democracyFatigueMonth ? 1 + dom.democracyFatigueFactor : 0;
  const { active, lineAid, lineDecayAhead, strong, belief, baseStrength, advantage, aid, front } =
    s;
  const nMed = c.mediators.length;
  const M = Math.max(1, nMed);
  const biased = c.params.mediation.biasedGuarantee;
  for (let a = 0; a < s.nActive; a++) {
    const r = active[a];
    const iA = 2 * r,
      iB = iA + 1;
    // projected aid of each side after h months of waning, as a multiple of today's
    let nowA = 0,
      nowB = 0,
      laterA = 0,
      laterB = 0;
    for (let l = 0; l < L; l++) {
      const k = r * stride + l;
      const later = lineAid[k] * lineDecayAhead[k];
      if (c.lines[l].party === 0) {
        nowA += lineAid[k];
        laterA += later;
      } else {
        nowB += lineAid[k];
        laterB += later;
      }
    }
    const scaleA = nowA > 0 ? laterA / nowA : 1,
      scaleB = nowB > 0 ? laterB / nowB : 1;
    let shiftA = 0,
      shiftB = 0;
    if (scaleA !== 1 || scaleB !== 1) {
      const tA = strong[iA],
        tB = strong[iB];
      const muA = belief[iA],
        muB = belief[iB];
      // chances of winning now and with the projected aid, for the type pairs each side considers
      const fA = (1 + eta * aid[iA] * scaleA) / (1 + eta * aid[iA]),
        fB = (1 + eta * aid[iB] * scaleB) / (1 + eta * aid[iB]);
      const gA = 1 + eta * aid[iA],
        gB = 1 + eta * aid[iB];
      const aS = baseStrength[iA] * advantage[iA] * gA,
        aW = baseStrength[iA] * gA,
        bS = baseStrength[iB] * advantage[iB] * gB,
        bW = baseStrength[iB] * gB;
      const aT = tA ? aS : aW,
        bT = tB ? bS : bW;
      const k = front[r];
      const pA = muA * winAt(table, K1, k, aT, bS) + (1 - muA) * winAt(table, K1, k, aT, bW);
      const pAl =
        muA * winAt(table, K1, k, aT * fA, bS * fB) +
        (1 - muA) * winAt(table, K1, k, aT * fA, bW * fB);
      const pB = 1 - (muB * winAt(table, K1, k, aS, bT) + (1 - muB) * winAt(table, K1, k, aW, bT));
      const pBl =
        1 -
        (muB * winAt(table, K1, k, aS * fA, bT * fB) +
          (1 - muB) * winAt(table, K1, k, aW * fA, bT * fB));
      shiftA = pA - pAl;
      shiftB = pB - pBl;
    }
    shiftA += s.demobilisation[iA];
    shiftB += s.demobilisation[iB];
    // guaranteeFor(s, r, 0) and (s, r, 1) in one pass over the mediators both sides accepted
    const both = s.accepted[iA] & s.accepted[iB] & s.mediatorsPresent[r];
    let gA = 0,
      gB = 0;
    if (both !== 0) {
      for (let m = 0; m < nMed; m++) {
        if (!(both & (1 << m))) continue;
        const km = r * M + m;
        const bias = s.mediatorBias[km];
        const biasTowardB = -bias; // a bias toward B, A's enemy, guarantees A
        const gmA = s.mediatorGuarantee[km] + (biasTowardB > 0 ? biased * biasTowardB : 0);
        const gmB = s.mediatorGuarantee[km] + (bias > 0 ? biased * bias : 0);
        if (gmA > gA) gA = gmA;
        if (gmB > gB) gB = gmB;
      }
      if (gA > 1) gA = 1;
      if (gB > 1) gB = 1;
    }
    // effectiveCost
    let cA = s.cost[iA],
      cB = s.cost[iB];
    if (sup.enabled) {
      cA *= 1 - (sup.costSubsidy * aid[iA]) / (1 + aid[iA]);
      cB *= 1 - (sup.costSubsidy * aid[iB]) / (1 + aid[iB]);
    }
    if (fatigue !== 0) {
      if (s.democracy[iA]) cA *= fatigue;
      if (s.democracy[iB]) cB *= fatigue;
    }
    s.commitmentGap[iA] =
      dh * Math.max(0, shiftA) * (1 - gA) - (1 - dh) * (1 - s.pWin[iA] + cA * h);
    s.commitmentGap[iB] =
      dh * Math.max(0, shiftB) * (1 - gB) - (1 - dh) * (1 - s.pWin[iB] + cB * h);
  }
}

/** A's chance of final victory at front k for strengths sa, sb. */
function winAt(table: Float64Array, K1: number, k: number, sa: number, sb: number): number {
  const x = qPosition(sa / (sa + sb));
  const g = x | 0;
  const o = g * K1 + k;
  const t0 = table[o];
  return t0 + (x - g) * (table[o + K1] - t0);
}

/**
 * Guarantee available to side p (0 = A): the strongest enforcement among mediators both sides
 * accepted, plus the delivery guarantee of a mediator biased toward p's enemy (Svensson 2007).
 */
export function guaranteeFor(s: State, r: number, p: number): number {
  const both = s.accepted[2 * r] & s.accepted[2 * r + 1] & s.mediatorsPresent[r];
  if (both === 0) return 0;
  const M = Math.max(1, s.c.mediators.length);
  const biased = s.c.params.mediation.biasedGuarantee;
  let g = 0;
  for (let m = 0; m < s.c.mediators.length; m++) {
    if (!(both & (1 << m))) continue;
    const k = r * M + m;
    const biasTowardEnemy = p === 0 ? -s.mediatorBias[k] : s.mediatorBias[k];
    const gm = s.mediatorGuarantee[k] + (biasTowardEnemy > 0 ? biased * biasTowardEnemy : 0);
    if (gm > g) g = gm;
  }
  return g > 1 ? 1 : g;
}

export const commitment: Mechanism = {
  id: 'commitment',
  fields,
  params: 'commitment',
  source: 'Powell 2006; Walter 1997; Svensson 2007',
  reads: [
    'accepted',
    'advantage',
    'aid',
    'baseStrength',
    'belief',
    'cost',
    'demobilisation',
    'democracy',
    'front',
    'lineAid',
    'lineDecayAhead',
    'mediatorBias',
    'mediatorGuarantee',
    'mediatorsPresent',
    'pWin',
    'strong',
  ],
  writes: ['commitmentGap'],
  step,
};
