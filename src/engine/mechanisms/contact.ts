/**
 * How talks open: exploratory contact first (talks about talks, probing, a mediator's shuttle,
 * humanitarian or prisoner exchanges, contacts kept up to learn about the enemy or to placate a
 * patron or the public). Leaders seek such contacts for reasons other than a deal ("devious
 * objectives", Richmond 1998) and keep talking while they fight (Pillar 1983), so contact needs
 * no bargaining range; a deal still does (bargainingRange.ts, offers.ts).
 *
 * Each month a war without talks under way opens them on channel k with hazard
 *   λ_k = (ω·[first month] + ΔH(τ)) · π_k · a_k · exp(β·U_k),   ΔH(τ) = ((τ+1)/s)^k_w − (τ/s)^k_w,
 *   P(contact) = 1 − exp(−Σλ_k), the channel drawn in proportion to λ_k, each run's λ multiplied by
 *   its own frailty exp(σ_c·z − σ_c²/2) (contact.frailtySpread: unobserved heterogeneity of wars,
 *   Vaupel et al. 1979; it widens the spread of waiting times as the case base shows):
 * - ω (outbreakHazard), added in a war's first month: good offices offered and notes exchanged as
 *   the war breaks out (an atom of the waiting time at 0; design choice fitted to the case base);
 * - ΔH: a discrete Weibull hazard on the contact clock τ (months since the war began, or since the
 *   last known contact: scenario `situation`), its shape k_w and scale s fitted to the time to
 *   first contact in the case base on training folds only (the anchor to history); s is the
 *   reference war's (inter-state, begun before 1990) times the factors of the war's type and
 *   era, estimated on the training fold by a Weibull regression (contactScaleMonths);
 * - π_k: the case base's shares of first contacts by channel (secret, mediated, public);
 * - a_k: availability: a declared back channel open raises the secret term (without one, secret
 *   contact goes through emissaries or intermediaries); a mediator present raises the mediated
 *   term (Greig 2005; Regan & Stam 2000: mediators make talks likelier), without one the mediated
 *   term stands for a third party the scenario does not name;
 * - U_k: the utility of talking on channel k for the more reluctant side, as conversation.ts
 *   computes it this month: the value of a deal and carrots for talking, minus the costs of
 *   conversation (adverse inference × the enemy's capacity, audience costs, a patron's
 *   disapproval, the expected cost of a leak: Mastro 2019). So the mechanisms move the pace of
 *   contact up or down around the historical anchor, and which channel comes first is an
 *   outcome: direct public contact remains possible while a mediator is present.
 * Contact then runs as talks: each later month each leader keeps it up or walks out
 * (conversation.ts), and offers may follow (offers.ts).
 * Source: Pillar 1983; Richmond 1998; Greig 2005; Regan & Stam 2000; Mastro 2019; the hazard form
 * (proportional hazards around a Weibull anchor) and the weights are design choices fitted to the
 * case base.
 * Switched off: no talks open (wars end by force, collapse or exhaustion). With back channels or
 * mediation switched off, no contact goes through that channel.
 */
import type { Mechanism } from './mechanism.ts';
import type { State } from '../state.ts';
import type { MechanismParams, Scenario } from '../../model/index.ts';
import { Channel } from '../codes.ts';
import { Stream } from '../rng.ts';
import { fastExp } from '../fastMath.ts';
import { field, type FieldsOf } from '../fields.ts';

const fields = {
  /** This run's multiplier of the contact hazard (contact.frailtySpread; 1 without spread). */
  contactFrailty: field(Float64Array, 'run'),
  /** current channel, 0 = none */
  talks: field(Uint8Array, 'run'),
  /** months the current talks have run */
  talkMonths: field(Int16Array, 'run'),
  /** bitmask of channels ever used for talks */
  everChannel: field(Uint8Array, 'run'),
  /** [4r + channel] first month talks opened (channel 0 = any); −1 never */
  firstTalk: field(Int16Array, 4, -1),
};
declare module '../state.ts' {
  interface State extends FieldsOf<typeof fields> {}
}

/** Integrated Weibull hazard over one month of the contact clock starting at τ. */
export function contactBaseline(tau: number, shape: number, scaleMonths: number): number {
  return ((tau + 1) / scaleMonths) ** shape - (tau / scaleMonths) ** shape;
}

/** exp(β·U) kept finite: utilities are shares of the stake, so ±50 is far outside their range. */
const weight = (x: number): number => fastExp(x > 50 ? 50 : x < -50 ? -50 : x);

/** The anchor this month: the integrated Weibull hazard on the contact clock (0 when switched off). */
export function contactMonthBase(s: State): number {
  const cp = s.c.params.contact;
  if (!cp.enabled) return 0;
  const tau = s.c.contactClockStart + s.t;
  const outbreak = tau === 0 && s.c.warMonthsAtStart === 0 ? cp.outbreakHazard : 0;
  return outbreak + contactBaseline(tau, cp.baselineShape, s.c.contactScaleMonths);
}

/** The first year of the post-Cold War era for contact.postColdWarScaleFactor. */
export const POST_COLD_WAR_YEAR = 1990;

/** The factors of the contact anchor's scale by war type and era (mechanisms.contact). */
export type ContactScaleFactors = Pick<
  MechanismParams['contact'],
  | 'civilScaleFactor'
  | 'internationalizedScaleFactor'
  | 'extraStateScaleFactor'
  | 'postColdWarScaleFactor'
>;

const typeFactor = (f: ContactScaleFactors, type: Scenario['type']): number =>
  type === 'civil'
    ? f.civilScaleFactor
    : type === 'internationalized-civil'
      ? f.internationalizedScaleFactor
      : type === 'extra-state'
        ? f.extraStateScaleFactor
        : 1;

const eraFactor = (f: ContactScaleFactors, warYear: number): number =>
  warYear >= POST_COLD_WAR_YEAR ? f.postColdWarScaleFactor : 1;

/**
 * How many times the reference scale a war of this type begun in this year has: the anchor by
 * war type and era, estimated from the case base (issue 18's "baseline hazards by war type"). An
 * inter-state war before 1990 is the reference; civil, internationalized and extra-state wars
 * multiply it by their factor, and wars begun in 1990 or later by postColdWarScaleFactor. The
 * contact back-test uses the same rule for its training cases.
 */
export const contactScaleFactor = (
  f: ContactScaleFactors,
  type: Scenario['type'],
  warYear: number,
): number => typeFactor(f, type) * eraFactor(f, warYear);

/** The Weibull scale of contact for a war of this type begun in this year (months). */
export const contactScaleMonths = (
  cp: MechanismParams['contact'],
  type: Scenario['type'],
  warYear: number,
): number => cp.baselineScaleMonths * typeFactor(cp, type) * eraFactor(cp, warYear);

/**
 * The month's contact hazards of run r by channel (secret, mediated, public) into `out`, and
 * their sum: base · π_k · a_k · exp(β·U_k) with U_k the more reluctant side's utility.
 */
export function contactRates(s: State, r: number, base: number, out: Float64Array): number {
  const c = s.c;
  const cp = c.params.contact;
  const beta = cp.utilitySensitivity;
  // with back channels or mediation switched off, their channel carries no contact either
  const aSecret = c.params.backChannel.enabled
    ? s.t >= c.secretFrom
      ? cp.declaredChannelFactor
      : 1
    : 0;
  const aMed = c.params.mediation.enabled
    ? s.mediatorsPresent[r] !== 0
      ? cp.mediatorFactor
      : cp.unnamedMediatorFactor
    : 0;
  const u = s.channelUtility;
  const iA = 6 * r,
    iB = iA + 3;
  base *= s.contactFrailty[r];
  out[0] = base * cp.secretWeight * aSecret * weight(beta * Math.min(u[iA], u[iB]));
  out[1] = base * cp.mediatedWeight * aMed * weight(beta * Math.min(u[iA + 1], u[iB + 1]));
  out[2] = base * cp.publicWeight * weight(beta * Math.min(u[iA + 2], u[iB + 2]));
  return out[0] + out[1] + out[2];
}

/** Contact hazards by channel (scratch, reused every run). */
const rates = new Float64Array(3);

function step(s: State): void {
  if (!s.c.params.contact.enabled) return;
  const base = contactMonthBase(s);
  const { talks } = s;
  for (let a = 0; a < s.nActive; a++) {
    const r = s.active[a];
    // two draws every month, used or not, so variants keep common random numbers
    const x = s.rng.next(r, Stream.contact);
    const y = s.rng.next(r, Stream.contact);
    if (talks[r] !== 0) continue;
    const total = contactRates(s, r, base, rates);
    if (x >= 1 - fastExp(-total)) continue;
    const z = y * total;
    const ch =
      z < rates[0] ? Channel.secret : z < rates[0] + rates[1] ? Channel.mediated : Channel.public;
    talks[r] = ch;
    s.talkMonths[r] = 0;
    s.everChannel[r] |= 1 << ch;
    if (s.firstTalk[4 * r] < 0) s.firstTalk[4 * r] = s.t;
    if (s.firstTalk[4 * r + ch] < 0) s.firstTalk[4 * r + ch] = s.t;
    // carrots for talking are paid on opening
    s.leverageUsed[r] += s.carrotTalks[2 * r] + s.carrotTalks[2 * r + 1];
    s.carrotTalks[2 * r] = s.carrotTalks[2 * r + 1] = 0;
  }
}

/** The grid of z for the frailty given months without contact: wide enough for the posterior's shift. */
const Z_MIN = -12,
  Z_STEP = 1 / 16,
  Z_POINTS = 321;

/**
 * The distribution of a war's openness z given that it has gone `h0` of anchor hazard without
 * contact (the months on the contact clock at the forecast date): prior standard normal, times
 * the chance of no contact so far, exp(−F(z)·h0) with F(z) = exp(σ·z − σ²/2). Wars that have long
 * gone without talking are the less open ones (the selection of frailty models, Vaupel et al.
 * 1979), so a war a decade without contact is not forecast to talk next month just because the
 * anchor's hazard rises with time. Returned as the cumulative distribution on a grid of z
 * (Z_MIN + i·Z_STEP). Design choice: the condition uses the anchor's cumulative hazard alone,
 * not the utilities of talking the mechanisms add, which are not known before the run starts.
 */
export function frailtyGivenNoContact(sd: number, h0: number): Float64Array {
  const logw = new Float64Array(Z_POINTS);
  let top = -Infinity;
  for (let i = 0; i < Z_POINTS; i++) {
    const z = Z_MIN + i * Z_STEP;
    logw[i] = -0.5 * z * z - Math.exp(sd * z - (sd * sd) / 2) * h0;
    if (logw[i] > top) top = logw[i];
  }
  const cdf = new Float64Array(Z_POINTS);
  let sum = 0;
  for (let i = 0; i < Z_POINTS; i++) cdf[i] = sum += Math.exp(logw[i] - top);
  for (let i = 0; i < Z_POINTS; i++) cdf[i] /= sum;
  return cdf;
}

/** z at probability u of a grid cumulative distribution (frailtyGivenNoContact), interpolated. */
export function zAt(cdf: Float64Array, u: number): number {
  let lo = 0,
    hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid] < u) lo = mid + 1;
    else hi = mid;
  }
  const below = lo > 0 ? cdf[lo - 1] : 0;
  const frac = cdf[lo] > below ? (u - below) / (cdf[lo] - below) : 0.5;
  return Z_MIN + (lo - 1 + frac) * Z_STEP + Z_STEP / 2;
}

/**
 * The anchor's cumulative hazard on the contact clock before the forecast date (0 for a war that
 * begins with the simulation or whose contact was just now): what the months without contact say
 * about the war's openness.
 */
export function hazardWithoutContact(s: State): number {
  const { c } = s;
  const cp = c.params.contact;
  const tau = c.contactClockStart;
  if (tau <= 0) return 0;
  // the outbreak month passed without contact only when the clock runs from the war's start
  const outbreak = c.warMonthsAtStart === tau ? cp.outbreakHazard : 0;
  return outbreak + (tau / c.contactScaleMonths) ** cp.baselineShape;
}

/**
 * Each run's contact multiplier exp(σ·z − σ²/2) (mean 1 at the outbreak), z on its own stream so
 * the spread changes no other draw (σ = 0 draws nothing); for a war that has gone months without
 * contact, z is drawn given that (frailtyGivenNoContact). Talks under way on the forecast date
 * (situation.talksUnderWay) are open from month 0.
 */
function sample(s: State): void {
  const { c, n } = s;
  const sd = c.params.contact.frailtySpread;
  const h0 = c.talksAtStart === 0 ? hazardWithoutContact(s) : 0;
  if (sd === 0) s.contactFrailty.fill(1, 0, n);
  else if (h0 === 0)
    for (let r = 0; r < n; r++)
      s.contactFrailty[r] = Math.exp(sd * s.rng.normal(r, Stream.contactFrailty) - (sd * sd) / 2);
  else {
    const cdf = frailtyGivenNoContact(sd, h0);
    for (let r = 0; r < n; r++)
      s.contactFrailty[r] = Math.exp(
        sd * zAt(cdf, s.rng.next(r, Stream.contactFrailty)) - (sd * sd) / 2,
      );
  }
  const ch = c.talksAtStart;
  if (ch !== 0)
    for (let r = 0; r < n; r++) {
      s.talks[r] = ch;
      s.talkMonths[r] = c.talkMonthsAtStart;
      s.everChannel[r] = 1 << ch;
      s.firstTalk[4 * r] = s.firstTalk[4 * r + ch] = 0;
    }
}

export const contact: Mechanism = {
  id: 'contact',
  fields,
  sample,
  params: 'contact',
  source:
    'Pillar 1983; Richmond 1998; Greig 2005; Regan & Stam 2000; Mastro 2019; hazard form and channel weights are design choices fitted to the case base',
  reads: ['channelUtility', 'contactFrailty', 'mediatorsPresent'],
  writes: ['carrotTalks', 'everChannel', 'firstTalk', 'leverageUsed', 'talkMonths', 'talks'],
  step,
};
