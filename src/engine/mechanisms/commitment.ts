/**
 * Commitment problems from shifting power. A side whose chance of winning is expected to fall
 * over the next h months (its outside aid waning; its own disarmament under a deal) cannot trust
 * a deal struck now to hold once it is weaker, and prefers to fight while it can:
 *   CP_i = δ^h·Δp_i·(1 − g_i) − (1 − δ^h)·(1 − p_i + c_i·h)    (blocks agreement when > 0)
 * where Δp_i is the anticipated fall in i's chance of winning (aid waning at its known rate,
 * plus its demobilisation shift) and g_i the guarantee third parties give: a mediator's
 * enforcement, plus a mediator biased toward the rising side, which can deliver that side.
 * Source: Powell (2006, IO); Walter (1997, IO) for demobilisation and guarantees; Svensson (2007)
 * for biased mediators as guarantors. Deviations: (1) the period is h months (default 12), not
 * one month, so that only shifts of several points bind; (2) scheduled future aid decisions are
 * not anticipated, only the waning rate.
 * Switched off: no side is ever blocked by a commitment problem.
 */
import type { Mechanism } from './mechanism.ts';
import type { State } from '../state.ts';
import { lookup } from '../gamblersRuin.ts';
import { effectiveCost, strengthOf } from '../strength.ts';

/** Projected aid after the look-ahead, as a multiple of today's, for sides A and B of the run at hand. */
const aidScale = new Float64Array(2);
/** Strengths at normal effort of the run at hand: A weak, A strong, B weak, B strong. */
const strengthByType = new Float64Array(4);

/** Side p's aid after h months of waning at each line's known rate, over its aid today (1: none). */
function projectedAidScale(s: State, r: number, p: number): number {
  const lines = s.c.lines;
  const base = r * Math.max(1, lines.length);
  let now = 0,
    later = 0;
  for (let l = 0; l < lines.length; l++) {
    if (lines[l].party !== p) continue;
    now += s.lineAid[base + l];
    later += s.lineAid[base + l] * s.lineDecayAhead[base + l];
  }
  return now > 0 ? later / now : 1;
}

/**
 * Side p's chance of winning over its belief about the enemy's type, with A's and B's strengths
 * scaled by fA and fB (1, 1: today).
 */
function expectedWin(s: State, r: number, p: number, fA: number, fB: number): number {
  const c = s.c;
  const k = s.front[r];
  const aS = strengthByType[1],
    aW = strengthByType[0],
    bS = strengthByType[3],
    bW = strengthByType[2];
  const mu = s.belief[2 * r + p];
  if (p === 0) {
    const aT = s.strong[2 * r] ? aS : aW;
    return mu * winAt(c, k, aT * fA, bS * fB) + (1 - mu) * winAt(c, k, aT * fA, bW * fB);
  }
  const bT = s.strong[2 * r + 1] ? bS : bW;
  return 1 - (mu * winAt(c, k, aS * fA, bT * fB) + (1 - mu) * winAt(c, k, aW * fA, bT * fB));
}

/**
 * The fall in side p's chance of winning that the waning of both sides' aid foretells: the
 * strength multiplier of the projected aid is (1 + η·aid·scale)/(1 + η·aid).
 */
function aidShift(s: State, r: number, p: number): number {
  const eta = s.c.params.battle.aidBoost;
  const aidA = s.aid[2 * r],
    aidB = s.aid[2 * r + 1];
  const fA = (1 + eta * aidA * aidScale[0]) / (1 + eta * aidA),
    fB = (1 + eta * aidB * aidScale[1]) / (1 + eta * aidB);
  return expectedWin(s, r, p, 1, 1) - expectedWin(s, r, p, fA, fB);
}

/** CP_i = δ^h·max(0, Δp_i)·(1 − g_i) − (1 − δ^h)·(1 − p_i + c_i·h): blocks agreement when > 0. */
const commitmentGap = (
  dh: number,
  shift: number,
  g: number,
  pWin: number,
  cost: number,
  h: number,
) => dh * Math.max(0, shift) * (1 - g) - (1 - dh) * (1 - pWin + cost * h);

/** Fills aidScale and, when either side's aid is set to change, strengthByType; says which. */
function projectAid(s: State, r: number): boolean {
  aidScale[0] = projectedAidScale(s, r, 0);
  aidScale[1] = projectedAidScale(s, r, 1);
  if (aidScale[0] === 1 && aidScale[1] === 1) return false;
  for (let k = 0; k < 4; k++) strengthByType[k] = strengthOf(s, 2 * r + (k >> 1), k & 1, 0);
  return true;
}

function step(s: State): void {
  const cp = s.c.params.commitment;
  const h = cp.lookAheadMonths;
  const dh = cp.monthlyDiscount ** h; // δ^h
  for (let a = 0; a < s.nActive; a++) {
    const r = s.active[a];
    if (!cp.enabled) {
      // switched off: no side is ever blocked
      s.commitmentGap[2 * r] = s.commitmentGap[2 * r + 1] = -1;
      continue;
    }
    const aidChanges = projectAid(s, r);
    for (let p = 0; p < 2; p++) {
      const i = 2 * r + p;
      const shift = (aidChanges ? aidShift(s, r, p) : 0) + s.demobilisation[i];
      const g = guaranteeFor(s, r, p);
      s.commitmentGap[i] = commitmentGap(dh, shift, g, s.pWin[i], effectiveCost(s, i), h);
    }
  }
}

/** A's chance of final victory at front k for strengths sa, sb. */
const winAt = (c: State['c'], k: number, sa: number, sb: number): number =>
  lookup(c.ruin.winA, c.K + 1, sa / (sa + sb), k);

/**
 * Guarantee available to side p (0 = A): the strongest enforcement among mediators both sides
 * accepted, plus the delivery guarantee of a mediator biased toward p's enemy (Svensson 2007).
 */
export function guaranteeFor(s: State, r: number, p: number): number {
  const both = s.accepted[2 * r] & s.accepted[2 * r + 1] & s.mediatorsPresent[r];
  if (both === 0) return 0;
  const M = Math.max(1, s.c.mediators.length);
  const biased = s.c.params.mediation.biasedGuarantee;
  let g = 0;
  for (let m = 0; m < s.c.mediators.length; m++) {
    if (!(both & (1 << m))) continue;
    const k = r * M + m;
    const biasTowardEnemy = p === 0 ? -s.mediatorBias[k] : s.mediatorBias[k];
    const gm = s.mediatorGuarantee[k] + (biasTowardEnemy > 0 ? biased * biasTowardEnemy : 0);
    if (gm > g) g = gm;
  }
  return g > 1 ? 1 : g;
}

export const commitment: Mechanism = {
  id: 'commitment',
  params: 'commitment',
  source: 'Powell 2006; Walter 1997; Svensson 2007',
  reads: [
    'accepted',
    'advantage',
    'aid',
    'baseStrength',
    'belief',
    'cost',
    'demobilisation',
    'democracy',
    'front',
    'lineAid',
    'lineDecayAhead',
    'mediatorBias',
    'mediatorGuarantee',
    'mediatorsPresent',
    'pWin',
    'strong',
  ],
  writes: ['commitmentGap'],
  step,
};
