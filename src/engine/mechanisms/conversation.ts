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
import { Channel, type State } from '../state.ts';
import { Stream } from '../rng.ts';
import { fastExp } from '../fastMath.ts';
import { audienceWeight, escalationHeadroom } from '../strength.ts';

/** Inference a side's opening would cause: I = π' − π for channel factor m at strength Str. */
export function adverseInference(
  s: State,
  i: number,
  j: number,
  m: number,
  extraStrength = 0,
): number {
  const cp = s.c.params.conversation;
  const decay = fastExp(-cp.strengthDecay * (s.strength[i] + extraStrength));
  return inferenceFromDecay(1 - s.belief[j], cp.talkLikelihoodRatio - 1, decay, m);
}

/**
 * I = π' − π from the opener's strength decay e^{−κ·Str} (computed once per side: one more unit
 * of strength multiplies it by e^{−κ}). Also mediation's acceptance cost. The hot loop calls its
 * two parts directly: V8 inlines functions this small (< 27 bytes of bytecode) at every call,
 * whatever else the caller has inlined; a call it does not inline boxes its doubles.
 */
export const inferenceFromDecay = (pi: number, lambdaExcess: number, decay: number, m: number) =>
  inferenceAt(pi, likelihoodRatio(lambdaExcess, decay, m));

/** λ = 1 + (λ₀ − 1)·e^{−κ·Str}·m: how much likelier an opening is from the weak type. */
export const likelihoodRatio = (lambdaExcess: number, decay: number, m: number): number =>
  1 + lambdaExcess * decay * m;

/** π' − π: the enemy's belief that the opener is weak, after and before (Bayes with ratio λ). */
export function inferenceAt(pi: number, lambda: number): number {
  const odds = pi * lambda;
  return odds / (odds + 1 - pi) - pi;
}

/** Enemy belief μ after observing an opening with channel factor m, from the opener's e^{−κ·Str}. */
const beliefAfterOpening = (mu: number, lambdaExcess: number, decay: number, m: number): number =>
  mu / (mu + (1 - mu) * likelihoodRatio(lambdaExcess, decay, m));

/**
 * Weight of the inference in the strategic cost SC = min(1, E_j/Ē)·ΔP_j·I: how much the enemy j
 * can do with it (its headroom to escalate, capped) times what it gains by taking i for weak.
 */
export function strategicWeight(s: State, i: number, j: number): number {
  return capacityEffective(s, j) * s.enemyGain[i];
}

/** min(1, E_j/Ē): the enemy's escalation headroom as it weighs on the side facing it. */
const capacityEffective = (s: State, j: number): number =>
  Math.min(1, escalationHeadroom(s, j) / s.c.params.conversation.capacityNorm);

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

/** Whether a mediated channel is open to run r: mediation on and a mediator both sides accepted. */
const mediatedOpenTo = (s: State, r: number): boolean =>
  s.c.params.mediation.enabled &&
  (s.accepted[2 * r] & s.accepted[2 * r + 1] & s.mediatorsPresent[r]) !== 0;

/**
 * B: what side i expects from talking, readiness × the expected surplus of a deal over both
 * enemy types, plus carrots paid for talking; nothing from a deal a commitment problem blocks.
 */
function talkBenefit(s: State, i: number): number {
  const mu = s.belief[i];
  const ri = s.reservation[i];
  const surplus =
    0.5 *
    (mu * Math.max(0, 1 - ri - s.enemyReservationStrong[i]) +
      (1 - mu) * Math.max(0, 1 - ri - s.enemyReservationWeak[i]));
  const dealValue =
    s.commitmentGap[i] > 0 ? 0 : s.c.params.conversation.talkValueWeight * s.readiness[i] * surplus;
  return dealValue + s.carrotTalks[i];
}

/** AC on the public channel: hawks at home punish being seen to talk, unless the public wants talks. */
const publicAudienceCost = (s: State, i: number): number =>
  audienceWeight(s, i, Channel.public) * s.hawkishness[i] * (1 - s.supportForTalks[i]);

/** A patron that opposes talks charges a client in proportion to the aid it would lose. */
const patronCost = (s: State, i: number): number =>
  s.patronOpposesTalks[i]
    ? s.c.params.conversation.patronDisapprovalCost * Math.min(1, s.aid[i])
    : 0;

/** U = B − patron − SC − AC − leak (B − patron passed as `base`; zero terms change no bit). */
const openingUtility = (base: number, sc: number, ac: number, leak: number): number =>
  base - sc - ac - leak;

/**
 * Per side, the month's utilities (scratch, reused every run): secret, mediated and public now,
 * then the same with one more unit of strength (effort.ts's look-ahead); −∞: unavailable.
 */
const utility = new Float64Array(6);
/** e^{−κ·Str} of sides A and B this month (their openings are observed with it). */
const decayOf = new Float64Array(2);
/**
 * The run at hand's mediated-channel factor (mediatedFactor, 1 when none is open), and the
 * month's e^{−κ}. Helpers take indices and read doubles here, not as arguments: a call V8 does
 * not inline would box a double argument or result (an allocation per run-month).
 */
const run = new Float64Array(2);
const MEDIATED_FACTOR = 0,
  DECAY_STEP = 1;
/** Logit weights of the secret, mediated and public channels (scratch, reused every run). */
const weights = new Float64Array(3);

/** Expected cost of a declared secret channel leaking: hazard × (1 + duplicity) × public AC. */
const leakCost = (s: State, r: number, ac0: number): number =>
  s.secretHazard[r] * (1 + s.c.params.backChannel.leakDuplicity) * ac0;

/**
 * Side i's terms and utilities this month. The terms (B, the public AC, min(1, E_j/Ē), I and SC
 * of a public opening) are kept for the "why" panel. In talks on `current` there is no new
 * inference: the side weighs staying (with inertia) against walking out, and only the current
 * channel is open. Out of talks each channel's U = B − patron − SC − AC − leak, now and with one
 * more unit of strength; secret and mediated are also stored as if available (exploratory
 * contact, contact.ts, can use an undeclared channel or an unnamed third party; a declared
 * channel's leak risk counts once it is open); the posture needs availability.
 */
function sideUtilities(
  s: State,
  r: number,
  p: number,
  current: number,
  mediatedOpen: boolean,
): void {
  const c = s.c;
  const cp = c.params.conversation;
  const on = cp.enabled;
  const i = 2 * r + p,
    j = 2 * r + 1 - p;
  const benefit = talkBenefit(s, i);
  const ac0 = on ? publicAudienceCost(s, i) : 0;
  const eEff = on ? capacityEffective(s, j) : 0;
  const decay = on ? fastExp(-cp.strengthDecay * s.strength[i]) : 0;
  decayOf[p] = decay;
  const lambdaExcess = cp.talkLikelihoodRatio - 1;
  const pi = 1 - s.belief[j];
  const iPub = on ? inferenceAt(pi, likelihoodRatio(lambdaExcess, decay, 1)) : 0;
  const weight = on ? eEff * s.enemyGain[i] : 0;
  s.talkBenefit[i] = benefit;
  s.talkAudienceCost[i] = ac0;
  s.capacityEffective[i] = eEff;
  s.inference[i] = iPub;
  s.conversationCost[i] = weight * iPub;
  const patron = patronCost(s, i);
  if (current !== 0) {
    const acNow =
      current === Channel.secret
        ? ac0 * cp.secretAudienceFactor
        : current === Channel.mediated
          ? ac0 * cp.mediatedAudienceFactor
          : ac0;
    const leak = current === Channel.secret && !s.leaked[r] ? leakCost(s, r, ac0) : 0;
    const u = benefit - acNow - patron - leak + cp.talksInertia;
    for (let k = 0; k < 3; k++) utility[k] = utility[k + 3] = k + 1 === current ? u : -Infinity;
    return;
  }
  const secretOpen = c.params.backChannel.enabled && s.t >= c.secretFrom;
  const decayPlus = decay * run[DECAY_STEP];
  const acSec = ac0 * cp.secretAudienceFactor,
    acMed = ac0 * cp.mediatedAudienceFactor;
  const leak = leakCost(s, r, ac0);
  const base = benefit - patron;
  const mSec = cp.secretInferenceFactor;
  const mMed = run[MEDIATED_FACTOR];
  const iSec = on ? inferenceAt(pi, likelihoodRatio(lambdaExcess, decay, mSec)) : 0;
  const mMedAny = mediatedOpen ? mMed : cp.publicMediatedInferenceFactor;
  const iMed = on ? inferenceAt(pi, likelihoodRatio(lambdaExcess, decay, mMedAny)) : 0;
  const uSecAny = openingUtility(base, weight * iSec, acSec, secretOpen ? leak : 0);
  const uMedAny = openingUtility(base, weight * iMed, acMed, 0);
  const uPub = openingUtility(base, weight * iPub, ac0, 0);
  s.channelUtility[3 * i] = uSecAny;
  s.channelUtility[3 * i + 1] = uMedAny;
  s.channelUtility[3 * i + 2] = uPub;
  utility[0] = secretOpen ? uSecAny : -Infinity;
  utility[1] = mediatedOpen ? uMedAny : -Infinity;
  utility[2] = uPub;
  // the same with one more unit of strength (effort.ts's look-ahead)
  let plus = 0;
  if (secretOpen) {
    plus = on ? inferenceAt(pi, likelihoodRatio(lambdaExcess, decayPlus, mSec)) : 0;
    utility[3] = openingUtility(base, weight * plus, acSec, leak);
  } else utility[3] = -Infinity;
  if (mediatedOpen) {
    plus = on ? inferenceAt(pi, likelihoodRatio(lambdaExcess, decayPlus, mMed)) : 0;
    utility[4] = openingUtility(base, weight * plus, acMed, 0);
  } else utility[4] = -Infinity;
  plus = on ? inferenceAt(pi, likelihoodRatio(lambdaExcess, decayPlus, 1)) : 0;
  utility[5] = openingUtility(base, weight * plus, ac0, 0);
}

/**
 * Logit choice among closed (utility 0) and the three channels' utilities; a played side's
 * posture (exercise mode) replaces the draw, which is made anyway so that streams never shift.
 */
function choosePosture(s: State, i: number, r: number, p: number, current: number): number {
  const beta = s.c.params.conversation.choiceSensitivity;
  // one call site in a loop, so that V8 inlines the exp instead of boxing three results
  for (let ch = 0; ch < 3; ch++) {
    const uc = utility[ch];
    weights[ch] = uc === -Infinity ? 0 : logitWeight(beta * uc);
  }
  const eSec = weights[0],
    eMed = weights[1],
    ePub = weights[2];
  const total = 1 + ePub + eSec + eMed;
  const u = s.rng.next(r, Stream.posture) * total;
  const choice: number =
    u < 1
      ? Channel.closed
      : u < 1 + eSec
        ? Channel.secret
        : u < 1 + eSec + eMed
          ? Channel.mediated
          : Channel.public;
  const played = s.decisions;
  if (played !== null && played.posture[p] >= 0)
    return playedPosture(s, i, current, played.posture[p]);
  return choice;
}

/**
 * The enemy j observes side i's opening on `choice` whether or not talks follow (the cost of
 * conversation is real, not only expected): its belief that i is strong moves by λ.
 */
function observeOpening(s: State, i: number, j: number, choice: number): void {
  const cp = s.c.params.conversation;
  s.belief[j] = beliefAfterOpening(
    s.belief[j],
    cp.talkLikelihoodRatio - 1,
    decayOf[i & 1],
    channelFactor(s, choice, run[MEDIATED_FACTOR]),
  );
}

/**
 * exp(x) for a logit weight against the closed posture's 1. Below −37 the weight is under 2^−53,
 * so adding it to any partial sum ≥ 1 changes nothing: 0 gives the same bits without the exp.
 */
const logitWeight = (x: number): number => (x < -37 ? 0 : fastExp(clampX(x)));

function step(s: State): void {
  const on = s.c.params.conversation.enabled;
  run[DECAY_STEP] = Math.exp(-s.c.params.conversation.strengthDecay);
  const { active, talks } = s;
  for (let a = 0; a < s.nActive; a++) {
    const r = active[a];
    const current = talks[r];
    const mediatedOpen = mediatedOpenTo(s, r);
    run[MEDIATED_FACTOR] = mediatedOpen ? mediatedFactor(s, r) : 1;
    for (let p = 0; p < 2; p++) {
      const i = 2 * r + p;
      sideUtilities(s, r, p, current, mediatedOpen);
      s.bestUtility[i] = Math.max(utility[0], utility[1], utility[2]);
      s.lookAheadUtility[i] = Math.max(utility[3], utility[4], utility[5]);
      s.posture[i] = choosePosture(s, i, r, p, current);
    }
    const choiceA = s.posture[2 * r],
      choiceB = s.posture[2 * r + 1];
    if (current !== 0) {
      if (choiceA === 0 || choiceB === 0) talks[r] = 0; // breakdown
    } else if (on) {
      if (choiceA !== 0) observeOpening(s, 2 * r, 2 * r + 1, choiceA);
      if (choiceB !== 0) observeOpening(s, 2 * r + 1, 2 * r, choiceB);
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
