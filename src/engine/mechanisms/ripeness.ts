/**
 * Ripeness: a mutually hurting stalemate (MHS) and a perceived way out (WO), per side.
 *   MHS_i = σ(κ₁·(θ_v − P_i^H) + κ₂·(c_i − c̄) + κ₃·catastrophe_i)
 *     where P_i^H = P_i·(1 − e^{−H/D_i}) is the chance of winning within H months;
 *   WO_i  = Σ_τ μ_i(τ)·σ((1 − r_i − r_j(τ)) / w) + trust from months of secret contact;
 *   readiness_i = MHS_i·WO_i (motivation × optimism, Pruitt); ripeness = readiness_A·readiness_B.
 * Readiness scales the expected gain from talking (conversation.ts) and mediator acceptance.
 * Source: Zartman (2000; 2001) for MHS, way out and the precipice; Pruitt (2005) readiness as
 * motivation × optimism; the functional forms are design choices (docs/model.md).
 * Switched off: MHS = WO = 1 for both (talks then turn on costs of conversation alone).
 */
import type { Mechanism } from './mechanism.ts';
import type { State } from '../state.ts';
import { Channel } from '../codes.ts';
import { fastExp, fastSigmoid as sigmoid } from '../fastMath.ts';
import { field, type FieldsOf } from '../fields.ts';

const fields = {
  /** Mutually hurting stalemate, per side. */
  mhs: field(Float64Array, 'party'),
  /** Perceived way out, per side. */
  wayOut: field(Float64Array, 'party'),
  /** MHS × way out: read by conversation and mediator acceptance. */
  readiness: field(Float64Array, 'party'),
};
declare module '../state.ts' {
  interface State extends FieldsOf<typeof fields> {}
}

function step(s: State): void {
  const c = s.c;
  const rp = c.params.ripeness;
  const trustPerMonth = c.params.backChannel.enabled ? c.params.backChannel.trustPerMonth : 0;
  const { active, belief, monthsExpected, pWin, reservation, catastrophe, mhs, wayOut, readiness } =
    s;
  if (!rp.enabled) {
    for (let a = 0; a < s.nActive; a++) {
      const r = active[a];
      mhs[2 * r] = mhs[2 * r + 1] = wayOut[2 * r] = wayOut[2 * r + 1] = 1;
      readiness[2 * r] = readiness[2 * r + 1] = 1;
    }
    return;
  }
  const H = rp.judgementHorizonMonths;
  const w = rp.wayOutSharpness;
  // per-month constants of effectiveCost, inlined (test/engine/inlinedCopies.test.ts)
  const sup = c.params.support;
  const dom = c.params.domestic;
  const fatigue =
    dom.enabled && s.t >= dom.democracyFatigueMonth ? 1 + dom.democracyFatigueFactor : 0;
  const { cost, aid, democracy, enemyReservationStrong, enemyReservationWeak } = s;
  for (let a = 0; a < s.nActive; a++) {
    const r = active[a];
    const trust =
      s.talks[r] === Channel.secret || (s.everChannel[r] & (1 << Channel.secret)) !== 0
        ? trustPerMonth * s.talkMonths[r]
        : 0;
    for (let p = 0; p < 2; p++) {
      const i = 2 * r + p;
      const mu = belief[i];
      const D = monthsExpected[i];
      const winWithin = pWin[i] * (1 - fastExp(-H / Math.max(1, D)));
      let cost_i = cost[i];
      if (sup.enabled) cost_i *= 1 - (sup.costSubsidy * aid[i]) / (1 + aid[i]);
      if (fatigue !== 0 && democracy[i]) cost_i *= fatigue;
      const m = sigmoid(
        rp.hurtingWeight * (rp.victoryThreshold - winWithin) +
          rp.costWeight * (cost_i - rp.tolerableCost) +
          rp.catastropheWeight * catastrophe[i],
      );
      const ri = reservation[i];
      let wo =
        mu * sigmoid((1 - ri - enemyReservationStrong[i]) / w) +
        (1 - mu) * sigmoid((1 - ri - enemyReservationWeak[i]) / w);
      wo = Math.min(1, wo + trust);
      mhs[i] = m;
      wayOut[i] = wo;
      readiness[i] = m * wo;
    }
  }
}

export const ripeness: Mechanism = {
  id: 'ripeness',
  fields,
  params: 'ripeness',
  source: 'Zartman 2000, 2001; Pruitt 2005; forms are design choices',
  reads: [
    'aid',
    'belief',
    'catastrophe',
    'cost',
    'democracy',
    'enemyReservationStrong',
    'enemyReservationWeak',
    'everChannel',
    'front',
    'monthsExpected',
    'pWin',
    'reservation',
    'talkMonths',
    'talks',
  ],
  writes: ['mhs', 'readiness', 'wayOut'],
  step,
};
