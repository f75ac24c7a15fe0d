/**
 * Termination by force or collapse: the front reaching either end is a military victory
 * (Slantchev 2003 front model); a side whose domestic support has fallen below the floor
 * collapses with a monthly hazard (Powell-style collapse, a design choice: docs/model.md; the support floor
 * is a design choice). `endWar` also records how every war ended, for every ending mechanism.
 */
import type { Mechanism } from './mechanism.ts';
import type { State } from '../state.ts';
import { Outcome, Status } from '../codes.ts';
import { Stream } from '../rng.ts';
import { guaranteeFor } from './commitment.ts';

/** Close run r with an outcome this month, recording what durability needs. */
export function endWar(s: State, r: number, outcome: number, pressured = false): void {
  s.status[r] = Status.ended;
  s.outcome[r] = outcome;
  s.endMonth[r] = s.t;
  s.pressuredEnd[r] = pressured ? 1 : 0;
  s.guaranteeAtEnd[r] = Math.max(guaranteeFor(s, r, 0), guaranteeFor(s, r, 1));
  s.talks[r] = 0;
}

function step(s: State): void {
  const d = s.c.params.domestic;
  const K = s.c.K;
  for (let a = 0; a < s.nActive; a++) {
    const r = s.active[a];
    const uA = s.rng.next(r, Stream.termination);
    const uB = s.rng.next(r, Stream.termination);
    if (s.status[r] !== Status.war) continue;
    const k = s.front[r];
    if (k >= K) endWar(s, r, Outcome.victoryA);
    else if (k <= 0) endWar(s, r, Outcome.victoryB);
    else if (d.enabled && s.support[2 * r] < d.supportFloorForCollapse && uA < d.collapseHazard)
      endWar(s, r, Outcome.collapseA);
    else if (d.enabled && s.support[2 * r + 1] < d.supportFloorForCollapse && uB < d.collapseHazard)
      endWar(s, r, Outcome.collapseB);
  }
}

export const termination: Mechanism = {
  id: 'termination',
  params: 'domestic',
  source: 'Slantchev 2003 (absorbing front); collapse hazard is a design choice',
  endsWars: true,
  reads: ['accepted', 'front', 'mediatorBias', 'mediatorGuarantee', 'mediatorsPresent', 'support'],
  writes: ['endMonth', 'guaranteeAtEnd', 'outcome', 'pressuredEnd', 'status', 'talks'],
  step,
};
