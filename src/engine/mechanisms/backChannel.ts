/**
 * Back channels and leaks. While talks run in a secret channel, the secret leaks with monthly
 * probability h = 1 − exp(−h₀·n) for n people in the know. A leak exposes the talks (they become
 * public talks), and the leaders then pay audience costs inflated by the appearance of
 * duplicity, (1 + ψ)·a_i, for the rest of the war. Secret contact also builds working trust
 * (way-out optimism, in ripeness.ts), and a deal made only in secret carries a durability
 * penalty (durability.ts).
 * Source: Wanis-St. John (2006; 2011); Pruitt (2008); Kurizaki (2007); hazard form is a design choice (docs/model.md).
 * Switched off: no back channel is available, so no leaks.
 */
import type { Mechanism } from './mechanism.ts';
import type { State } from '../state.ts';
import { Channel } from '../codes.ts';
import { Stream } from '../rng.ts';
import { sampleUncertain } from '../sample.ts';
import { field, type FieldsOf } from '../fields.ts';

const openingFields = {
  /** Monthly leak hazard of the most discreet back channel available (see backChannel.ts). */
  secretHazard: field(Float64Array, 'run'),
  /** [r * C + k]: monthly leak hazard of declared back channel k. */
  channelHazard: field(Float64Array, 'backChannel'),
};
declare module '../state.ts' {
  interface State extends FieldsOf<typeof openingFields> {}
}

const fields = {
  /** 1 once the secret talks have leaked */
  leaked: field(Uint8Array, 'run'),
  /** months of talks in secret, and leaks (counted into the aggregate) */
  secretTalkMonths: field(Int16Array, 'run'),
  leaks: field(Int16Array, 'run'),
  /** 1, or 1 + ψ after a leak */
  audienceMultiplier: field(Float64Array, 'party', 1),
};
declare module '../state.ts' {
  interface State extends FieldsOf<typeof fields> {}
}

function step(s: State): void {
  const psi = s.c.params.backChannel.leakDuplicity;
  for (let a = 0; a < s.nActive; a++) {
    const r = s.active[a];
    const u = s.rng.next(r, Stream.talks);
    if (s.talks[r] === 0) continue;
    s.talkMonths[r]++;
    if (s.talks[r] !== Channel.secret) continue;
    s.secretTalkMonths[r]++;
    // the facilitator's injected leak (exercise mode) comes after the draw, so streams never shift
    if (u < s.secretHazard[r] || (s.decisions !== null && s.decisions.leak === 1)) {
      s.leaked[r] = 1;
      s.leaks[r]++;
      s.talks[r] = Channel.public;
      s.everChannel[r] |= 1 << Channel.public;
      if (s.firstTalk[4 * r + Channel.public] < 0) s.firstTalk[4 * r + Channel.public] = s.t;
      s.audienceMultiplier[2 * r] *= 1 + psi;
      s.audienceMultiplier[2 * r + 1] *= 1 + psi;
    }
  }
}

/**
 * When a further back channel becomes available, secret talks (and the expected leak cost of
 * opening them) move to the most discreet channel available: the lowest monthly leak hazard.
 * Every declared channel thus counts (an earlier or smaller channel changes results), not only
 * the first to open. Design choice: the sides use the safest line they have.
 */
function channelsOpening(s: State): void {
  const c = s.c;
  if (c.channelOpensAt[s.t] !== 1) return;
  const C = Math.max(1, c.secretChannels.length);
  for (let a = 0; a < s.nActive; a++) {
    const r = s.active[a];
    let h = s.secretHazard[r];
    for (let k = 0; k < c.secretChannels.length; k++)
      if (c.secretChannels[k].from <= s.t && s.channelHazard[r * C + k] < h)
        h = s.channelHazard[r * C + k];
    s.secretHazard[r] = h;
  }
}

/**
 * Each declared channel's monthly leak hazard 1 − exp(−h₀·n) per run, h₀ drawn for its n
 * participants; secret talks go through the earliest channel until another one opens.
 */
function sampleHazards(s: State): void {
  const { c, rng, n, channelHazard, secretHazard } = s;
  const C = Math.max(1, c.secretChannels.length);
  c.secretChannels.forEach((ch, k) => {
    for (let r = 0; r < n; r++)
      channelHazard[r * C + k] =
        1 - Math.exp(-sampleUncertain(rng, r, ch.hazard, 0, 1) * ch.participants);
  });
  if (c.earliestChannel >= 0)
    for (let r = 0; r < n; r++) secretHazard[r] = channelHazard[r * C + c.earliestChannel];
}

export const backChannelOpening: Mechanism = {
  id: 'backChannelOpening',
  fields: openingFields,
  sample: sampleHazards,
  params: null,
  source: 'design choice (the most discreet channel available is used)',
  reads: ['channelHazard'],
  writes: ['secretHazard'],
  step: channelsOpening,
};

export const backChannel: Mechanism = {
  id: 'backChannel',
  fields,
  params: 'backChannel',
  source: 'Wanis-St. John 2006; Pruitt 2008; Kurizaki 2007; hazard form is a design choice',
  reads: ['secretHazard'],
  writes: [
    'audienceMultiplier',
    'everChannel',
    'firstTalk',
    'leaked',
    'leaks',
    'secretTalkMonths',
    'talkMonths',
    'talks',
  ],
  step,
};
