/**
 * The bargaining range as each side sees it. From its beliefs over the enemy's type, each side
 * computes (with the aid it expects, outsideSupport.ts) its chance of final victory P_i and the expected months left D (gambler's ruin on the
 * front, gamblersRuin.ts), hence its war value W_i = P_i + optimism_i − c_i·min(D, valueHorizonMonths) (stake = 1).
 * Its reservation share adds the audience cost of settling below its public war aim g_i
 * (AC_i(x) = a_i·max(0, g_i − x)), solved in closed form:
 *   r_i = W_i                      if W_i ≥ g_i
 *   r_i = (W_i + a_i·g_i)/(1 + a_i) otherwise,
 * then the patron's veto (the client's expected loss of support below the patron's minimum share),
 * minus carrots conditional on a deal and sticks for refusing. A range exists iff r_A + r_B ≤ 1
 * (Fearon's mutual-optimism condition with costs and audiences). Each side also estimates the
 * enemy's reservation for each enemy type (used for the way out and for offers).
 * Source: Fearon (1995, IO; 1994, APSR); Slantchev (2003); Tomz (2007); Kurizaki (2007) for the
 * secret-channel audience discount; patron veto and closed form are design choices (docs/model.md).
 * Switched off (bargaining.enabled = false): no offers are made (see offers.ts); values are still computed.
 */
import type { Mechanism } from './mechanism.ts';
import type { State } from '../state.ts';
import { Channel } from '../codes.ts';
import { Q_GRID } from '../gamblersRuin.ts';
import { field, type FieldsOf } from '../fields.ts';

const fields = {
  /** this side's chance of winning the war, as it sees it */
  pWin: field(Float64Array, 'party'),
  /** expected value of fighting on, as a share of the stake */
  warValue: field(Float64Array, 'party'),
  /** least share this side accepts; the enemy's, were it strong or weak */
  reservation: field(Float64Array, 'party'),
  enemyReservationStrong: field(Float64Array, 'party'),
  enemyReservationWeak: field(Float64Array, 'party'),
  /** rise in the enemy's chance of winning if it took this side for weak */
  enemyGain: field(Float64Array, 'party'),
  /** expected months of war left, as this side sees it */
  monthsExpected: field(Float64Array, 'party'),
};
declare module '../state.ts' {
  interface State extends FieldsOf<typeof fields> {}
}

/** Audience weight of party i now: public support for the war makes backing down costlier. */
export function audienceWeight(s: State, i: number, channel: number): number {
  const p = s.c.params;
  let a = s.audience[i] * s.audienceMultiplier[i] * (1 - s.supportForConcessions[i]);
  if (p.domestic.enabled)
    a *= Math.max(0, 1 + p.domestic.hawkishPublicAudience * (s.support[i] - 0.5));
  if (p.conversation.enabled) {
    if (channel === Channel.secret) a *= p.conversation.secretAudienceFactor;
    else if (channel === Channel.mediated) a *= p.conversation.mediatedAudienceFactor;
  }
  return a;
}

/** Reservation share for war value W, audience weight a, war aim g (closed form of r ≥ W + a·max(0, g − r)). */
export function reservationShare(W: number, a: number, g: number): number {
  return W >= g ? W : (W + a * g) / (1 + a);
}

function step(s: State): void {
  const c = s.c;
  const K1 = c.K + 1;
  const winT = c.ruin.winA;
  const monT = c.ruin.months;
  const valueHorizon = c.params.bargaining.valueHorizonMonths;
  // per-month constants of expectedStrength, effectiveCost and audienceWeight, inlined below;
  // test/engine/inlinedCopies.test.ts holds the copies bit-identical to the helpers
  const aidBoost = c.params.battle.aidBoost;
  const sup = c.params.support;
  const subsidy = sup.costSubsidy;
  const dom = c.params.domestic;
  const fatigue =
    dom.enabled && s.t >= dom.democracyFatigueMonth ? 1 + dom.democracyFatigueFactor : 0;
  const hawkAudience = dom.enabled ? dom.hawkishPublicAudience : 0;
  const conv = c.params.conversation;
  const secretFactor = conv.enabled ? conv.secretAudienceFactor : 1;
  const mediatedFactor = conv.enabled ? conv.mediatedAudienceFactor : 1;
  const { active, front, strong, baseStrength, advantage, aidOutlook, belief, optimism, warAim } =
    s;
  const { cost, aid, democracy, audience, audienceMultiplier, supportForConcessions, support } = s;
  const { patronMinShare, carrotAgreement, stick } = s;
  const supportOn = sup.enabled;
  for (let a = 0; a < s.nActive; a++) {
    const r = active[a];
    const iA = 2 * r,
      iB = iA + 1;
    const k = front[r];
    const tA = strong[iA],
      tB = strong[iB];
    // strengths at normal effort for both types of each side (expectedStrength)
    const gA = 1 + aidBoost * aidOutlook[iA],
      gB = 1 + aidBoost * aidOutlook[iB];
    const aS = baseStrength[iA] * advantage[iA] * gA,
      aW = baseStrength[iA] * gA;
    const bS = baseStrength[iB] * advantage[iB] * gB,
      bW = baseStrength[iB] * gB;
    // A's chance of final victory and expected months left, for each pair of types
    // (gamblersRuin lookup, one grid position per q for both tables)
    let x = ((aS / (aS + bS) - 0.001) / 0.998) * (Q_GRID - 1);
    x = x < 0 ? 0 : x > Q_LAST ? Q_LAST : x;
    let g = x | 0,
      f = x - g,
      o = g * K1 + k;
    let t0 = winT[o];
    const w11 = t0 + f * (winT[o + K1] - t0);
    t0 = monT[o];
    const m11 = t0 + f * (monT[o + K1] - t0);
    x = ((aS / (aS + bW) - 0.001) / 0.998) * (Q_GRID - 1);
    x = x < 0 ? 0 : x > Q_LAST ? Q_LAST : x;
    g = x | 0;
    f = x - g;
    o = g * K1 + k;
    t0 = winT[o];
    const w10 = t0 + f * (winT[o + K1] - t0);
    t0 = monT[o];
    const m10 = t0 + f * (monT[o + K1] - t0);
    x = ((aW / (aW + bS) - 0.001) / 0.998) * (Q_GRID - 1);
    x = x < 0 ? 0 : x > Q_LAST ? Q_LAST : x;
    g = x | 0;
    f = x - g;
    o = g * K1 + k;
    t0 = winT[o];
    const w01 = t0 + f * (winT[o + K1] - t0);
    t0 = monT[o];
    const m01 = t0 + f * (monT[o + K1] - t0);
    x = ((aW / (aW + bW) - 0.001) / 0.998) * (Q_GRID - 1);
    x = x < 0 ? 0 : x > Q_LAST ? Q_LAST : x;
    g = x | 0;
    f = x - g;
    o = g * K1 + k;
    t0 = winT[o];
    const w00 = t0 + f * (winT[o + K1] - t0);
    t0 = monT[o];
    const m00 = t0 + f * (monT[o + K1] - t0);
    // A's view: own type known, B's type uncertain
    const wA_vsS = tA ? w11 : w01,
      wA_vsW = tA ? w10 : w00;
    const dA_vsS = tA ? m11 : m01,
      dA_vsW = tA ? m10 : m00;
    // B's view: own type known, A's type uncertain (win chances of A)
    const wS_vsB = tB ? w11 : w10,
      wW_vsB = tB ? w01 : w00;
    const dS_vsB = tB ? m11 : m10,
      dW_vsB = tB ? m01 : m00;
    const muA = belief[iA],
      muB = belief[iB];
    // effectiveCost
    let cA = cost[iA],
      cB = cost[iB];
    if (sup.enabled) {
      cA *= 1 - (subsidy * aid[iA]) / (1 + aid[iA]);
      cB *= 1 - (subsidy * aid[iB]) / (1 + aid[iB]);
    }
    if (fatigue !== 0) {
      if (democracy[iA]) cA *= fatigue;
      if (democracy[iB]) cB *= fatigue;
    }
    // audienceWeight on the channel of current talks
    const ch = s.talks[r];
    let aA = audience[iA] * audienceMultiplier[iA] * (1 - supportForConcessions[iA]),
      aB = audience[iB] * audienceMultiplier[iB] * (1 - supportForConcessions[iB]);
    if (dom.enabled) {
      aA *= Math.max(0, 1 + hawkAudience * (support[iA] - 0.5));
      aB *= Math.max(0, 1 + hawkAudience * (support[iB] - 0.5));
    }
    if (ch === Channel.secret) {
      aA *= secretFactor;
      aB *= secretFactor;
    } else if (ch === Channel.mediated) {
      aA *= mediatedFactor;
      aB *= mediatedFactor;
    }
    const gAim = warAim[iA],
      gBim = warAim[iB];

    const pA = clamp01(muA * wA_vsS + (1 - muA) * wA_vsW + optimism[iA]);
    const pB = clamp01(muB * (1 - wS_vsB) + (1 - muB) * (1 - wW_vsB) + optimism[iB]);
    const DA = muA * dA_vsS + (1 - muA) * dA_vsW;
    const DB = muB * dS_vsB + (1 - muB) * dW_vsB;
    const WA = pA - cA * Math.min(DA, valueHorizon);
    const WB = pB - cB * Math.min(DB, valueHorizon);
    s.monthsExpected[iA] = DA;
    s.monthsExpected[iB] = DB;
    // how much the enemy gains if it takes this side for weak (the stake of adverse inference)
    s.enemyGain[iA] = muA * (w11 - w01) + (1 - muA) * (w10 - w00);
    s.enemyGain[iB] = muB * (w10 - w11) + (1 - muB) * (w00 - w01);
    s.pWin[iA] = pA;
    s.pWin[iB] = pB;
    s.warValue[iA] = WA;
    s.warValue[iB] = WB;
    // reservationShare, then adjust (patron veto, carrots, sticks), inlined: as calls they
    // return boxed numbers, one allocation each
    const vetoA = patronMinShare[iA],
      vetoB = patronMinShare[iB];
    const holdA = Math.min(1, aid[iA]),
      holdB = Math.min(1, aid[iB]);
    const carrotA = carrotAgreement[iA],
      carrotB = carrotAgreement[iB];
    const stickA = stick[iA],
      stickB = stick[iB];
    let v = WA >= gAim ? WA : (WA + aA * gAim) / (1 + aA);
    if (vetoA > v && supportOn) v += holdA * (vetoA - v);
    s.reservation[iA] = v - carrotA - stickA;
    v = WB >= gBim ? WB : (WB + aB * gBim) / (1 + aB);
    if (vetoB > v && supportOn) v += holdB * (vetoB - v);
    s.reservation[iB] = v - carrotB - stickB;
    // each side's estimate of the enemy's reservation, by enemy type (enemy assumed to know its foe)
    const WB_ifS = 1 - wA_vsS - cB * Math.min(dA_vsS, valueHorizon),
      WB_ifW = 1 - wA_vsW - cB * Math.min(dA_vsW, valueHorizon);
    v = WB_ifS >= gBim ? WB_ifS : (WB_ifS + aB * gBim) / (1 + aB);
    if (vetoB > v && supportOn) v += holdB * (vetoB - v);
    s.enemyReservationStrong[iA] = v - carrotB - stickB;
    v = WB_ifW >= gBim ? WB_ifW : (WB_ifW + aB * gBim) / (1 + aB);
    if (vetoB > v && supportOn) v += holdB * (vetoB - v);
    s.enemyReservationWeak[iA] = v - carrotB - stickB;
    const WA_ifS = wS_vsB - cA * Math.min(dS_vsB, valueHorizon),
      WA_ifW = wW_vsB - cA * Math.min(dW_vsB, valueHorizon);
    v = WA_ifS >= gAim ? WA_ifS : (WA_ifS + aA * gAim) / (1 + aA);
    if (vetoA > v && supportOn) v += holdA * (vetoA - v);
    s.enemyReservationStrong[iB] = v - carrotA - stickA;
    v = WA_ifW >= gAim ? WA_ifW : (WA_ifW + aA * gAim) / (1 + aA);
    if (vetoA > v && supportOn) v += holdA * (vetoA - v);
    s.enemyReservationWeak[iB] = v - carrotA - stickA;
  }
}

/** Last grid position usable for interpolation (as gamblersRuin.qPosition). */
const Q_LAST = Q_GRID - 1.000001;

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

export const bargainingRange: Mechanism = {
  id: 'bargainingRange',
  fields,
  params: 'bargaining',
  source:
    'Fearon 1995; Slantchev 2003; Tomz 2007; Kurizaki 2007; closed form and patron veto are design choices',
  reads: [
    'advantage',
    'aid',
    'aidOutlook',
    'audience',
    'audienceMultiplier',
    'baseStrength',
    'belief',
    'carrotAgreement',
    'cost',
    'democracy',
    'front',
    'optimism',
    'patronMinShare',
    'stick',
    'strong',
    'support',
    'supportForConcessions',
    'talks',
    'warAim',
  ],
  writes: [
    'enemyGain',
    'enemyReservationStrong',
    'enemyReservationWeak',
    'monthsExpected',
    'pWin',
    'reservation',
    'warValue',
  ],
  step,
};
