/**
 * Shared arithmetic of the battle contest and war values, used by several mechanisms.
 * Contest success function (theory §4.2, design choice): q = s_A / (s_A + s_B), with
 * s_i = base_i · (strong ? advantage_i : 1) · (1 + η_e·escalating_i) · (1 + η_P·aid_i).
 */
import { lookup } from './gamblersRuin.ts';
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

/** A's chance of final victory from front position k, for types (strongA, strongB), at normal effort. */
export function winChanceA(
  s: State,
  r: number,
  strongA: number,
  strongB: number,
  aidScaleA = 1,
  aidScaleB = 1,
): number {
  const sa = strengthOf(s, 2 * r, strongA, 0) * aidFactor(s, 2 * r, aidScaleA);
  const sb = strengthOf(s, 2 * r + 1, strongB, 0) * aidFactor(s, 2 * r + 1, aidScaleB);
  const n = s.c.K + 1;
  return lookup(s.c.ruin.winA, n, sa / (sa + sb), s.front[r]);
}

/** Expected months left for types (strongA, strongB) at normal effort. */
export function monthsLeft(s: State, r: number, strongA: number, strongB: number): number {
  const sa = strengthOf(s, 2 * r, strongA, 0);
  const sb = strengthOf(s, 2 * r + 1, strongB, 0);
  return lookup(s.c.ruin.months, s.c.K + 1, sa / (sa + sb), s.front[r]);
}

/** Rescales the aid term when projecting a future aid level (scale = future/current aid). */
function aidFactor(s: State, i: number, scale: number): number {
  if (scale === 1) return 1;
  const eta = s.c.params.battle.aidBoost;
  return (1 + eta * s.aid[i] * scale) / (1 + eta * s.aid[i]);
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
