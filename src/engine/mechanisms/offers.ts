/**
 * Offers while talks are open. Each month one proposal is made: by the lead mediator if it
 * formulates or manipulates, otherwise by the sides in turn (A in even months).
 * - A side proposes the offer that maximises its expected share given its beliefs about the
 *   enemy's type: either an offer only a weak enemy accepts (screening) or one both types accept,
 *   never less than its own reservation (Powell 2004; Slantchev 2003; Fearon 1995).
 * - A mediator proposes the midpoint of the two reservations (a formulation; a design choice, docs/model.md).
 * - The responder accepts with probability σ((offer − reservation)/ε) (quantal response; ε grows
 *   with the number of mediators, Beardsley 2011), unless a commitment problem blocks it or
 *   the proposer (commitment.ts).
 * - A rejected offer teaches the proposer: types that would have accepted become less likely
 *   (screening by offers, Powell 2004; "negotiation behaviour is informative", Slantchev 2003).
 * - Without a deal, talks yield a bare ceasefire with probability
 *   ceasefireRate·exp(κ_s·(S − ½)), S = √(MHS_A·MHS_B): a rate anchored to history (calibrated on
 *   UCDP endings) moved by the mutually hurting stalemate (Zartman 2000: the way out a ceasefire
 *   needs is the halt itself, not agreed terms), plus more under third-party pressure (a pressured
 *   ceasefire: Werner & Yuen 2005). A commitment problem blocks settlements but not ceasefires: wars whose issues
 *   cannot be settled are the ones that end in ceasefires and frozen conflicts (Fortna 2004).
 * Switched off (bargaining.enabled = false): no offers and no ceasefires; wars end by force or collapse.
 */
import type { Mechanism } from './mechanism.ts';
import type { State } from '../state.ts';
import { Outcome } from '../codes.ts';
import { Stream } from '../rng.ts';
import { fastExp, fastSigmoid as sigmoid } from '../fastMath.ts';
import { endWar } from './termination.ts';
import type { Decisions } from '../decisions.ts';
import { field, type FieldsOf } from '../fields.ts';

const fields = {
  /** A's share at settlement */
  terms: field(Float64Array, 'run', NaN),
  /** how far the settled terms fall below each side's war value, summed */
  artificialGap: field(Float64Array, 'run'),
  /** carrots and sticks used on the way to the end (durability weighs them) */
  leverageUsed: field(Float64Array, 'run'),
};
declare module '../state.ts' {
  interface State extends FieldsOf<typeof fields> {}
}

function step(s: State): void {
  const bp = s.c.params.bargaining;
  if (!bp.enabled) return;
  const meds = s.c.mediators;
  const played = s.decisions;
  for (let a = 0; a < s.nActive; a++) {
    const r = s.active[a];
    const u1 = s.rng.next(r, Stream.talks);
    const u2 = s.rng.next(r, Stream.talks);
    if (s.talks[r] === 0) continue;
    const iA = 2 * r,
      iB = iA + 1;
    const both = s.accepted[iA] & s.accepted[iB] & s.mediatorsPresent[r];
    const nMed = popcount(both);
    const noise = bp.acceptanceNoise * (1 + bp.multipleMediatorNoise * Math.max(0, nMed - 1));
    let blockedA = s.commitmentGap[iA] > 0,
      blockedB = s.commitmentGap[iB] > 0;
    const lead = both === 0 ? -1 : 31 - Math.clz32(both & -both);
    const rA = s.reservation[iA],
      rB = s.reservation[iB];
    let accepted = false;
    let termsA = 0.5;
    // a played side (exercise mode) answers by its least acceptable share and judges for itself
    // whether a deal would hold; a played mediator proposes whatever its style
    let proposal = NaN;
    if (played !== null) {
      if (!Number.isNaN(played.leastAcceptable[0])) blockedA = false;
      if (!Number.isNaN(played.leastAcceptable[1])) blockedB = false;
      if (lead >= 0) proposal = played.mediatorProposal[lead];
    }
    if (lead >= 0 && (meds[lead].style !== 0 || !Number.isNaN(proposal))) {
      termsA = Number.isNaN(proposal) ? (rA + 1 - rB) / 2 : proposal;
      const pAccept =
        played === null
          ? sigmoid((termsA - rA) / noise) * sigmoid((1 - termsA - rB) / noise)
          : answer(played, 0, termsA, rA, noise) * answer(played, 1, 1 - termsA, rB, noise);
      accepted = !blockedA && !blockedB && u1 < pAccept;
    } else {
      const proposerIsA = (s.t & 1) === 0;
      const i = proposerIsA ? iA : iB,
        j = proposerIsA ? iB : iA;
      const own = s.reservation[i];
      const rjS = s.enemyReservationStrong[i],
        rjW = s.enemyReservationWeak[i];
      const mu = s.belief[i];
      // candidate offers to the responder: accepted by both types, or by the weak type only
      const offerBoth = Math.min(1 - own, Math.max(rjS, rjW) + noise);
      const offerWeak = Math.min(1 - own, Math.min(rjS, rjW) + noise);
      let offer =
        offerValue(offerBoth, rjS, rjW, mu, own, noise) >=
        offerValue(offerWeak, rjS, rjW, mu, own, noise)
          ? offerBoth
          : offerWeak;
      let limit = 1 - own;
      let pAccept: number;
      if (played === null) pAccept = sigmoid((offer - s.reservation[j]) / noise);
      else {
        const demand = played.demand[proposerIsA ? 0 : 1];
        if (!Number.isNaN(demand)) offer = limit = 1 - demand;
        pAccept = answer(played, proposerIsA ? 1 : 0, offer, s.reservation[j], noise);
      }
      const blocked = blockedA || blockedB;
      accepted = !blocked && offer <= limit + 1e-12 && u1 < pAccept;
      termsA = proposerIsA ? 1 - offer : offer;
      if (!accepted && bp.screening) {
        // Bayes on the rejection: P(reject | type) = 1 − σ((offer − r_j(type))/ε)
        const rejS = 1 - sigmoid((offer - rjS) / noise),
          rejW = 1 - sigmoid((offer - rjW) / noise);
        const den = mu * rejS + (1 - mu) * rejW;
        if (den > 1e-12) s.belief[i] = (mu * rejS) / den;
      }
    }
    if (accepted) {
      s.terms[r] = termsA < 0 ? 0 : termsA > 1 ? 1 : termsA;
      s.leverageUsed[r] +=
        s.carrotAgreement[iA] + s.carrotAgreement[iB] + s.stick[iA] + s.stick[iB];
      const gapA = Math.max(0, s.warValue[iA] - s.terms[r]),
        gapB = Math.max(0, s.warValue[iB] - (1 - s.terms[r]));
      s.artificialGap[r] = gapA + gapB;
      endWar(s, r, Outcome.settlement);
      continue;
    }
    // a bare ceasefire: both hurt and neither expects to win soon, whether or not terms are in
    // reach; a commitment problem blocks a settlement, not a halt to the fighting
    const stalemate = Math.sqrt(s.mhs[iA] * s.mhs[iB]);
    const pressure = s.ceasefirePressure[r];
    const pCeasefire =
      bp.ceasefireRate *
        (s.c.postwarInterstate ? bp.postwarCeasefireFactor : 1) *
        (s.c.civilWar ? bp.civilCeasefireFactor : 1) *
        fastExp(bp.ceasefireStalemateEffect * (stalemate - 0.5)) +
      pressure * stalemate * 0.5;
    if (u2 < pCeasefire) {
      s.leverageUsed[r] += s.stick[iA] + s.stick[iB];
      endWar(s, r, Outcome.ceasefire, pressure > 0 || s.stick[iA] + s.stick[iB] > 0);
    }
  }
}

/** Chance that side p accepts a share x: by its least acceptable share if played, else quantal. */
function answer(d: Decisions, p: number, x: number, reservation: number, noise: number): number {
  const least = d.leastAcceptable[p];
  if (Number.isNaN(least)) return sigmoid((x - reservation) / noise);
  return x >= least - 1e-12 ? 1 : 0;
}

/** Proposer's expected share from offering x: accepted by each enemy type with quantal noise, else war. */
function offerValue(
  x: number,
  rjS: number,
  rjW: number,
  mu: number,
  own: number,
  noise: number,
): number {
  const pAcc = mu * sigmoid((x - rjS) / noise) + (1 - mu) * sigmoid((x - rjW) / noise);
  return pAcc * (1 - x) + (1 - pAcc) * own;
}

function popcount(x: number): number {
  let n = 0;
  while (x) {
    x &= x - 1;
    n++;
  }
  return n;
}

export const offers: Mechanism = {
  id: 'offers',
  fields,
  params: 'bargaining',
  source:
    'Fearon 1995; Powell 2004; Slantchev 2003; Werner & Yuen 2005; quantal response is a design choice',
  endsWars: true,
  reads: [
    'accepted',
    'carrotAgreement',
    'ceasefirePressure',
    'commitmentGap',
    'enemyReservationStrong',
    'enemyReservationWeak',
    'mediatorBias',
    'mediatorGuarantee',
    'mediatorsPresent',
    'mhs',
    'reservation',
    'stick',
    'warValue',
  ],
  writes: [
    'artificialGap',
    'belief',
    'endMonth',
    'guaranteeAtEnd',
    'leverageUsed',
    'outcome',
    'pressuredEnd',
    'status',
    'talks',
    'terms',
  ],
  step,
};
