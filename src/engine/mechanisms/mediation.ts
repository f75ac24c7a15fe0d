/**
 * Mediation, in three steps of the month.
 * 1. Arrival (start of month): a mediator offers its services at its scheduled month, on a
 *    scheduled entry event, or at random with monthly rate ν = ν₀·exp(θ₂·ln(1 + casualties/1000)
 *    + θ₃·ripeness) (Greig & Regan 2008: offers follow interest and costs). On arrival its carrots
 *    (e.g. reconstruction money) and sticks enter the sides' calculations.
 * 2. Acceptance (before postures): each side not yet accepting does so with
 *    logit(γ₀ + γ₁·ripeness + γ₂·bias toward it + γ₃·leverage on it − γ₄·SC of the mediated channel).
 *    Offer and acceptance are separate decisions (Greig & Regan 2008). A played mediator
 *    (exercise mode) may approach one side only: the other neither accepts nor refuses that month.
 * 3. Information (in talks): a mediator both accept observes each side's type with quality ρ and
 *    tells the other; side i weighs the message by its credibility w_i = ρ·σ(ζ·b_i), b_i the
 *    mediator's bias toward i: advice is believed from a mediator on your side (Kydd 2003), and
 *    a mediator without its own information (ρ = 0) changes nothing (Fey & Ramsay 2010).
 * Source: Greig & Regan (2008); Kydd (2003); Fey & Ramsay (2010); Beardsley (2011) for leverage;
 * the functional forms are design choices (docs/model.md).
 * Switched off: mediators never arrive.
 */
import type { Mechanism } from './mechanism.ts';
import type { State } from '../state.ts';
import { Stream } from '../rng.ts';
import { sampleUncertain } from '../sample.ts';
import { sigmoid } from '../strength.ts';
import { fastExp, fastSigmoid } from '../fastMath.ts';
import { inferenceFromDecay, strategicWeight } from './conversation.ts';
import type { Decisions } from '../decisions.ts';
import { field, type FieldsOf } from '../fields.ts';

const acceptanceFields = {
  /** bitmask of mediators this party has accepted */
  accepted: field(Int32Array, 'party'),
};
declare module '../state.ts' {
  interface State extends FieldsOf<typeof acceptanceFields> {}
}

const arrivalFields = {
  /** bitmask of the mediators present */
  mediatorsPresent: field(Int32Array, 'run'),
  /** threats of punishment on this side (sticks), summed over the mediators present */
  stick: field(Float64Array, 'party'),
  // each mediator's inputs, drawn per run (sampleMediators)
  /** mediation.informationQuality */
  mediatorQuality: field(Float64Array, 'mediator'),
  /** mediation.bias: its strength, + toward A, − toward B */
  mediatorBias: field(Float64Array, 'mediator'),
  /** mediation.guarantee */
  mediatorGuarantee: field(Float64Array, 'mediator'),
  /** mediation.arrivalRate */
  mediatorArrival: field(Float64Array, 'mediator'),
  /** Leverage each mediator brings on arrival (its carrots and sticks), per side. */
  mediatorCarrotTalks: field(Float64Array, 'mediatorParty'),
  mediatorCarrotAgreement: field(Float64Array, 'mediatorParty'),
  mediatorStick: field(Float64Array, 'mediatorParty'),
};
declare module '../state.ts' {
  interface State extends FieldsOf<typeof arrivalFields> {}
}

function arrive(s: State): void {
  const mp = s.c.params.mediation;
  if (!mp.enabled) return;
  const meds = s.c.mediators;
  const M = Math.max(1, meds.length);
  const t = s.t;
  const events = s.c.events[t];
  const played = s.decisions;
  for (let a = 0; a < s.nActive; a++) {
    const r = s.active[a];
    for (let m = 0; m < meds.length; m++) {
      const u = s.rng.next(r, Stream.mediation);
      const bit = 1 << m;
      if (s.mediatorsPresent[r] & bit) continue;
      const k = r * M + m;
      let arrives = t >= meds[m].offerMonth;
      for (let x = 0; x < events.length; x++) {
        const e = events[x];
        if (e.kind === 'mediator' && e.mediator === m) arrives = true;
      }
      if (!arrives && s.mediatorArrival[k] > 0) {
        const cas = (s.casualties[2 * r] + s.casualties[2 * r + 1]) / 1000;
        const ripe = s.readiness[2 * r] * s.readiness[2 * r + 1];
        const rate =
          s.mediatorArrival[k] *
          fastExp(mp.arrivalCasualtyWeight * Math.log1p(cas) + mp.arrivalRipenessWeight * ripe);
        arrives = u < 1 - fastExp(-rate);
      }
      // a played mediator (exercise mode) offers its services when it chooses, and puts on the
      // table the share of its means it chooses
      if (played !== null && played.mediatorOffer[m] >= 0) arrives = played.mediatorOffer[m] === 1;
      if (!arrives) continue;
      s.mediatorsPresent[r] |= bit;
      if (played !== null) {
        playedLeverage(s, played, r, m, k);
        continue;
      }
      for (let p = 0; p < 2; p++) {
        s.carrotTalks[2 * r + p] += s.mediatorCarrotTalks[2 * k + p];
        s.carrotAgreement[2 * r + p] += s.mediatorCarrotAgreement[2 * k + p];
        s.stick[2 * r + p] += s.mediatorStick[2 * k + p];
      }
    }
  }
}

/** Mediator m's carrots and sticks as chosen by its player (NaN: all of its means). */
function playedLeverage(s: State, d: Decisions, r: number, m: number, k: number): void {
  for (let p = 0; p < 2; p++) {
    const carrots = d.mediatorCarrots[2 * m + p],
      sticks = d.mediatorSticks[2 * m + p];
    const c = Number.isNaN(carrots) ? 1 : carrots,
      st = Number.isNaN(sticks) ? 1 : sticks;
    s.carrotTalks[2 * r + p] += c * s.mediatorCarrotTalks[2 * k + p];
    s.carrotAgreement[2 * r + p] += c * s.mediatorCarrotAgreement[2 * k + p];
    s.stick[2 * r + p] += st * s.mediatorStick[2 * k + p];
  }
}

function accept(s: State): void {
  const mp = s.c.params.mediation;
  if (!mp.enabled) return;
  const meds = s.c.mediators;
  const M = Math.max(1, meds.length);
  const conv = s.c.params.conversation;
  const { active, accepted, mediatorBias, mediatorCarrotTalks, mediatorCarrotAgreement } = s;
  const mediatorStick = s.mediatorStick;
  const played = s.decisions;
  for (let a = 0; a < s.nActive; a++) {
    const r = active[a];
    const present = s.mediatorsPresent[r];
    if (present === 0) continue;
    const ripe = s.readiness[2 * r] * s.readiness[2 * r + 1];
    // per side, computed on first need: the strength decay e^{−κ·Str} and the strategic weight
    // of its cost of conversation (conversation.ts: SC = strategicWeight × inferenceFromDecay)
    let decayA = NaN,
      decayB = NaN,
      weightA = 0,
      weightB = 0;
    for (let m = 0; m < meds.length; m++) {
      const bit = 1 << m;
      const k = r * M + m;
      for (let p = 0; p < 2; p++) {
        const u = s.rng.next(r, Stream.mediation);
        const i = 2 * r + p,
          j = 2 * r + 1 - p;
        // a played mediator that approaches only the other side leaves this one as it was
        if (
          played !== null &&
          played.mediatorApproach[m] >= 0 &&
          played.mediatorApproach[m] === 1 - p
        )
          continue;
        if (played !== null && played.acceptMediator[p] >= 0) {
          // a played side accepts or refuses (withdrawing an earlier acceptance) for itself
          if (present & bit)
            accepted[i] = played.acceptMediator[p] === 1 ? accepted[i] | bit : accepted[i] & ~bit;
          continue;
        }
        if (!(present & bit) || accepted[i] & bit) continue;
        const biasTowardMe = p === 0 ? mediatorBias[k] : -mediatorBias[k];
        const leverage =
          mediatorCarrotTalks[2 * k + p] +
          mediatorCarrotAgreement[2 * k + p] +
          mediatorStick[2 * k + p];
        const factor = meds[m].confidential
          ? conv.mediatedInferenceFactor
          : conv.publicMediatedInferenceFactor;
        let sc = 0;
        if (conv.enabled) {
          if ((p === 0 ? decayA : decayB) !== (p === 0 ? decayA : decayB)) {
            const decay = fastExp(-conv.strengthDecay * s.strength[i]);
            const weight = strategicWeight(s, i, j);
            if (p === 0) {
              decayA = decay;
              weightA = weight;
            } else {
              decayB = decay;
              weightB = weight;
            }
          }
          sc =
            (p === 0 ? weightA : weightB) *
            inferenceFromDecay(
              1 - s.belief[j],
              conv.talkLikelihoodRatio - 1,
              p === 0 ? decayA : decayB,
              factor,
            );
        }
        const logit =
          mp.acceptBase +
          mp.acceptRipeness * ripe +
          mp.acceptBias * biasTowardMe +
          mp.acceptLeverage * leverage -
          mp.acceptInferenceCost * sc;
        if (u < fastSigmoid(logit)) accepted[i] |= bit;
      }
    }
  }
}

function inform(s: State): void {
  const mp = s.c.params.mediation;
  if (!mp.enabled) return;
  const meds = s.c.mediators;
  const M = Math.max(1, meds.length);
  for (let a = 0; a < s.nActive; a++) {
    const r = s.active[a];
    const u1 = s.rng.next(r, Stream.mediation);
    const u2 = s.rng.next(r, Stream.mediation);
    if (s.talks[r] === 0) continue;
    const both = s.accepted[2 * r] & s.accepted[2 * r + 1] & s.mediatorsPresent[r];
    if (both === 0) continue;
    const m = 31 - Math.clz32(both & -both); // lead mediator: the first both accepted
    const k = r * M + m;
    const rho = Math.min(0.98, s.mediatorQuality[k]);
    if (rho <= 0) continue;
    for (let p = 0; p < 2; p++) {
      const i = 2 * r + p,
        j = 2 * r + 1 - p;
      const biasTowardMe = p === 0 ? s.mediatorBias[k] : -s.mediatorBias[k];
      const credibility = rho * sigmoid(mp.credibilitySharpness * biasTowardMe);
      // the mediator reports j's type, correctly with probability (1 + ρ)/2
      const correct = (p === 0 ? u1 : u2) < (1 + rho) / 2;
      const saysStrong = correct ? s.strong[j] : 1 - s.strong[j];
      const lr = Math.pow((1 + rho) / (1 - rho), credibility);
      const odds = s.belief[i] / (1 - s.belief[i] + 1e-12);
      const post = saysStrong ? odds * lr : odds / lr;
      s.belief[i] = post / (1 + post);
    }
  }
}

/**
 * Each mediator's inputs per run, mediator by mediator in the scenario's order: information
 * quality, bias (its strength signed toward the side it favours), guarantee, arrival rate, then
 * its carrots and sticks summed per side.
 */
function sampleMediators(s: State): void {
  const { c, rng, n } = s;
  const M = Math.max(1, c.mediators.length);
  for (let j = 0; j < c.mediators.length; j++) {
    const med = c.mediators[j].mediation;
    const biasToward = c.mediators[j].biasToward;
    for (let r = 0; r < n; r++) {
      const k = r * M + j;
      s.mediatorQuality[k] = sampleUncertain(rng, r, med.informationQuality, 0, 1);
      s.mediatorBias[k] = biasToward * sampleUncertain(rng, r, med.bias.strength, 0, 1);
      s.mediatorGuarantee[k] = sampleUncertain(rng, r, med.guarantee, 0, 1);
      s.mediatorArrival[k] = sampleUncertain(rng, r, med.arrivalRate, 0, 1);
      for (const carrot of med.carrots) {
        const p = carrot.to === c.partyIds[0] ? 0 : 1;
        const size = sampleUncertain(rng, r, carrot.size, 0, 1);
        if (carrot.conditionalOn === 'talks') s.mediatorCarrotTalks[2 * k + p] += size;
        else s.mediatorCarrotAgreement[2 * k + p] += size;
      }
      for (const stick of med.sticks)
        s.mediatorStick[2 * k + (stick.on === c.partyIds[0] ? 0 : 1)] += sampleUncertain(
          rng,
          r,
          stick.size,
          0,
          1,
        );
    }
  }
}

export const mediatorArrival: Mechanism = {
  id: 'mediatorArrival',
  fields: arrivalFields,
  sample: sampleMediators,
  params: 'mediation',
  source: 'Greig & Regan 2008; Beardsley 2011',
  reads: [
    'casualties',
    'mediatorArrival',
    'mediatorCarrotAgreement',
    'mediatorCarrotTalks',
    'mediatorStick',
    'readiness',
  ],
  writes: ['carrotAgreement', 'carrotTalks', 'mediatorsPresent', 'stick'],
  step: arrive,
};

export const mediatorAcceptance: Mechanism = {
  id: 'mediatorAcceptance',
  fields: acceptanceFields,
  params: 'mediation',
  source: 'Greig & Regan 2008; Kydd 2003 (bias); design choice (logit)',
  reads: [
    'aid',
    'belief',
    'capacity',
    'enemyGain',
    'mediatorBias',
    'mediatorCarrotAgreement',
    'mediatorCarrotTalks',
    'mediatorStick',
    'mediatorsPresent',
    'readiness',
    'reserves',
    'strength',
  ],
  writes: ['accepted'],
  step: accept,
};

export const mediatorInformation: Mechanism = {
  id: 'mediatorInformation',
  params: 'mediation',
  source: 'Kydd 2003; Fey & Ramsay 2010; Hörner, Morelli & Squintani 2015',
  reads: ['accepted', 'mediatorBias', 'mediatorQuality', 'mediatorsPresent', 'strong', 'talks'],
  writes: ['belief'],
  step: inform,
};
