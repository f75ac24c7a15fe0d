/**
 * Battles: each month the front moves one step toward A's victory with probability q, one step
 * back with 1 − q, or holds (a month with no decisive result). q is a contest-success function
 * of strength, type, effort and outside aid (strength.ts). Casualties accrue; escalation costs
 * reserves and blood; winning (or surviving an enemy escalation) builds demonstrated strength.
 * Source: Slantchev (2003, APSR) front-line model; Filson & Werner (2002, AJPS) battles by type;
 * the contest function and the strength memory are design choices (docs/model.md).
 * Deviations: (1) one battle per month; (2) a month may be a "draw" that moves the front neither way,
 * with a chance that varies between runs (battle.tempoSpread: unobserved heterogeneity of wars,
 * Vaupel, Manton & Stallard 1979; wars differ in ways onset data do not show, Bennett & Stam 1996);
 * (3) a month that moves the front may be decisive and end the war for its winner, at a chance
 * that falls with the months of war and rises with how lopsided the contest is (battle.decisive*:
 * Filson & Werner 2002 let every battle end the war; capabilities shape duration, Bennett & Stam
 * 1996; the fall with time and the imbalance form are design choices), lower in civil wars,
 * where insurgents avoid the decisive battle (battle.decisiveCivilFactor; Mack 1975, Kalyvas &
 * Balcells 2010). Without it no war could end before the front had crossed half its positions,
 * while one COW inter-state war in seven ended within its first month and a quarter within two.
 * The war value of bargaining (ruin table) ignores decisive months: their winner is drawn with
 * the same contest chance, so they shorten the war more than they move its odds.
 * Switched off: the front never moves, casualties still accrue (a frozen war of attrition).
 */
import type { Mechanism } from './mechanism.ts';
import type { State } from '../state.ts';
import { Effort, Outcome } from '../codes.ts';
import { Stream } from '../rng.ts';
import { endWar } from './termination.ts';
import { field, type FieldsOf } from '../fields.ts';

const fields = {
  /** This run's chance that a month of fighting moves the front neither way (battle.tempoSpread). */
  drawChance: field(Float64Array, 'run'),
  /** This run's multiplier of the decisive chance (battle.decisiveSpread; 1 without spread). */
  decisiveFrailty: field(Float64Array, 'run'),
  /** +1 A won, −1 B won, 0 no movement */
  lastBattle: field(Int8Array, 'run'),
  /** months each side won (durability weighs how one-sided the war was) */
  battlesA: field(Int16Array, 'run'),
  battlesB: field(Int16Array, 'run'),
  /** battle deaths so far, and this month's */
  casualties: field(Float64Array, 'party'),
  lastCasualties: field(Float64Array, 'party'),
  /** recent losses to an escalating enemy, decaying by 0.6 a month (ripeness' precipice) */
  catastrophe: field(Float64Array, 'party'),
  /** demonstrated strength Str */
  strength: field(Float64Array, 'party'),
};
declare module '../state.ts' {
  interface State extends FieldsOf<typeof fields> {}
}

function step(s: State): void {
  const b = s.c.params.battle;
  const moves = b.enabled;
  // per-month constants hoisted out of the run loop (same arithmetic as strengthOf, in the same order)
  const escBoost = 1 + b.escalationBoost;
  const aidBoost = b.aidBoost;
  const escCas = b.escalationCasualties;
  const reserveUse = b.escalationReserveUse;
  const mem = b.strengthMemory;
  const K = s.c.K;
  // decisive chance this month for evenly matched sides (0 skips the draw: byte-identical to before)
  const decisive =
    b.decisiveRate > 0
      ? b.decisiveRate *
        (s.c.civilWar ? b.decisiveCivilFactor : 1) *
        Math.exp(-(s.c.warMonthsAtStart + s.t) / b.decisiveDecayMonths)
      : 0;
  const kappaD = b.decisiveImbalanceEffect;
  const postwar = s.c.postwarInterstate === 1 && b.postwarVictoryShare < 1;
  const victoryShare = b.postwarVictoryShare;
  const { active, effort, strong, baseStrength, advantage, aid, front, casualtyRate, drawChance } =
    s;
  const { decisiveFrailty } = s;
  const { lastCasualties, casualties, reserves, strength, catastrophe, rng } = s;
  for (let a = 0; a < s.nActive; a++) {
    const r = active[a];
    const iA = 2 * r,
      iB = iA + 1;
    const escA = effort[iA] === Effort.escalate ? 1 : 0;
    const escB = effort[iB] === Effort.escalate ? 1 : 0;
    const u1 = rng.next(r, Stream.battle);
    const u2 = rng.next(r, Stream.battle);
    let result = 0;
    let decided = 0;
    if (moves && u1 >= drawChance[r]) {
      const sa =
        baseStrength[iA] *
        (strong[iA] ? advantage[iA] : 1) *
        (escA ? escBoost : 1) *
        (1 + aidBoost * aid[iA]);
      const sb =
        baseStrength[iB] *
        (strong[iB] ? advantage[iB] : 1) *
        (escB ? escBoost : 1) *
        (1 + aidBoost * aid[iB]);
      const q = sa / (sa + sb);
      result = u2 < q ? 1 : -1;
      front[r] += result;
      if (result > 0) s.battlesA[r]++;
      else s.battlesB[r]++;
      if (
        decisive > 0 &&
        rng.next(r, Stream.decisive) <
          decisive * decisiveFrailty[r] * Math.exp(kappaD * (Math.abs(2 * q - 1) - 0.5))
      )
        decided = result;
    }
    s.lastBattle[r] = result;
    const intensity = 1 + (escCas * (escA + escB)) / 2;
    const lcA = casualtyRate[iA] * intensity,
      lcB = casualtyRate[iB] * intensity;
    lastCasualties[iA] = lcA;
    lastCasualties[iB] = lcB;
    casualties[iA] += lcA;
    casualties[iB] += lcB;
    if (escA) reserves[iA] = Math.max(0, reserves[iA] - reserveUse);
    if (escB) reserves[iB] = Math.max(0, reserves[iB] - reserveUse);
    // demonstrated strength: a won month counts 1; holding ground against an escalation counts ½
    strength[iA] = mem * strength[iA] + (result > 0 ? 1 : 0) + (escB && result >= 0 ? 0.5 : 0);
    strength[iB] = mem * strength[iB] + (result < 0 ? 1 : 0) + (escA && result <= 0 ? 0.5 : 0);
    // a catastrophe: losing ground to an escalating enemy (Zartman's precipice)
    catastrophe[iA] = 0.6 * catastrophe[iA] + (result < 0 && escB ? 1 : 0);
    catastrophe[iB] = 0.6 * catastrophe[iB] + (result > 0 && escA ? 1 : 0);
    if (front[r] >= K) endWar(s, r, Outcome.victoryA);
    else if (front[r] <= 0) endWar(s, r, Outcome.victoryB);
    else if (decided !== 0) {
      // after 1945 outside powers halt a war one side is winning more often than they let it be
      // won: the decisive month ends in an imposed ceasefire (the extra draw only then)
      if (postwar && rng.next(r, Stream.decisive) >= victoryShare)
        endWar(s, r, Outcome.ceasefire, true);
      else endWar(s, r, decided > 0 ? Outcome.victoryA : Outcome.victoryB);
    }
  }
}

/**
 * Each run's draw probability: logit(d_r) = logit(d) + σ·z_r with z_r standard normal on its own
 * stream, so the spread changes no other draw. σ = 0 draws nothing and every run has d.
 */
function sampleTempo(s: State): void {
  const b = s.c.params.battle;
  const d = b.enabled ? b.drawProbability : 0;
  const sd = b.tempoSpread;
  if (sd === 0 || d <= 0 || d >= 1) {
    s.drawChance.fill(d, 0, s.n);
    return;
  }
  const logit = Math.log(d / (1 - d));
  for (let r = 0; r < s.n; r++)
    s.drawChance[r] = 1 / (1 + Math.exp(-(logit + sd * s.rng.normal(r, Stream.tempo))));
}

/**
 * Each run's multiplier of the decisive chance, exp(σ·z − σ²/2) (mean 1), z on its own stream;
 * σ = 0 draws nothing. Some wars are decided in a first blow (a coup, a collapse), others
 * never meet a decisive battle: unobserved heterogeneity of the ending hazard (Vaupel et al.
 * 1979), which widens each war's own range of durations at both ends.
 */
function sampleDecisiveFrailty(s: State): void {
  const sd = s.c.params.battle.decisiveSpread;
  if (sd === 0) {
    s.decisiveFrailty.fill(1, 0, s.n);
    return;
  }
  for (let r = 0; r < s.n; r++)
    s.decisiveFrailty[r] = Math.exp(sd * s.rng.normal(r, Stream.decisiveFrailty) - (sd * sd) / 2);
}

export const battle: Mechanism = {
  id: 'battle',
  sample: (s) => {
    sampleTempo(s);
    sampleDecisiveFrailty(s);
  },
  fields,
  params: 'battle',
  source: 'Slantchev 2003; Filson & Werner 2002; contest function is a design choice',
  reads: [
    'accepted',
    'advantage',
    'aid',
    'baseStrength',
    'casualtyRate',
    'decisiveFrailty',
    'drawChance',
    'effort',
    'mediatorBias',
    'mediatorGuarantee',
    'mediatorsPresent',
    'strong',
  ],
  endsWars: true,
  writes: [
    'battlesA',
    'battlesB',
    'casualties',
    'catastrophe',
    'endMonth',
    'front',
    'guaranteeAtEnd',
    'lastBattle',
    'lastCasualties',
    'outcome',
    'pressuredEnd',
    'reserves',
    'status',
    'strength',
    'talks',
  ],
  step,
};
