/**
 * Ripeness: a mutually hurting stalemate (MHS) and a perceived way out (WO), per side.
 *   MHS_i = σ(κ₁·(θ_v − P_i^H) + κ₂·(c_i − c̄) + κ₃·catastrophe_i)
 *     where P_i^H = P_i·(1 − e^{−H/D_i}) is the chance of winning within H months;
 *   WO_i  = Σ_τ μ_i(τ)·σ((1 − r_i − r_j(τ)) / w) + trust from months of secret contact;
 *   readiness_i = MHS_i·WO_i (motivation × optimism, Pruitt); ripeness = readiness_A·readiness_B.
 * Readiness scales the expected gain from talking (conversation.ts) and mediator acceptance.
 * Source: Zartman (2000; 2001) for MHS, way out and the precipice; Pruitt (2005) readiness as
 * motivation × optimism; the functional forms are design choices (theory §4.6).
 * Switched off: MHS = WO = 1 for both (talks then turn on costs of conversation alone).
 * Reads: pWin, monthsExpected, reservation, enemyReservation*, belief, catastrophe, front. Writes: mhs, wayOut, readiness.
 */
import type { Mechanism } from './mechanism.ts';
import { Channel, type State } from '../state.ts';
import { effectiveCost, sigmoid } from '../strength.ts';

function step(s: State): void {
  const rp = s.c.params.ripeness;
  const trustPerMonth = s.c.params.backChannel.enabled ? s.c.params.backChannel.trustPerMonth : 0;
  for (let a = 0; a < s.nActive; a++) {
    const r = s.active[a];
    if (!rp.enabled) {
      s.mhs[2 * r] = s.mhs[2 * r + 1] = s.wayOut[2 * r] = s.wayOut[2 * r + 1] = 1;
      s.readiness[2 * r] = s.readiness[2 * r + 1] = 1;
      continue;
    }
    const trust =
      s.talks[r] === Channel.secret || (s.everChannel[r] & (1 << Channel.secret)) !== 0
        ? trustPerMonth * s.talkMonths[r]
        : 0;
    for (let p = 0; p < 2; p++) {
      const i = 2 * r + p;
      const mu = s.belief[i];
      const D = s.monthsExpected[i];
      const winWithin = s.pWin[i] * (1 - Math.exp(-rp.horizonMonths / Math.max(1, D)));
      const mhs = sigmoid(
        rp.hurtingWeight * (rp.victoryThreshold - winWithin) +
          rp.costWeight * (effectiveCost(s, i) - rp.tolerableCost) +
          rp.catastropheWeight * s.catastrophe[i],
      );
      const ri = s.reservation[i];
      const w = rp.wayOutSharpness;
      let wo =
        mu * sigmoid((1 - ri - s.enemyReservationStrong[i]) / w) +
        (1 - mu) * sigmoid((1 - ri - s.enemyReservationWeak[i]) / w);
      wo = Math.min(1, wo + trust);
      s.mhs[i] = mhs;
      s.wayOut[i] = wo;
      s.readiness[i] = mhs * wo;
    }
  }
}

export const ripeness: Mechanism = {
  id: 'ripeness',
  source: 'Zartman 2000, 2001; Pruitt 2005; forms are design choices',
  reads: [
    'pWin',
    'reservation',
    'enemyReservationStrong',
    'enemyReservationWeak',
    'belief',
    'catastrophe',
    'front',
  ],
  writes: ['mhs', 'wayOut', 'readiness'],
  step,
};
