/**
 * Learning from battles: each side updates its belief that the enemy is the strong type by
 * Bayes' rule on the month's battle result, knowing its own type and both efforts:
 *   after a win:  μ' = μ·q_s / (μ·q_s + (1 − μ)·q_w),  q_x = own win chance against enemy type x
 *   after a loss: the same with 1 − q.   A month without movement carries no information.
 * Fungible outside aid blurs the enemy's reading (Sawyer, Cunningham & Reed 2017): the belief
 * about an aided side is pulled toward ½ by χ·aid each month. New private information
 * (Shirkey 2016): with a small monthly hazard a side's type is redrawn and the enemy's belief
 * returns to its prior.
 * Source: Filson & Werner (2002, AJPS); Slantchev (2003, APSR); Sawyer et al. (2017); Shirkey (2016).
 * Switched off: beliefs stay at their priors (no learning).
 */
import type { Mechanism } from './mechanism.ts';
import type { State } from '../state.ts';
import { Effort } from '../codes.ts';
import { Stream } from '../rng.ts';
import { field, type FieldsOf } from '../fields.ts';

const fields = {
  /** Belief that the enemy is the strong type. */
  belief: field(Float64Array, 'party'),
};
declare module '../state.ts' {
  interface State extends FieldsOf<typeof fields> {}
}

function step(s: State): void {
  const p = s.c.params.beliefs;
  if (!p.enabled) return;
  const bp = s.c.params.battle;
  const escBoost = 1 + bp.escalationBoost;
  const aidBoost = bp.aidBoost;
  const chi = p.fungibleAidNoise;
  const newInfo = p.newInformationRate;
  const { active, effort, strong, baseStrength, advantage, aid, belief, lastBattle, rng } = s;
  for (let a = 0; a < s.nActive; a++) {
    const r = active[a];
    const iA = 2 * r,
      iB = iA + 1;
    const u = rng.next(r, Stream.beliefs);
    const v = rng.next(r, Stream.beliefs);
    const result = lastBattle[r];
    if (result !== 0) {
      // strengths of both types of each side (as strengthOf; a side's own is that of its type)
      // (multiplied in strengthOf's order, so the values are the same to the last bit)
      const eA = effort[iA] === Effort.escalate ? escBoost : 1,
        gA = 1 + aidBoost * aid[iA];
      const eB = effort[iB] === Effort.escalate ? escBoost : 1,
        gB = 1 + aidBoost * aid[iB];
      const saStrong = baseStrength[iA] * advantage[iA] * eA * gA,
        saWeak = baseStrength[iA] * eA * gA;
      const sbStrong = baseStrength[iB] * advantage[iB] * eB * gB,
        sbWeak = baseStrength[iB] * eB * gB;
      const sa = strong[iA] ? saStrong : saWeak;
      const sb = strong[iB] ? sbStrong : sbWeak;
      // A's update about B: A's win chance against a strong / weak B
      const qs = sa / (sa + sbStrong),
        qw = sa / (sa + sbWeak);
      belief[iA] = bayes(belief[iA], result > 0 ? qs : 1 - qs, result > 0 ? qw : 1 - qw);
      // B's update about A: B's win chance against a strong / weak A
      const rs = sb / (sb + saStrong),
        rw = sb / (sb + saWeak);
      belief[iB] = bayes(belief[iB], result < 0 ? rs : 1 - rs, result < 0 ? rw : 1 - rw);
    }
    // fungible aid to B blurs A's belief about B, and vice versa
    if (chi > 0) {
      belief[iA] += Math.min(1, chi * s.fungibleAid[iB]) * (0.5 - belief[iA]);
      belief[iB] += Math.min(1, chi * s.fungibleAid[iA]) * (0.5 - belief[iB]);
    }
    // new private information: one side's type is redrawn, the other's belief resets
    if (u < newInfo) {
      const side = v < 0.5 ? 0 : 1;
      const i = 2 * r + side;
      strong[i] = v * 2 - side < s.strongProbability[i] ? 1 : 0;
      const j = 2 * r + (1 - side);
      belief[j] = s.prior[j];
    }
  }
}

/** Posterior of "strong" given likelihoods under strong and weak. */
export function bayes(mu: number, likeStrong: number, likeWeak: number): number {
  const num = mu * likeStrong;
  const den = num + (1 - mu) * likeWeak;
  return den > 0 ? num / den : mu;
}

/** Each side starts from its prior (beliefs.enemyStrong, drawn with the scenario inputs). */
function startFromPrior(s: State): void {
  for (let i = 0; i < 2 * s.n; i++) s.belief[i] = s.prior[i];
}

export const beliefs: Mechanism = {
  id: 'beliefs',
  fields,
  sample: startFromPrior,
  params: 'beliefs',
  source: 'Filson & Werner 2002; Slantchev 2003; Sawyer et al. 2017; Shirkey 2016',
  reads: [
    'advantage',
    'aid',
    'baseStrength',
    'effort',
    'fungibleAid',
    'lastBattle',
    'prior',
    'strongProbability',
  ],
  writes: ['belief', 'strong'],
  step,
};
