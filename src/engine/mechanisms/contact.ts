/**
 * Exploratory contact, apart from bargaining over terms: talks about talks, probing, a
 * mediator's shuttle, humanitarian or prisoner exchanges, contacts kept up to learn about the
 * enemy or to placate a patron or the public. Leaders seek such contacts for reasons other than a
 * deal ("devious objectives", Richmond 1998) and keep talking while they fight (Pillar 1983), so
 * contact needs no bargaining range; a deal still does (bargainingRange.ts, offers.ts).
 *
 * Each month a war without talks under way opens contact with probability
 *   p = 1 − exp(−ΔH(τ) · m_med · exp(−γ·C)),   ΔH(τ) = ((τ+1)/s)^k − (τ/s)^k,
 * a discrete Weibull hazard on the contact clock τ (months since the war began, or since the last
 * known contact: scenario `situation`), whose shape k and scale s are fitted to the time to first
 * contact in the case base; m_med while a mediator is present (mediators raise the chance of
 * talks: Greig 2005; Regan & Stam 2000); and the costs of conversation C of the more reluctant
 * side on its cheapest channel (adverse inference, audience and patron costs, as conversation.ts
 * computes them this month: Mastro 2019), which deter contact as they deter openings.
 * The channel is drawn with weights fitted to the case base's first contacts (secret, mediated,
 * public), a declared back channel raising the secret weight, an absent mediator lowering the
 * mediated one (a third party the scenario does not name), and the audience cost of the more
 * exposed side lowering the public one. Which channel comes first is thus an outcome: direct
 * public contact remains possible while a mediator is present. Contact then runs as talks: the
 * next month each leader keeps it up or walks out (conversation.ts), and offers may follow.
 * Exploratory contact is deniable and moves no beliefs (design choice).
 * Source: Pillar 1983; Richmond 1998; Greig 2005; Regan & Stam 2000; Mastro 2019; the hazard
 * form, the channel weights and their modifiers are design choices fitted to the case base.
 * Switched off: talks open only when both leaders choose to open them (conversation.ts). With
 * back channels or mediation switched off, no contact goes through that channel.
 */
import type { Mechanism } from './mechanism.ts';
import { Channel, type State } from '../state.ts';
import { Stream } from '../rng.ts';
import { fastExp } from '../fastMath.ts';

/** Integrated Weibull hazard over one month of the contact clock starting at τ. */
export function contactBaseline(tau: number, shape: number, scaleMonths: number): number {
  return ((tau + 1) / scaleMonths) ** shape - (tau / scaleMonths) ** shape;
}

function step(s: State): void {
  const c = s.c;
  const cp = c.params.contact;
  if (!cp.enabled) return;
  const base = contactBaseline(c.contactClockStart + s.t, cp.baselineShape, cp.baselineScaleMonths);
  // with back channels or mediation switched off, their channel carries no contact either
  const channelsOn = c.params.backChannel.enabled;
  const mediationOn = c.params.mediation.enabled;
  const wSecret = channelsOn
    ? cp.secretWeight * (s.t >= c.secretFrom ? cp.declaredChannelFactor : 1)
    : 0;
  const { talks, talkBenefit, bestUtility, talkAudienceCost, mediatorsPresent } = s;
  for (let a = 0; a < s.nActive; a++) {
    const r = s.active[a];
    // two draws every month, used or not, so variants keep common random numbers
    const u = s.rng.next(r, Stream.contact);
    const v = s.rng.next(r, Stream.contact);
    if (talks[r] !== 0) continue;
    const iA = 2 * r,
      iB = iA + 1;
    // cheapest channel's cost of conversation for each side: benefit − best utility
    const costA = talkBenefit[iA] - bestUtility[iA],
      costB = talkBenefit[iB] - bestUtility[iB];
    const cost = costA > costB ? costA : costB;
    const mediator = mediationOn && mediatorsPresent[r] !== 0;
    const rate =
      base * (mediator ? cp.mediatorFactor : 1) * fastExp(-cp.costSensitivity * Math.max(0, cost));
    if (u >= 1 - fastExp(-rate)) continue;
    const exposure = Math.max(talkAudienceCost[iA], talkAudienceCost[iB]);
    const wMed = mediationOn ? cp.mediatedWeight * (mediator ? 1 : cp.unnamedMediatorFactor) : 0;
    const wPub = cp.publicWeight * fastExp(-cp.audienceSensitivity * exposure);
    const x = v * (wSecret + wMed + wPub);
    const ch =
      x < wSecret ? Channel.secret : x < wSecret + wMed ? Channel.mediated : Channel.public;
    talks[r] = ch;
    s.talkMonths[r] = 0;
    s.everChannel[r] |= 1 << ch;
    if (s.firstTalk[4 * r] < 0) s.firstTalk[4 * r] = s.t;
    if (s.firstTalk[4 * r + ch] < 0) s.firstTalk[4 * r + ch] = s.t;
    // carrots for talking are paid on opening, as for talks the leaders open themselves
    s.leverageUsed[r] += s.carrotTalks[iA] + s.carrotTalks[iB];
    s.carrotTalks[iA] = s.carrotTalks[iB] = 0;
  }
}

export const contact: Mechanism = {
  id: 'contact',
  params: 'contact',
  source:
    'Pillar 1983; Richmond 1998; Greig 2005; Regan & Stam 2000; Mastro 2019; hazard form and channel weights are design choices fitted to the case base',
  reads: ['bestUtility', 'mediatorsPresent', 'talkAudienceCost', 'talkBenefit'],
  writes: ['carrotTalks', 'everChannel', 'firstTalk', 'leverageUsed', 'talkMonths', 'talks'],
  step,
};
