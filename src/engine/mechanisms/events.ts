/**
 * Scheduled events other than aid: incentive offers (e.g. reconstruction money conditional on
 * talks or on a deal), ceasefire proposals with third-party pressure, and shows of strength.
 * Source: design choice (the scenario's policy levers); leverage as in Beardsley (2011).
 */
import type { Mechanism } from './mechanism.ts';
import type { State } from '../state.ts';
import { sampleUncertain } from '../sample.ts';
import { field, type FieldsOf } from '../fields.ts';

const fields = {
  /** strongest outside pressure for a ceasefire proposed so far */
  ceasefirePressure: field(Float64Array, 'run'),
  /** incentives offered to this side for talks, and for an agreement (mediators add theirs) */
  carrotTalks: field(Float64Array, 'party'),
  carrotAgreement: field(Float64Array, 'party'),
};
declare module '../state.ts' {
  interface State extends FieldsOf<typeof fields> {}
}

function step(s: State): void {
  const events = s.c.events[s.t];
  if (events.length === 0) return;
  for (let a = 0; a < s.nActive; a++) {
    const r = s.active[a];
    for (let x = 0; x < events.length; x++) {
      const e = events[x];
      if (e.kind === 'incentive') {
        const size = sampleUncertain(s.rng, r, e.size, 0, 1);
        if (e.onTalks) s.carrotTalks[2 * r + e.party] += size;
        else s.carrotAgreement[2 * r + e.party] += size;
      } else if (e.kind === 'ceasefire') {
        s.ceasefirePressure[r] = Math.max(
          s.ceasefirePressure[r],
          sampleUncertain(s.rng, r, e.pressure, 0, 1),
        );
      } else if (e.kind === 'strength') {
        s.strength[2 * r + e.party] += sampleUncertain(s.rng, r, e.size, 0, 1);
      }
    }
  }
}

export const scheduledEvents: Mechanism = {
  id: 'events',
  fields,
  params: null,
  source: 'design choice (policy levers); Beardsley 2011 for leverage',
  reads: [], // the compiled schedule of events (c.events), not per-run state
  writes: ['carrotAgreement', 'carrotTalks', 'ceasefirePressure', 'strength'],
  step,
};
