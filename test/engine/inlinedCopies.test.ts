/**
 * The monthly loop inlines a few shared helpers of strength.ts and the mechanisms (the bench
 * showed the calls cost 15–30% per live run-month: V8 stops inlining past a small budget and then
 * boxes every double a call passes or returns). Each inlined copy must give the helper's value
 * to the last bit: here on 10,000 random (run, side) states per kernel, with the switches of the
 * parameter groups the copies branch on drawn at random as well.
 */
import { describe, expect, it } from 'vitest';
import { stateFor } from './fixtures.ts';
import { Channel, type State } from '../../src/engine/state.ts';
import { effectiveCost, escalationHeadroom, strengthOf } from '../../src/engine/strength.ts';
import { fastSigmoid } from '../../src/engine/fastMath.ts';
import { audienceWeight, reservationShare } from '../../src/engine/mechanisms/bargainingRange.ts';
import { bargainingRange } from '../../src/engine/mechanisms/bargainingRange.ts';
import { conversation, strategicWeight } from '../../src/engine/mechanisms/conversation.ts';
import { battle } from '../../src/engine/mechanisms/battle.ts';
import { bayes, beliefs } from '../../src/engine/mechanisms/beliefs.ts';
import { Rng, Stream } from '../../src/engine/rng.ts';
import { commitment, guaranteeFor } from '../../src/engine/mechanisms/commitment.ts';
import { ripeness } from '../../src/engine/mechanisms/ripeness.ts';

const RUNS = 5000; // × 2 sides = 10,000 inputs per kernel

/** A deterministic generator (mulberry32): the same random states on every machine. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A state of RUNS runs whose per-party inputs the copies read are random. */
function randomState(seed: number, switches: Record<string, boolean>): State {
  const u = random(seed);
  const mechanisms = Object.fromEntries(
    Object.entries(switches).map(([group, enabled]) => [group, { enabled }]),
  );
  const s = stateFor({ mechanisms }, RUNS);
  s.t = Math.floor(u() * 36);
  const fill = (a: Float64Array | Uint8Array, lo: number, hi: number, int = false) => {
    for (let k = 0; k < a.length; k++) {
      const x = lo + u() * (hi - lo);
      a[k] = int ? Math.floor(x) : x;
    }
  };
  fill(s.audience, 0, 2);
  fill(s.audienceMultiplier, 0.2, 3);
  fill(s.supportForConcessions, 0, 1);
  fill(s.support, 0, 1);
  fill(s.hawkishness, 0, 1);
  fill(s.supportForTalks, 0, 1);
  fill(s.capacity, 0, 2);
  fill(s.reserves, 0, 1);
  fill(s.aid, 0, 2);
  fill(s.cost, 0, 0.1);
  fill(s.democracy, 0, 2, true);
  fill(s.belief, 0.01, 0.99);
  fill(s.warAim, 0, 1);
  fill(s.patronMinShare, 0, 1);
  fill(s.carrotAgreement, 0, 0.2);
  fill(s.stick, 0, 0.2);
  fill(s.demobilisation, 0, 0.3);
  fill(s.pWin, 0, 1);
  fill(s.strength, 0, 3);
  fill(s.enemyGain, 0, 0.5);
  fill(s.talks, 0, 4, true);
  return s;
}

const SWITCHES = (u: () => number) => ({
  support: u() < 0.5,
  domestic: u() < 0.5,
  conversation: u() < 0.5,
});

describe('inlined copies give their helpers’ values to the last bit', () => {
  it('conversation: audienceWeight (public channel) and escalationHeadroom', () => {
    const pick = random(1);
    for (let round = 0; round < 4; round++) {
      const s = randomState(10 + round, { ...SWITCHES(pick), conversation: true });
      const cp = s.c.params.conversation;
      s.talks.fill(0);
      conversation.step(s);
      for (let i = 0; i < 2 * RUNS; i++) {
        const j = i ^ 1;
        const ac =
          audienceWeight(s, i, Channel.public) * s.hawkishness[i] * (1 - s.supportForTalks[i]);
        expect(Object.is(s.talkAudienceCost[i], ac)).toBe(true);
        const eEff = Math.min(1, escalationHeadroom(s, j) / cp.capacityNorm);
        expect(Object.is(s.capacityEffective[i], eEff)).toBe(true);
        // the strategic cost SC = strategicWeight × I (mediation.ts calls the helper)
        expect(Object.is(s.conversationCost[i], strategicWeight(s, i, j) * s.inference[i])).toBe(
          true,
        );
      }
    }
  });

  it('bargaining range: effectiveCost, audienceWeight (channel of talks) and reservationShare', () => {
    const pick = random(2);
    for (let round = 0; round < 4; round++) {
      const s = randomState(20 + round, SWITCHES(pick));
      bargainingRange.step(s);
      const H = s.c.params.bargaining.valueHorizonMonths;
      for (let i = 0; i < 2 * RUNS; i++) {
        const r = i >> 1;
        const W = s.pWin[i] - effectiveCost(s, i) * Math.min(s.monthsExpected[i], H);
        expect(Object.is(s.warValue[i], W)).toBe(true);
        let v = reservationShare(W, audienceWeight(s, i, s.talks[r]), s.warAim[i]);
        if (s.patronMinShare[i] > v && s.c.params.support.enabled)
          v += Math.min(1, s.aid[i]) * (s.patronMinShare[i] - v);
        expect(Object.is(s.reservation[i], v - s.carrotAgreement[i] - s.stick[i])).toBe(true);
      }
    }
  });

  it('ripeness: effectiveCost', () => {
    const pick = random(3);
    for (let round = 0; round < 4; round++) {
      // with no weight on winning or catastrophe, mhs = σ(κ₂·(c − c̄)): c must be the helper's
      const t = randomState(40 + round, { ...SWITCHES(pick), ripeness: true });
      t.c.params.ripeness.hurtingWeight = 0;
      t.c.params.ripeness.catastropheWeight = 0;
      ripeness.step(t);
      const rq = t.c.params.ripeness;
      for (let i = 0; i < 2 * RUNS; i++) {
        const m = fastSigmoid(0 + rq.costWeight * (effectiveCost(t, i) - rq.tolerableCost) + 0);
        expect(Object.is(t.mhs[i], m)).toBe(true);
      }
    }
  });

  it('commitment: guaranteeFor and effectiveCost (no aid lines: the shift is demobilisation)', () => {
    const pick = random(4);
    for (let round = 0; round < 4; round++) {
      const s = randomState(50 + round, { ...SWITCHES(pick), commitment: true });
      commitment.step(s);
      const cp = s.c.params.commitment;
      const h = cp.lookAheadMonths;
      const dh = cp.monthlyDiscount ** h;
      for (let i = 0; i < 2 * RUNS; i++) {
        const g = guaranteeFor(s, i >> 1, i & 1);
        const gap =
          dh * Math.max(0, s.demobilisation[i]) * (1 - g) -
          (1 - dh) * (1 - s.pWin[i] + effectiveCost(s, i) * h);
        expect(Object.is(s.commitmentGap[i], gap)).toBe(true);
      }
    }
  });

  it('beliefs: strengthOf (both types of each side, with effort and aid)', () => {
    const pick = random(5);
    for (let round = 0; round < 4; round++) {
      const s = withContests(randomState(60 + round, SWITCHES(pick)), pick);
      // only the update on the month's battle: no aid noise, no new information
      s.c.params.beliefs.fungibleAidNoise = 0;
      s.c.params.beliefs.newInformationRate = 0;
      const before = Float64Array.from(s.belief);
      beliefs.step(s);
      for (let r = 0; r < RUNS; r++) {
        const result = s.lastBattle[r];
        for (let p = 0; p < 2; p++) {
          const i = 2 * r + p,
            j = i ^ 1;
          let want = before[i];
          if (result !== 0) {
            const mine = strengthOf(s, i, s.strong[i], s.effort[i]);
            const qs = mine / (mine + strengthOf(s, j, 1, s.effort[j])),
              qw = mine / (mine + strengthOf(s, j, 0, s.effort[j]));
            const won = p === 0 ? result > 0 : result < 0;
            want = bayes(before[i], won ? qs : 1 - qs, won ? qw : 1 - qw);
          }
          expect(Object.is(s.belief[i], want)).toBe(true);
        }
      }
    }
  });

  // battle's copy decides a contest by u < q: checked decision by decision (the last bit of q
  // matters only when a draw falls within it of q, so this is a check of the formula, not of bits)
  it('battle: strengthOf decides every contest as the kernel does', () => {
    const pick = random(6);
    for (let round = 0; round < 4; round++) {
      const s = withContests(randomState(70 + round, SWITCHES(pick)), pick);
      s.c.params.battle.decisiveRate = 0;
      s.drawChance.fill(0.2); // most months fought: about 16,000 contests over the rounds
      const draws = new Rng(s.c.scenario.settings.seed, s.firstRun, s.n);
      const frontBefore = Int32Array.from(s.front);
      battle.step(s);
      let contests = 0;
      for (let r = 0; r < RUNS; r++) {
        const u1 = draws.next(r, Stream.battle),
          u2 = draws.next(r, Stream.battle);
        let want = 0;
        if (u1 >= s.drawChance[r]) {
          const sa = strengthOf(s, 2 * r, s.strong[2 * r], s.effort[2 * r]);
          const sb = strengthOf(s, 2 * r + 1, s.strong[2 * r + 1], s.effort[2 * r + 1]);
          want = u2 < sa / (sa + sb) ? 1 : -1;
          contests++;
        }
        expect(s.lastBattle[r]).toBe(want);
        expect(s.front[r] - frontBefore[r]).toBe(want);
      }
      expect(contests).toBeGreaterThan(0.75 * RUNS);
    }
  });
});

/** Random types, efforts, strengths and last battles on top of randomState. */
function withContests(s: State, u: () => number): State {
  for (let i = 0; i < 2 * RUNS; i++) {
    s.strong[i] = u() < 0.5 ? 1 : 0;
    s.effort[i] = u() < 0.3 ? 1 : 0;
    s.baseStrength[i] = 0.2 + 3 * u();
    s.advantage[i] = 1 + 2 * u();
  }
  for (let r = 0; r < RUNS; r++) s.lastBattle[r] = Math.floor(u() * 3) - 1;
  return s;
}
