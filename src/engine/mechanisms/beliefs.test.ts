import { describe, expect, it } from 'vitest';
import { meanOver, run, stateFor } from '../../../test/engine/fixtures.ts';
import { beliefs } from './beliefs.ts';

// Both sides are in truth strong, but each believes the other is probably weak (prior 0.1):
// battles carry information that should close the gap between the sides' expectations.
const farFromTruth = {
  a: {
    military: { strongTypeProbability: 1, strongTypeAdvantage: 3 },
    beliefs: { enemyStrong: 0.1 },
  },
  b: {
    military: { strongTypeProbability: 1, strongTypeAdvantage: 3 },
    beliefs: { enemyStrong: 0.1 },
  },
};

describe('beliefs: Bayesian learning from battles (Filson & Werner 2002)', () => {
  it('learning on → the sides’ disagreement about the war shrinks faster than with learning off', () => {
    const on = run(farFromTruth);
    const off = run({ ...farFromTruth, mechanisms: { beliefs: { enabled: false } } });
    const gapOn = meanOver(on.diagnostics.global.beliefGap, 3, 9);
    const gapOff = meanOver(off.diagnostics.global.beliefGap, 3, 9);
    console.log(
      `mean belief gap months 4-9: learning ${gapOn.toFixed(3)} vs none ${gapOff.toFixed(3)}; settled by 12: ${on.outcomes.settlement[11]} vs ${off.outcomes.settlement[11]}`,
    );
    expect(gapOn).toBeLessThan(gapOff);
  });

  it('degenerate: a month without front movement and without aid or new information leaves beliefs exactly unchanged', () => {
    const s = stateFor({ mechanisms: { beliefs: { newInformationRate: 0 } } }, 200);
    for (let r = 0; r < 200; r++) {
      s.lastBattle[r] = 0;
      s.belief[2 * r] = 0.3;
      s.belief[2 * r + 1] = 0.8;
    }
    beliefs.step(s);
    for (let r = 0; r < 200; r++) {
      expect(s.belief[2 * r]).toBe(0.3);
      expect(s.belief[2 * r + 1]).toBe(0.8);
    }
  });

  it('a won battle raises the loser’s belief that the winner is strong (Bayes, exact)', () => {
    const s = stateFor({ mechanisms: { beliefs: { newInformationRate: 0 } } }, 1);
    s.lastBattle[0] = 1; // A won
    s.belief[0] = s.belief[1] = 0.5;
    beliefs.step(s);
    expect(s.belief[1]).toBeGreaterThan(0.5); // B now thinks A more likely strong
    expect(s.belief[0]).toBeLessThan(0.5); // A now thinks B more likely weak
  });

  it('switched off: beliefs stay at their priors', () => {
    const s = stateFor({ mechanisms: { beliefs: { enabled: false } } }, 50);
    for (let r = 0; r < 50; r++) s.lastBattle[r] = 1;
    const before = Array.from(s.belief);
    beliefs.step(s);
    expect(Array.from(s.belief)).toEqual(before);
  });
});
