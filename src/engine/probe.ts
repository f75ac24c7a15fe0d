/**
 * Recording per-month diagnostics and the "why" explanation into the aggregate. Runs as a step
 * of the monthly loop right after the posture choice, over the runs at war, when every value
 * (beliefs, ranges, ripeness, costs of conversation) is fresh for the month.
 * Explanation rules (design choice, documented in docs/model.md): a condition holds for a leader
 * when — adverse inference: opening would move the enemy's belief by ≥ 0.1; enemy capacity: the
 * enemy's capacity to act on it is ≥ 0.5 of the norm; audience cost: the domestic cost of being
 * seen to talk exceeds the expected gain; no range: the leader sees less than even odds of a
 * bargaining range; commitment: a power shift blocks any deal. The primary blocker of a closed
 * leader is the largest of the cost terms, with the cost of conversation attributed to whichever
 * of its two factors is further above its threshold.
 */
import type { Aggregate } from './aggregate.ts';
import {
  CONDITIONS,
  DIAG_WIDTH,
  EXPLAIN_WIDTH,
  FAN_BINS,
  FAN_SERIES,
  GLOBAL_SERIES,
  PARTY_SERIES,
  PRIMARY,
  FIXED,
  fixed,
} from './aggregate.ts';
import { Channel, Effort, type State } from './state.ts';
import { contactMonthBase, contactRates } from './mechanisms/contact.ts';

const INFERENCE_THRESHOLD = 0.1;
const CAPACITY_THRESHOLD = 0.5;

const G = GLOBAL_SERIES.length;
const P = PARTY_SERIES.length;
const offset = (name: (typeof PARTY_SERIES)[number]) => G + PARTY_SERIES.indexOf(name);
const C_PWIN = offset('pWin'),
  C_MHS = offset('mhs'),
  C_WAYOUT = offset('wayOut'),
  C_READY = offset('readiness'),
  C_SC = offset('conversationCost'),
  C_INF = offset('inference'),
  C_CAP = offset('capacityEffective'),
  C_AC = offset('talkAudienceCost'),
  C_BEN = offset('talkBenefit'),
  C_SUP = offset('support'),
  C_AID = offset('aid'),
  C_CP = offset('commitmentBlocked'),
  C_ESC = offset('escalating'),
  C_POSTURE = offset('postureClosed');

export function recordMonth(s: State, agg: Aggregate, explainMonth: number): void {
  const t = s.t;
  const base = t * DIAG_WIDTH;
  const d = agg.diag;
  const fans = agg.fans;
  const fanBase = t * FAN_SERIES.length * FAN_BINS;
  recordAtWar(s, agg);
  const { active, pWin, reservation, readiness, conversationCost, talks } = s;
  // sums in locals, added to the aggregate once per month: integer sums below 2^53 are exact in
  // any order, so the bytes are the same as adding run by run
  let sGap = 0,
    sWidth = 0,
    sRipe = 0,
    nTalks = 0;
  for (let a = 0; a < s.nActive; a++) {
    const r = active[a];
    const iA = 2 * r,
      iB = iA + 1;
    const pA = pWin[iA],
      pB = 1 - pWin[iB];
    const gap = Math.abs(pA - pB);
    const width = 1 - reservation[iA] - reservation[iB];
    const ripe = readiness[iA] * readiness[iB];
    sGap += Math.round(gap * FIXED);
    sWidth += Math.round(width * FIXED);
    sRipe += Math.round(ripe * FIXED);
    if (talks[r] !== 0) nTalks++;
    // fan bins (FAN_SERIES scales 1, 1, 0.5, 0.5, 1, 1: x / scale · FAN_BINS, exactly)
    fans[fanBase + fanBin(ripe * FAN_BINS)] += 1;
    fans[fanBase + FAN_BINS + fanBin(gap * FAN_BINS)] += 1;
    fans[fanBase + 2 * FAN_BINS + fanBin(conversationCost[iA] * 2 * FAN_BINS)] += 1;
    fans[fanBase + 3 * FAN_BINS + fanBin(conversationCost[iB] * 2 * FAN_BINS)] += 1;
    fans[fanBase + 4 * FAN_BINS + fanBin(readiness[iA] * FAN_BINS)] += 1;
    fans[fanBase + 5 * FAN_BINS + fanBin(readiness[iB] * FAN_BINS)] += 1;
  }
  d[base] += sGap;
  d[base + 1] += sWidth;
  d[base + 2] += sRipe;
  d[base + 3] += nTalks;
  recordParty(s, d, base, 0);
  recordParty(s, d, base + P, 1);
  if (t === explainMonth) {
    const base = contactMonthBase(s);
    for (let a = 0; a < s.nActive; a++) {
      explainParty(s, agg, s.active[a], 0, base);
      explainParty(s, agg, s.active[a], 1, base);
    }
  }
}

/** Contact hazards by channel (scratch for the explanation). */
const contactScratch = new Float64Array(3);

/** Runs at war this month and live party-months: all that outcome curves need (no diagnostics). */
export function recordAtWar(s: State, agg: Aggregate): void {
  agg.atWar[s.t] += s.nActive;
  agg.counters[2] += 2 * s.nActive;
}

/** Per-party series of one month for party p (0 = A), summed in locals. */
function recordParty(s: State, d: Float64Array, pb: number, p: number): void {
  const { active, pWin, mhs, wayOut, readiness, conversationCost, inference } = s;
  const { capacityEffective, talkAudienceCost, talkBenefit, support, aid } = s;
  const { commitmentGap, effort, posture } = s;
  let sPWin = 0,
    sMhs = 0,
    sWayOut = 0,
    sReady = 0,
    sSc = 0,
    sInf = 0,
    sCap = 0,
    sAc = 0,
    sBen = 0,
    sSup = 0,
    sAid = 0,
    nCp = 0,
    nEsc = 0,
    nClosed = 0,
    nSecret = 0,
    nMediated = 0,
    nPublic = 0;
  for (let a = 0; a < s.nActive; a++) {
    const i = 2 * active[a] + p;
    sPWin += Math.round(pWin[i] * FIXED);
    sMhs += Math.round(mhs[i] * FIXED);
    sWayOut += Math.round(wayOut[i] * FIXED);
    sReady += Math.round(readiness[i] * FIXED);
    sSc += Math.round(conversationCost[i] * FIXED);
    sInf += Math.round(inference[i] * FIXED);
    sCap += Math.round(capacityEffective[i] * FIXED);
    sAc += Math.round(talkAudienceCost[i] * FIXED);
    sBen += Math.round(talkBenefit[i] * FIXED);
    sSup += Math.round(support[i] * FIXED);
    sAid += Math.round(aid[i] * FIXED);
    if (commitmentGap[i] > 0) nCp++;
    if (effort[i] === Effort.escalate) nEsc++;
    const ch = posture[i];
    if (ch === Channel.closed) nClosed++;
    else if (ch === Channel.secret) nSecret++;
    else if (ch === Channel.mediated) nMediated++;
    else nPublic++;
  }
  d[pb + C_PWIN] += sPWin;
  d[pb + C_MHS] += sMhs;
  d[pb + C_WAYOUT] += sWayOut;
  d[pb + C_READY] += sReady;
  d[pb + C_SC] += sSc;
  d[pb + C_INF] += sInf;
  d[pb + C_CAP] += sCap;
  d[pb + C_AC] += sAc;
  d[pb + C_BEN] += sBen;
  d[pb + C_SUP] += sSup;
  d[pb + C_AID] += sAid;
  d[pb + C_CP] += nCp;
  d[pb + C_ESC] += nEsc;
  d[pb + C_POSTURE + Channel.closed] += nClosed;
  d[pb + C_POSTURE + Channel.secret] += nSecret;
  d[pb + C_POSTURE + Channel.mediated] += nMediated;
  d[pb + C_POSTURE + Channel.public] += nPublic;
}

// recordMonth multiplies by 1/scale inline; 1/scale must stay exact (a power of two) for that
if (FAN_SERIES.map((f) => f.scale).join() !== '1,1,0.5,0.5,1,1')
  throw new Error('probe.ts: FAN_SERIES changed; update the fan bins in recordMonth');

/** Fan bin of x already scaled to bins (x / scale · FAN_BINS), clamped to [0, FAN_BINS − 1]. */
function fanBin(scaled: number): number {
  const bin = Math.floor(scaled);
  return bin < 0 ? 0 : bin >= FAN_BINS ? FAN_BINS - 1 : bin;
}

function explainParty(s: State, agg: Aggregate, r: number, p: number, base: number): void {
  const i = 2 * r + p;
  const e = agg.explain;
  const o = p * EXPLAIN_WIDTH;
  e[o] += 1;
  const inference = s.inference[i];
  const capacity = s.capacityEffective[i];
  const audience = s.talkAudienceCost[i];
  const benefit = s.talkBenefit[i];
  const wayOut = s.wayOut[i];
  const blocked = s.commitmentGap[i] > 0;
  // conditions, in the order of CONDITIONS
  if (inference >= INFERENCE_THRESHOLD) e[o + 1] += 1;
  if (capacity >= CAPACITY_THRESHOLD) e[o + 2] += 1;
  if (audience > benefit) e[o + 3] += 1;
  if (wayOut < 0.5) e[o + 4] += 1;
  if (blocked) e[o + 5] += 1;
  // primary blocker, in the order of PRIMARY (0 = none: the leader is open)
  let primary = 0;
  if (s.posture[i] === Channel.closed && s.talks[r] === 0) {
    const noRange = Math.max(0, 0.5 - wayOut) * Math.max(benefit, 0.01);
    const conversation = s.conversationCost[i];
    if (blocked) primary = 5;
    else if (conversation >= audience && conversation >= noRange)
      primary = inference / INFERENCE_THRESHOLD >= capacity / CAPACITY_THRESHOLD ? 1 : 2;
    else primary = audience >= noRange ? 3 : 4;
  }
  e[o + 1 + CONDITIONS.length + primary] += 1;
  // means, in the order of EXPLAIN_NUMBERS (aggregate.ts)
  const vo = o + 1 + CONDITIONS.length + PRIMARY.length;
  e[vo] += fixed(inference);
  e[vo + 1] += fixed(capacity);
  e[vo + 2] += fixed(s.conversationCost[i]);
  e[vo + 3] += fixed(audience);
  e[vo + 4] += fixed(benefit);
  e[vo + 5] += fixed(wayOut);
  e[vo + 6] += fixed(s.mhs[i]);
  e[vo + 7] += fixed(s.commitmentGap[i]);
  e[vo + 8] += fixed(s.pWin[i]);
  e[vo + 9] += fixed(s.reservation[i]);
  e[vo + 10] += fixed(s.support[i]);
  // contact is run-level: the same numbers for both leaders of a run
  if (s.talks[r] === 0) {
    const total = contactRates(s, r, base, contactScratch);
    e[vo + 11] += fixed(1);
    e[vo + 12] += fixed(1 - Math.exp(-total));
    e[vo + 13] += fixed(1 - Math.exp(-base));
    e[vo + 14] += fixed(s.contactFrailty[r]);
  }
}
