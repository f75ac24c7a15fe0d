/**
 * Shared arithmetic of the battle contest and war values, used by several mechanisms.
 * Contest success function (design choice; docs/model.md, Battle): q = s_A / (s_A + s_B), with
 * s_i = base_i · (strong ? advantage_i : 1) · (1 + η_e·escalating_i) · (1 + η_P·aid_i).
 * These are the reference definitions: the run loops of battle, beliefs, bargainingRange,
 * commitment, ripeness and conversation inline them (with per-month constants hoisted) in the
 * same order of operations (calls cost the bench 15–30%: V8 stops inlining past a small budget
 * and then boxes every double). test/engine/inlinedCopies.test.ts checks the copies on 10,000
 * random inputs each: bit for bit those of beliefs, effectiveCost and escalationHeadroom;
 * battle's strengths by every contest they decide; commitment's strengths are not checked yet.
 */
import type { State } from './state.ts';

/** Fighting strength of party index i (= 2·run + side) if its type were `strong`. */
export function strengthOf(s: State, i: number, strong: number, escalating: number): number {
  const b = s.c.params.battle;
  return (
    s.baseStrength[i] *
    (strong ? s.advantage[i] : 1) *
    (1 + b.escalationBoost * escalating) *
    (1 + b.aidBoost * s.aid[i])
  );
}

/** Strength of party i of a given type at normal effort with the aid it is expected to have (for war values). */
export function expectedStrength(s: State, i: number, strong: number): number {
  return (
    s.baseStrength[i] *
    (strong ? s.advantage[i] : 1) *
    (1 + s.c.params.battle.aidBoost * s.aidOutlook[i])
  );
}

/** Monthly cost as it weighs on party i: patron subsidy lowers it; democracies tire after the fatigue month. */
export function effectiveCost(s: State, i: number): number {
  const sup = s.c.params.support;
  const dom = s.c.params.domestic;
  let c = s.cost[i];
  if (sup.enabled) c *= 1 - (sup.costSubsidy * s.aid[i]) / (1 + s.aid[i]);
  if (dom.enabled && s.democracy[i] && s.t >= dom.democracyFatigueMonth)
    c *= 1 + dom.democracyFatigueFactor;
  return c;
}

/** Enemy's capacity to escalate or prolong, as it weighs on the party facing it (Mastro 2019). */
export function escalationHeadroom(s: State, j: number): number {
  const sup = s.c.params.support;
  return (
    s.capacity[j] * (0.5 + 0.5 * s.reserves[j]) + (sup.enabled ? sup.capacityFromAid * s.aid[j] : 0)
  );
}

/** Logistic function. */
export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
