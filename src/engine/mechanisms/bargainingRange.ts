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
import { lookup } from '../gamblersRuin.ts';
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

/** Fills pairWin/pairMonths: the gambler's ruin on run r's front for both types of each side. */
function typePairOdds(s: State, r: number): void {
  const iA = 2 * r;
  const aS = expectedStrength(s, iA, 1),
    aW = expectedStrength(s, iA, 0);
  const bS = expectedStrength(s, iA + 1, 1),
    bW = expectedStrength(s, iA + 1, 0);
  const { winA, months } = s.c.ruin;
  const K1 = s.c.K + 1;
  const k = s.front[r];
  for (let pair = 0; pair < 4; pair++) {
    const a = pair & 2 ? aS : aW,
      b = pair & 1 ? bS : bW;
    pairWin[pair] = lookup(winA, K1, a / (a + b), k);
    pairMonths[pair] = lookup(months, K1, a / (a + b), k);
  }
}

/** War value W = P − c·min(D, horizon) (stake = 1): months beyond the horizon are not counted. */
const warValue = (pWin: number, cost: number, months: number, valueHorizon: number): number =>
  pWin - cost * Math.min(months, valueHorizon);

/**
 * A reservation share adjusted by the patron's veto (the client's expected loss of support below
 * the patron's minimum share, `hold` = min(1, aid)), less carrots conditional on a deal and sticks.
 */
const adjustReservation = (
  v: number,
  veto: number,
  hold: number,
  carrot: number,
  stick: number,
  supportOn: boolean,
): number => (veto > v && supportOn ? v + hold * (veto - v) : v) - carrot - stick;

function step(s: State): void {
  const valueHorizon = s.c.params.bargaining.valueHorizonMonths;
  const supportOn = s.c.params.support.enabled;
  const { belief, optimism, warAim, patronMinShare, aid, carrotAgreement, stick } = s;
  for (let a = 0; a < s.nActive; a++) {
    const r = s.active[a];
    const iA = 2 * r,
      iB = iA + 1;
    typePairOdds(s, r);
    const w11 = pairWin[3],
      w10 = pairWin[2],
      w01 = pairWin[1],
      w00 = pairWin[0];
    const tA = s.strong[iA],
      tB = s.strong[iB];
    // A's view: own type known, B's type uncertain; B's view: the same of A (A's win chances)
    const vsS = tA ? 3 : 1,
      vsW = tA ? 2 : 0;
    const sVs = tB ? 3 : 2,
      wVs = tB ? 1 : 0;
    const muA = belief[iA],
      muB = belief[iB];
    const cA = effectiveCost(s, iA),
      cB = effectiveCost(s, iB);
    const aA = audienceWeight(s, iA, s.talks[r]),
      aB = audienceWeight(s, iB, s.talks[r]);
    const gA = warAim[iA],
      gB = warAim[iB];
    const pA = clamp01(muA * pairWin[vsS] + (1 - muA) * pairWin[vsW] + optimism[iA]);
    const pB = clamp01(muB * (1 - pairWin[sVs]) + (1 - muB) * (1 - pairWin[wVs]) + optimism[iB]);
    const DA = muA * pairMonths[vsS] + (1 - muA) * pairMonths[vsW];
    const DB = muB * pairMonths[sVs] + (1 - muB) * pairMonths[wVs];
    const WA = warValue(pA, cA, DA, valueHorizon),
      WB = warValue(pB, cB, DB, valueHorizon);
    s.monthsExpected[iA] = DA;
    s.monthsExpected[iB] = DB;
    // how much the enemy gains if it takes this side for weak (the stake of adverse inference)
    s.enemyGain[iA] = muA * (w11 - w01) + (1 - muA) * (w10 - w00);
    s.enemyGain[iB] = muB * (w10 - w11) + (1 - muB) * (w00 - w01);
    s.pWin[iA] = pA;
    s.pWin[iB] = pB;
    s.warValue[iA] = WA;
    s.warValue[iB] = WB;
    const vetoA = patronMinShare[iA],
      vetoB = patronMinShare[iB];
    const holdA = Math.min(1, aid[iA]),
      holdB = Math.min(1, aid[iB]);
    const carrotA = carrotAgreement[iA],
      carrotB = carrotAgreement[iB];
    const stickA = stick[iA],
      stickB = stick[iB];
    s.reservation[iA] = adjustReservation(
      reservationShare(WA, aA, gA),
      vetoA,
      holdA,
      carrotA,
      stickA,
      supportOn,
    );
    s.reservation[iB] = adjustReservation(
      reservationShare(WB, aB, gB),
      vetoB,
      holdB,
      carrotB,
      stickB,
      supportOn,
    );
    // each side's estimate of the enemy's reservation, by enemy type (enemy assumed to know its foe)
    const WB_ifS = warValue(1 - pairWin[vsS], cB, pairMonths[vsS], valueHorizon),
      WB_ifW = warValue(1 - pairWin[vsW], cB, pairMonths[vsW], valueHorizon);
    s.enemyReservationStrong[iA] = adjustReservation(
      reservationShare(WB_ifS, aB, gB),
      vetoB,
      holdB,
      carrotB,
      stickB,
      supportOn,
    );
    s.enemyReservationWeak[iA] = adjustReservation(
      reservationShare(WB_ifW, aB, gB),
      vetoB,
      holdB,
      carrotB,
      stickB,
      supportOn,
    );
    const WA_ifS = warValue(pairWin[sVs], cA, pairMonths[sVs], valueHorizon),
      WA_ifW = warValue(pairWin[wVs], cA, pairMonths[wVs], valueHorizon);
    s.enemyReservationStrong[iB] = adjustReservation(
      reservationShare(WA_ifS, aA, gA),
      vetoA,
      holdA,
      carrotA,
      stickA,
      supportOn,
    );
    s.enemyReservationWeak[iB] = adjustReservation(
      reservationShare(WA_ifW, aA, gA),
      vetoA,
      holdA,
      carrotA,
      stickA,
      supportOn,
    );
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
