/**
 * The bargaining range as each side sees it. From its beliefs over the enemy's type, each side
 * computes (with the aid it expects, outsideSupport.ts) its chance of final victory P_i and the expected months left D (gambler's ruin on the
 * front, gamblersRuin.ts), hence its war value W_i = P_i + bias_i − c_i·min(D, horizon) (stake = 1).
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
import { qPosition } from '../gamblersRuin.ts';
import { audienceWeight, effectiveCost, expectedStrength } from '../strength.ts';

/** Reservation share for war value W, audience weight a, war aim g (closed form of r ≥ W + a·max(0, g − r)). */
export function reservationShare(W: number, a: number, g: number): number {
  return W >= g ? W : (W + a * g) / (1 + a);
}

/**
 * A's chance of final victory and expected months left for each pair of types, at index
 * 2·(A strong) + (B strong) (scratch, refilled for every run).
 */
const pairWin = new Float64Array(4);
const pairMonths = new Float64Array(4);
/** The month's effective cost and audience weight of sides A and B of the run at hand. */
const sideCost = new Float64Array(2);
const sideAudience = new Float64Array(2);

/** Fills pairWin/pairMonths: the gambler's ruin on run r's front for both types of each side. */
function typePairOdds(s: State, r: number): void {
  const iA = 2 * r;
  const aS = expectedStrength(s, iA, 1),
    aW = expectedStrength(s, iA, 0);
  const bS = expectedStrength(s, iA + 1, 1),
    bW = expectedStrength(s, iA + 1, 0);
  ruinAt(s, r, aS / (aS + bS), 3);
  ruinAt(s, r, aS / (aS + bW), 2);
  ruinAt(s, r, aW / (aW + bS), 1);
  ruinAt(s, r, aW / (aW + bW), 0);
}

/** One lookup of both ruin tables at A's battle odds q (one grid position for both). */
function ruinAt(s: State, r: number, q: number, pair: number): void {
  const { winA, months } = s.c.ruin;
  const K1 = s.c.K + 1;
  const x = qPosition(q);
  const g = x | 0,
    f = x - g,
    o = g * K1 + s.front[r];
  let t0 = winA[o];
  pairWin[pair] = t0 + f * (winA[o + K1] - t0);
  t0 = months[o];
  pairMonths[pair] = t0 + f * (months[o + K1] - t0);
}

/** Index into pairWin/pairMonths when side p is of type t and its enemy of type e. */
const pairOf = (p: number, t: number, e: number): number => (p === 0 ? 2 * t + e : 2 * e + t);

/** Side p's chance of final victory (A's, or one minus it for B) at a type pair. */
const winOf = (p: number, pair: number): number => (p === 0 ? pairWin[pair] : 1 - pairWin[pair]);

/** How much side p's enemy gains in its chance of winning if p is weak rather than strong (enemy of type e). */
const enemyGainVs = (p: number, e: number): number =>
  p === 0 ? pairWin[2 + e] - pairWin[e] : pairWin[2 * e] - pairWin[2 * e + 1];

/** War value W = P − c·min(D, horizon) (stake = 1): months beyond the horizon are not counted. */
const warValue = (pWin: number, cost: number, months: number, valueHorizon: number): number =>
  pWin - cost * Math.min(months, valueHorizon);

/**
 * Party i's reservation for war value W: the audience-cost closed form, then the patron's veto
 * (the client's expected loss of support below the patron's minimum share), less carrots
 * conditional on a deal and sticks for refusing.
 */
function reservationFor(s: State, i: number, W: number): number {
  let v = reservationShare(W, sideAudience[i & 1], s.warAim[i]);
  const veto = s.patronMinShare[i];
  if (veto > v && s.c.params.support.enabled) v += Math.min(1, s.aid[i]) * (veto - v);
  return v - s.carrotAgreement[i] - s.stick[i];
}

/**
 * Side p of run r: its chance of winning, months expected and war value over its belief about
 * the enemy's type; the enemy's gain from taking it for weak; its reservation; and its estimate of
 * the enemy's reservation for each enemy type (the enemy assumed to know its foe).
 */
function sideValues(s: State, r: number, p: number): void {
  const valueHorizon = s.c.params.bargaining.valueHorizonMonths;
  const i = 2 * r + p,
    j = 2 * r + 1 - p;
  const t = s.strong[i];
  const mu = s.belief[i];
  const vsS = pairOf(p, t, 1),
    vsW = pairOf(p, t, 0);
  const pWin = clamp01(mu * winOf(p, vsS) + (1 - mu) * winOf(p, vsW) + s.optimism[i]);
  const D = mu * pairMonths[vsS] + (1 - mu) * pairMonths[vsW];
  const W = warValue(pWin, sideCost[p], D, valueHorizon);
  s.monthsExpected[i] = D;
  s.pWin[i] = pWin;
  s.warValue[i] = W;
  // how much the enemy gains if it takes this side for weak (the stake of adverse inference)
  s.enemyGain[i] = mu * enemyGainVs(p, 1) + (1 - mu) * enemyGainVs(p, 0);
  s.reservation[i] = reservationFor(s, i, W);
  const q = 1 - p;
  s.enemyReservationStrong[i] = reservationFor(
    s,
    j,
    warValue(winOf(q, vsS), sideCost[q], pairMonths[vsS], valueHorizon),
  );
  s.enemyReservationWeak[i] = reservationFor(
    s,
    j,
    warValue(winOf(q, vsW), sideCost[q], pairMonths[vsW], valueHorizon),
  );
}

/** The month's effective cost and audience weight (on the channel of current talks) of both sides. */
function sideTerms(s: State, r: number): void {
  for (let p = 0; p < 2; p++) {
    sideCost[p] = effectiveCost(s, 2 * r + p);
    sideAudience[p] = audienceWeight(s, 2 * r + p, s.talks[r]);
  }
}

function step(s: State): void {
  for (let a = 0; a < s.nActive; a++) {
    const r = s.active[a];
    typePairOdds(s, r);
    sideTerms(s, r);
    sideValues(s, r, 0);
    sideValues(s, r, 1);
  }
}

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

export const bargainingRange: Mechanism = {
  id: 'bargainingRange',
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
