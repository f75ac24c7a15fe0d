/**
 * Effort choice: fight at normal effort, or escalate (spending reserves) when the leader would
 * open talks if only it had shown more strength ("show strength, then talk"), or out of
 * hawkishness. The look-ahead compares last month's best posture utility with the utility it
 * would have had with one more unit of demonstrated strength.
 * Source: Mastro (2019): leaders open talks after demonstrating strength and resilience;
 * the one-month look-ahead is a design choice (docs/model.md).
 * Switched off (conversation.lookAhead = false): escalation only out of hawkishness.
 */
import type { Mechanism } from './mechanism.ts';
import type { State } from '../state.ts';
import { Effort } from '../codes.ts';
import { Stream } from '../rng.ts';
import { field, type FieldsOf } from '../fields.ts';

const fields = {
  /** this month's effort (Effort code: fight or escalate) */
  effort: field(Uint8Array, 'party'),
};
declare module '../state.ts' {
  interface State extends FieldsOf<typeof fields> {}
}

/** Monthly chance of escalating per unit of hawkishness (design choice). */
const HAWKISH_ESCALATION = 0.05;
/** Reserves below this cannot sustain an escalation. */
export const MIN_RESERVES = 0.05;

function step(s: State): void {
  const lookAhead = s.c.params.conversation.enabled && s.c.params.conversation.lookAhead && s.t > 0;
  const { active, reserves, talks, bestUtility, lookAheadUtility, hawkishness, effort, rng } = s;
  const played = s.decisions;
  for (let a = 0; a < s.nActive; a++) {
    const r = active[a];
    const inTalks = talks[r] !== 0;
    for (let p = 0; p < 2; p++) {
      const i = 2 * r + p;
      const u = rng.next(r, Stream.battle);
      let e: number = Effort.fight;
      if (reserves[i] > MIN_RESERVES && !inTalks) {
        const showStrengthFirst = lookAhead && bestUtility[i] < 0 && lookAheadUtility[i] > 0;
        if (showStrengthFirst || u < HAWKISH_ESCALATION * hawkishness[i]) e = Effort.escalate;
      }
      // a played side's choice (exercise mode) replaces the model's
      if (played !== null && played.effort[p] >= 0) e = played.effort[p];
      effort[i] = e;
    }
  }
}

export const effort: Mechanism = {
  id: 'effort',
  fields,
  params: null,
  source: 'Mastro 2019 (show strength, then talk); look-ahead is a design choice',
  reads: ['bestUtility', 'hawkishness', 'lookAheadUtility', 'reserves', 'talks'],
  writes: ['effort'],
  step,
};
