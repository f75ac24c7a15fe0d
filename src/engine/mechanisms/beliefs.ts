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
 * Reads: lastBattle, effort, strong, aid, fungibleAid. Writes: belief, strong.
 */
import type { Mechanism } from './mechanism.ts';
import { Effort, type State } from '../state.ts';
import { Stream } from '../rng.ts';
import { strengthOf } from '../strength.ts';

function step(s: State): void {
  const p = s.c.params.beliefs;
  if (!p.enabled) return;
  for (let a = 0; a < s.nActive; a++) {
    const r = s.active[a];
    const iA = 2 * r,
      iB = iA + 1;
    const u = s.rng.next(r, Stream.beliefs);
    const v = s.rng.next(r, Stream.beliefs);
    const result = s.lastBattle[r];
    if (result !== 0) {
      const escA = s.effort[iA] === Effort.escalate ? 1 : 0;
      const escB = s.effort[iB] === Effort.escalate ? 1 : 0;
      const sa = strengthOf(s, iA, s.strong[iA], escA);
      const sb = strengthOf(s, iB, s.strong[iB], escB);
      const sbStrong = strengthOf(s, iB, 1, escB),
        sbWeak = strengthOf(s, iB, 0, escB);
      const saStrong = strengthOf(s, iA, 1, escA),
        saWeak = strengthOf(s, iA, 0, escA);
      // A's update about B: A's win chance against a strong / weak B
      const qs = sa / (sa + sbStrong),
        qw = sa / (sa + sbWeak);
      s.belief[iA] = bayes(s.belief[iA], result > 0 ? qs : 1 - qs, result > 0 ? qw : 1 - qw);
      // B's update about A: B's win chance against a strong / weak A
      const rs = sb / (sb + saStrong),
        rw = sb / (sb + saWeak);
      s.belief[iB] = bayes(s.belief[iB], result < 0 ? rs : 1 - rs, result < 0 ? rw : 1 - rw);
    }
    // fungible aid to B blurs A's belief about B, and vice versa
    const chi = p.fungibleAidNoise;
    if (chi > 0) {
      s.belief[iA] += Math.min(1, chi * s.fungibleAid[iB]) * (0.5 - s.belief[iA]);
      s.belief[iB] += Math.min(1, chi * s.fungibleAid[iA]) * (0.5 - s.belief[iB]);
    }
    // new private information: one side's type is redrawn, the other's belief resets
    if (u < p.newInformationRate) {
      const side = v < 0.5 ? 0 : 1;
      const i = 2 * r + side;
      s.strong[i] = v * 2 - side < s.strongProbability[i] ? 1 : 0;
      const j = 2 * r + (1 - side);
      s.belief[j] = s.prior[j];
    }
  }
}

/** Posterior of "strong" given likelihoods under strong and weak. */
function bayes(mu: number, likeStrong: number, likeWeak: number): number {
  const num = mu * likeStrong;
  const den = num + (1 - mu) * likeWeak;
  return den > 0 ? num / den : mu;
}

export const beliefs: Mechanism = {
  id: 'beliefs',
  source: 'Filson & Werner 2002; Slantchev 2003; Sawyer et al. 2017; Shirkey 2016',
  reads: ['lastBattle', 'effort', 'strong', 'aid', 'fungibleAid'],
  writes: ['belief', 'strong'],
  step,
};
