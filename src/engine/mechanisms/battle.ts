/**
 * Battles: each month the front moves one step toward A's victory with probability q, one step
 * back with 1 − q, or holds (a month with no decisive result). q is a contest-success function
 * of strength, type, effort and outside aid (strength.ts). Casualties accrue; escalation costs
 * reserves and blood; winning (or surviving an enemy escalation) builds demonstrated strength.
 * Source: Slantchev (2003, APSR) front-line model; Filson & Werner (2002, AJPS) battles by type;
 * the contest function and the strength memory are design choices (theory §4.2).
 * Deviations: (1) one battle per month; (2) the "draw" outcome of theory §4.2 step 2 is used.
 * Switched off: the front never moves, casualties still accrue (a frozen war of attrition).
 * Reads: front, effort, aid, types, strengths. Writes: front, lastBattle, status (victory at either end), casualties, reserves,
 *   strength, catastrophe, battlesA, battlesB.
 */
import type { Mechanism } from './mechanism.ts';
import { Effort, Outcome, type State } from '../state.ts';
import { Stream } from '../rng.ts';
import { strengthOf } from '../strength.ts';
import { endWar } from './termination.ts';

function step(s: State): void {
  const b = s.c.params.battle;
  const moves = b.enabled;
  for (let a = 0; a < s.nActive; a++) {
    const r = s.active[a];
    const iA = 2 * r,
      iB = iA + 1;
    const escA = s.effort[iA] === Effort.escalate ? 1 : 0;
    const escB = s.effort[iB] === Effort.escalate ? 1 : 0;
    const u1 = s.rng.next(r, Stream.battle);
    const u2 = s.rng.next(r, Stream.battle);
    let result = 0;
    if (moves && u1 >= b.drawProbability) {
      const sa = strengthOf(s, iA, s.strong[iA], escA);
      const sb = strengthOf(s, iB, s.strong[iB], escB);
      result = u2 < sa / (sa + sb) ? 1 : -1;
      s.front[r] += result;
      if (result > 0) s.battlesA[r]++;
      else s.battlesB[r]++;
    }
    s.lastBattle[r] = result;
    const intensity = 1 + (b.escalationCasualties * (escA + escB)) / 2;
    s.lastCasualties[iA] = s.casualtyRate[iA] * intensity;
    s.lastCasualties[iB] = s.casualtyRate[iB] * intensity;
    s.casualties[iA] += s.lastCasualties[iA];
    s.casualties[iB] += s.lastCasualties[iB];
    if (escA) s.reserves[iA] = Math.max(0, s.reserves[iA] - b.escalationReserveUse);
    if (escB) s.reserves[iB] = Math.max(0, s.reserves[iB] - b.escalationReserveUse);
    // demonstrated strength: a won month counts 1; holding ground against an escalation counts ½
    const m = b.strengthMemory;
    s.strength[iA] = m * s.strength[iA] + (result > 0 ? 1 : 0) + (escB && result >= 0 ? 0.5 : 0);
    s.strength[iB] = m * s.strength[iB] + (result < 0 ? 1 : 0) + (escA && result <= 0 ? 0.5 : 0);
    // a catastrophe: losing ground to an escalating enemy (Zartman's precipice)
    s.catastrophe[iA] = 0.6 * s.catastrophe[iA] + (result < 0 && escB ? 1 : 0);
    s.catastrophe[iB] = 0.6 * s.catastrophe[iB] + (result > 0 && escA ? 1 : 0);
    if (s.front[r] >= s.c.K) endWar(s, r, Outcome.victoryA);
    else if (s.front[r] <= 0) endWar(s, r, Outcome.victoryB);
  }
}

export const battle: Mechanism = {
  id: 'battle',
  source: 'Slantchev 2003; Filson & Werner 2002; contest function is a design choice',
  reads: ['front', 'effort', 'aid', 'strong', 'baseStrength', 'advantage'],
  endsWars: true,
  writes: [
    'front',
    'lastBattle',
    'casualties',
    'lastCasualties',
    'reserves',
    'strength',
    'catastrophe',
    'battlesA',
    'battlesB',
  ],
  step,
};
