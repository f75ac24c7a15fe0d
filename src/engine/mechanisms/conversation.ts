/**
 * Costs of conversation and the posture decision. Each month each leader chooses a closed
 * posture or an open one on a channel (public; secret back channel; via an accepted mediator):
 *   adverse inference  λ = 1 + (λ₀ − 1)·e^{−κ·Str_i}·m_ch,  π' = πλ/(πλ + 1 − π),  I = π' − π
 *     (π: the enemy's belief that i is weak; demonstrated strength Str shrinks the inference;
 *      a back channel or a confidential mediator shrinks it by m_ch);
 *   strategic cost     SC = min(1, E_j/Ē)·I·ΔP_j   (ΔP_j: how much the enemy's chance of winning
 *     rises if it takes i for weak; E_j: the enemy's capacity to prolong or escalate);
 *   benefit of talking B = w·readiness_i·E[surplus of a deal] + carrots paid for talking
 *     (no expected surplus while a commitment problem blocks any deal, commitment.ts);
 *   audience cost of being seen to talk  AC = a_i·hawk_i·(1 − support for talks)·σ_ch;
 *   U_ch = B − SC − AC − patron disapproval − expected leak cost;   P(ch) ∝ exp(β·U_ch), closed = 0.
 * The postures say who is willing to talk and why not (the "why" panel); talks themselves open
 * through contact.ts, at a hazard anchored to history and moved by these channel utilities
 * (stored per side and channel, as if each channel were available). An open posture is observed
 * by the enemy even when talks do not open: its belief that the opener is weak moves by λ (the
 * cost is real, not only expected). Once open, talks continue while both prefer them (no new
 * inference) and break down otherwise.
 * The utility with one more unit of strength is kept for the "show strength, then talk"
 * look-ahead of effort.ts.
 * Source: Mastro (2019) costs of conversation (adverse inference × strategic capacity); Kurizaki
 * (2007) and Tomz (2007) for audience costs and secrecy; Hörner, Morelli & Squintani (2015) for
 * confidential mediation; the likelihood-ratio and logit forms are design choices (docs/model.md).
 * Switched off: no inference and no audience cost of talking; leaders talk when they expect a gain.
 */
import type { Mechanism } from './mechanism.ts';
import type { State } from '../state.ts';
import { Channel } from '../codes.ts';
import { Stream } from '../rng.ts';
import { fastExp } from '../fastMath.ts';
import { escalationHeadroom } from '../strength.ts';
import { field, type FieldsOf } from '../fields.ts';

const fields = {
  /** channel this side signals willingness on (Channel code; 0 closed) */
  posture: field(Uint8Array, 'party'),
  /** cost of conversation SC on the public channel */
  conversationCost: field(Float64Array, 'party'),
  /** adverse inference a public opening would cause (I = π' − π) */
  inference: field(Float64Array, 'party'),
  /** enemy capacity as it weighs on this party */
  capacityEffective: field(Float64Array, 'party'),
  /** audience cost and expected gain of opening talks (diagnostics) */
  talkAudienceCost: field(Float64Array, 'party'),
  talkBenefit: field(Float64Array, 'party'),
  /** utility of the best open channel this month */
  bestUtility: field(Float64Array, 'party'),
  /** bestUtility with one more unit of demonstrated strength */
  lookAheadUtility: field(Float64Array, 'party'),
  /**
   * [3·(2r + p) + k]: this side's utility of opening talks this month on channel k (0 secret,
   * 1 mediated, 2 public) as if the channel were available (contact.ts weighs availability).
   */
  channelUtility: field(Float64Array, 6),
};
declare module '../state.ts' {
  interface State extends FieldsOf<typeof fields> {}
}

/** Inference a side's opening would cause: I = π' − π for channel factor m at strength Str. */
export function adverseInference(
  s: State,
  i: number,
  j: number,
  m: number,
  extraStrength = 0,
): number {
  const cp = s.c.params.conversation;
  const pi = 1 - s.belief[j];
  const lambda =
    1 +
    (cp.talkLikelihoodRatio - 1) *
      Math.exp(-cp.strengthDecay * (s.strength[i] + extraStrength)) *
      m;
  const post = (pi * lambda) / (pi * lambda + 1 - pi);
  return post - pi;
}

/**
 * The same from a precomputed strength decay e^{−κ·Str} (the hot path computes it once per
 * side); lambdaExcess = λ₀ − 1. Mediator acceptance (mediation.ts) prices a channel with it too.
 */
export function inferenceFromDecay(
  pi: number,
  lambdaExcess: number,
  decay: number,
  m: number,
): number {
  const lambda = 1 + lambdaExcess * decay * m;
  return (pi * lambda) / (pi * lambda + 1 - pi) - pi;
}

/**
 * Weight of the strategic cost of conversation: SC = min(1, E_j/Ē)·ΔP_j·I, and this is
 * min(1, E_j/Ē)·ΔP_j (the enemy's headroom to exploit the inference, and what it would gain).
 * The kernel below inlines it (eEff·gain, checked by test/engine/inlinedCopies.test.ts);
 * mediator acceptance calls it.
 */
export function strategicWeight(s: State, i: number, j: number): number {
  return (
    Math.min(1, escalationHeadroom(s, j) / s.c.params.conversation.capacityNorm) * s.enemyGain[i]
  );
}

/** Enemy belief μ after observing an opening with channel factor m, from the opener's e^{−κ·Str}. */
function beliefAfterOpening(mu: number, lambdaExcess: number, decay: number, m: number): number {
  const lambda = 1 + lambdaExcess * decay * m;
  return mu / (mu + (1 - mu) * lambda);
}

/** Inference multiplier of the mediated channel: the best among mediators both sides accepted. */
export function mediatedFactor(s: State, r: number): number {
  const cp = s.c.params.conversation;
  const both = s.accepted[2 * r] & s.accepted[2 * r + 1] & s.mediatorsPresent[r];
  let f = cp.publicMediatedInferenceFactor;
  for (let m = 0; m < s.c.mediators.length; m++)
    if (both & (1 << m) && s.c.mediators[m].confidential)
      f = Math.min(f, cp.mediatedInferenceFactor);
  return f;
}

/**
 * exp(x) for a logit weight against the closed posture's 1. Below −37 the weight is under 2^−53,
 * so adding it to any partial sum ≥ 1 changes nothing: 0 gives the same bits without the exp.
 */
const logitWeight = (x: number): number => (x < -37 ? 0 : fastExp(clampX(x)));

/** Logit weights of the secret, mediated and public channels (scratch, reused every run). */
const weights = new Float64Array(3);

function step(s: State): void {
  const c = s.c;
  const cp = c.params.conversation;
  const on = cp.enabled;
  const beta = cp.choiceSensitivity;
  const lambdaExcess = cp.talkLikelihoodRatio - 1;
  const kappa = cp.strengthDecay;
  const decayStep = Math.exp(-kappa);
  const secretOpen = c.params.backChannel.enabled && s.t >= c.secretFrom;
  const psi = c.params.backChannel.leakDuplicity;
  const mediationOn = c.params.mediation.enabled;
  // per-month constants of audienceWeight and escalationHeadroom, inlined below (the calls cost
  // the bench 15–30%); test/engine/inlinedCopies.test.ts holds the copies bit-identical
  const dom = c.params.domestic;
  const hawkAudience = dom.hawkishPublicAudience;
  const capFromAid = c.params.support.enabled ? c.params.support.capacityFromAid : 0;
  const { active, belief, reservation, enemyReservationStrong, enemyReservationWeak } = s;
  const { commitmentGap, readiness, carrotTalks, strength, capacity, reserves, aid, talks } = s;
  const played = s.decisions;
  for (let a = 0; a < s.nActive; a++) {
    const r = active[a];
    const current = talks[r];
    const mediatedOpen =
      mediationOn && (s.accepted[2 * r] & s.accepted[2 * r + 1] & s.mediatorsPresent[r]) !== 0;
    const mMed = mediatedOpen ? mediatedFactor(s, r) : 1;
    let choiceA = 0,
      choiceB = 0,
      decayA = 0,
      decayB = 0;
    for (let p = 0; p < 2; p++) {
      const i = 2 * r + p,
        j = 2 * r + 1 - p;
      const mu = belief[i];
      const ri = reservation[i];
      const surplus =
        0.5 *
        (mu * Math.max(0, 1 - ri - enemyReservationStrong[i]) +
          (1 - mu) * Math.max(0, 1 - ri - enemyReservationWeak[i]));
      // a side facing a commitment problem expects no deal to hold, so talks promise it nothing
      const dealValue = commitmentGap[i] > 0 ? 0 : cp.talkValueWeight * readiness[i] * surplus;
      const benefit = dealValue + carrotTalks[i];
      let ac0 = 0,
        eEff = 0,
        gain = 0;
      if (on) {
        // audienceWeight(s, i, Channel.public)
        let aw = s.audience[i] * s.audienceMultiplier[i] * (1 - s.supportForConcessions[i]);
        if (dom.enabled) aw *= Math.max(0, 1 + hawkAudience * (s.support[i] - 0.5));
        ac0 = aw * s.hawkishness[i] * (1 - s.supportForTalks[i]);
        // escalationHeadroom(s, j)
        const headroom = capacity[j] * (0.5 + 0.5 * reserves[j]) + capFromAid * aid[j];
        eEff = Math.min(1, headroom / cp.capacityNorm);
        gain = s.enemyGain[i];
      }
      const patron = s.patronOpposesTalks[i] ? cp.patronDisapprovalCost * Math.min(1, aid[i]) : 0;
      const leakCost = s.secretHazard[r] * (1 + psi) * ac0;
      // utilities of the three channels (−Infinity when unavailable)
      let uPub: number,
        uSec: number,
        uMed: number,
        uPubPlus: number,
        uSecPlus: number,
        uMedPlus: number;
      // e^{−κ·Str} once per side; one more unit of strength multiplies it by e^{−κ}
      const pi = 1 - belief[j];
      const decay = on ? fastExp(-kappa * strength[i]) : 0;
      if (p === 0) decayA = decay;
      else decayB = decay;
      const decayPlus = decay * decayStep;
      const iPub = on ? inferenceFromDecay(pi, lambdaExcess, decay, 1) : 0;
      if (current !== 0) {
        // in talks: no new inference; continue or walk out
        const acNow =
          current === Channel.secret
            ? ac0 * cp.secretAudienceFactor
            : current === Channel.mediated
              ? ac0 * cp.mediatedAudienceFactor
              : ac0;
        const u =
          benefit -
          acNow -
          patron -
          (current === Channel.secret && !s.leaked[r] ? leakCost : 0) +
          cp.talksInertia;
        uPub = uSec = uMed = -Infinity;
        if (current === Channel.public) uPub = u;
        else if (current === Channel.secret) uSec = u;
        else uMed = u;
        uPubPlus = uPub;
        uSecPlus = uSec;
        uMedPlus = uMed;
      } else {
        const base = benefit - patron;
        const scPub = eEff * gain * iPub;
        uPub = base - scPub - ac0;
        uPubPlus =
          base - eEff * gain * (on ? inferenceFromDecay(pi, lambdaExcess, decayPlus, 1) : 0) - ac0;
        // secret and mediated utilities as if available (exploratory contact, contact.ts, can
        // use an undeclared channel or an unnamed third party); the posture needs availability
        const mSec = cp.secretInferenceFactor;
        // a declared channel's leak risk counts once it is open (undeclared contact: none modelled)
        const uSecAny =
          base -
          eEff * gain * (on ? inferenceFromDecay(pi, lambdaExcess, decay, mSec) : 0) -
          ac0 * cp.secretAudienceFactor -
          (secretOpen ? leakCost : 0);
        const uMedAny =
          base -
          eEff *
            gain *
            (on
              ? inferenceFromDecay(
                  pi,
                  lambdaExcess,
                  decay,
                  mediatedOpen ? mMed : cp.publicMediatedInferenceFactor,
                )
              : 0) -
          ac0 * cp.mediatedAudienceFactor;
        s.channelUtility[3 * i] = uSecAny;
        s.channelUtility[3 * i + 1] = uMedAny;
        s.channelUtility[3 * i + 2] = uPub;
        if (secretOpen) {
          uSec = uSecAny;
          uSecPlus =
            base -
            eEff * gain * (on ? inferenceFromDecay(pi, lambdaExcess, decayPlus, mSec) : 0) -
            ac0 * cp.secretAudienceFactor -
            leakCost;
        } else uSec = uSecPlus = -Infinity;
        if (mediatedOpen) {
          uMed = uMedAny;
          uMedPlus =
            base -
            eEff * gain * (on ? inferenceFromDecay(pi, lambdaExcess, decayPlus, mMed) : 0) -
            ac0 * cp.mediatedAudienceFactor;
        } else uMed = uMedPlus = -Infinity;
      }
      s.inference[i] = iPub;
      s.capacityEffective[i] = eEff;
      s.conversationCost[i] = eEff * gain * iPub;
      s.talkAudienceCost[i] = ac0;
      s.talkBenefit[i] = benefit;
      s.bestUtility[i] = Math.max(uPub, uSec, uMed);
      s.lookAheadUtility[i] = Math.max(uPubPlus, uSecPlus, uMedPlus);
      // logit choice against the closed posture (utility 0)
      // (one call site in a loop, so that V8 inlines the exp instead of boxing three results)
      for (let ch = 0; ch < 3; ch++) {
        const uc = ch === 0 ? uSec : ch === 1 ? uMed : uPub;
        weights[ch] = uc === -Infinity ? 0 : logitWeight(beta * uc);
      }
      const eSec = weights[0],
        eMed = weights[1],
        ePub = weights[2];
      const total = 1 + ePub + eSec + eMed;
      const u = s.rng.next(r, Stream.posture) * total;
      let choice: number =
        u < 1
          ? Channel.closed
          : u < 1 + eSec
            ? Channel.secret
            : u < 1 + eSec + eMed
              ? Channel.mediated
              : Channel.public;
      if (played !== null && played.posture[p] >= 0)
        choice = playedPosture(s, i, current, played.posture[p]);
      s.posture[i] = choice;
      if (p === 0) choiceA = choice;
      else choiceB = choice;
    }
    if (current !== 0) {
      if (choiceA === 0 || choiceB === 0) talks[r] = 0; // breakdown
      continue;
    }
    // openings are observed by the enemy whether or not talks follow (the cost of conversation)
    if (on) {
      if (choiceA !== 0)
        belief[2 * r + 1] = beliefAfterOpening(
          belief[2 * r + 1],
          lambdaExcess,
          decayA,
          channelFactor(s, choiceA, mMed),
        );
      if (choiceB !== 0)
        belief[2 * r] = beliefAfterOpening(
          belief[2 * r],
          lambdaExcess,
          decayB,
          channelFactor(s, choiceB, mMed),
        );
    }
    // talks open through contact.ts, whose hazard weighs these utilities against history's pace
  }
}

/** A utility far beyond the ±50 at which contact.ts clamps its weights: "surely" / "never". */
const PLAYED_UTILITY = 1e6;

/**
 * A played side's posture (exercise mode). In talks any open posture means staying on the current
 * channel. Out of talks, contact (contact.ts) weighs the more reluctant side's channel
 * utilities: a played "no" closes every channel, a played "yes" on a channel leaves the enemy's
 * willingness and history's pace to decide whether contact opens on it.
 */
function playedPosture(s: State, i: number, current: number, chosen: number): number {
  if (current !== 0) return chosen === Channel.closed ? Channel.closed : current;
  for (let k = 0; k < 3; k++)
    s.channelUtility[3 * i + k] = chosen === k + 1 ? PLAYED_UTILITY : -PLAYED_UTILITY;
  return chosen;
}

function channelFactor(s: State, ch: number, mMed: number): number {
  const cp = s.c.params.conversation;
  return ch === Channel.secret ? cp.secretInferenceFactor : ch === Channel.mediated ? mMed : 1;
}

/** Keeps exp() finite for extreme utilities. */
const clampX = (x: number): number => (x > 50 ? 50 : x < -50 ? -50 : x);

export const conversation: Mechanism = {
  id: 'conversation',
  fields,
  params: 'conversation',
  observedAfter: true,
  source:
    'Mastro 2019; Kurizaki 2007; Tomz 2007; Hörner, Morelli & Squintani 2015; forms are design choices',
  reads: [
    'accepted',
    'aid',
    'audience',
    'audienceMultiplier',
    'capacity',
    'carrotTalks',
    'commitmentGap',
    'enemyGain',
    'enemyReservationStrong',
    'enemyReservationWeak',
    'hawkishness',
    'leaked',
    'mediatorsPresent',
    'patronOpposesTalks',
    'readiness',
    'reservation',
    'reserves',
    'secretHazard',
    'strength',
    'support',
    'supportForConcessions',
    'supportForTalks',
  ],
  writes: [
    'belief',
    'bestUtility',
    'capacityEffective',
    'channelUtility',
    'conversationCost',
    'inference',
    'lookAheadUtility',
    'posture',
    'talkAudienceCost',
    'talkBenefit',
    'talks',
  ],
  step,
};
