import { describe, expect, it } from 'vitest';
import { run } from '../../../test/engine/fixtures.ts';

describe('battle: the front moves by a contest-success function (Slantchev 2003)', () => {
  it('a stronger side wins more battles and more wars, and expects to', () => {
    const even = run({ settings: { horizonMonths: 24 } });
    const strongA = run({ a: { military: { strength: 2 } }, settings: { horizonMonths: 24 } });
    const H = 23;
    console.log(
      `A victory by 24: even ${even.outcomes.victoryA[H]} → A twice as strong ${strongA.outcomes.victoryA[H]}; pWin A ${even.diagnostics.parties[0].pWin[0]} → ${strongA.diagnostics.parties[0].pWin[0]}`,
    );
    expect(strongA.outcomes.victoryA[H]).toBeGreaterThan(even.outcomes.victoryA[H]);
    expect(strongA.outcomes.victoryB[H]).toBeLessThanOrEqual(even.outcomes.victoryB[H]);
    expect(strongA.diagnostics.parties[0].pWin[0]).toBeGreaterThan(
      even.diagnostics.parties[0].pWin[0] + 0.1,
    );
    // a stronger A gets better terms when it settles
    expect(strongA.terms.quantiles.p50!).toBeGreaterThan(even.terms.quantiles.p50!);
  });

  it('switched off: the front never moves (no military victory), casualties still accrue', () => {
    const r = run({ mechanisms: { battle: { enabled: false } }, settings: { horizonMonths: 24 } });
    expect(Math.max(...r.outcomes.victoryA, ...r.outcomes.victoryB)).toBe(0);
    expect(r.casualties.quantiles.p50!).toBeGreaterThan(0);
  });

  it('degenerate: drawProbability 0.9 → fewer front movements → fewer victories than the default', () => {
    const base = run({
      mechanisms: { ripeness: { enabled: true } },
      settings: { horizonMonths: 24 },
    });
    const sticky = run({
      mechanisms: { battle: { drawProbability: 0.9 } },
      settings: { horizonMonths: 24 },
    });
    const vic = (r: typeof base) => r.outcomes.victoryA[23] + r.outcomes.victoryB[23];
    expect(vic(sticky)).toBeLessThan(vic(base));
  });

  it('tempoSpread: wars differ in tempo → a longer tail of long wars than one shared draw probability', () => {
    const settings = { horizonMonths: 120 };
    const shared = run({ settings });
    const spread = run({ mechanisms: { battle: { tempoSpread: 2.5 } }, settings });
    const ended = (r: typeof shared, m: number) =>
      r.outcomes.victoryA[m] +
      r.outcomes.victoryB[m] +
      r.outcomes.settlement[m] +
      r.outcomes.ceasefire[m] +
      r.outcomes.collapseA[m] +
      r.outcomes.collapseB[m];
    console.log(
      `ended by 3 months ${ended(shared, 2)} → ${ended(spread, 2)}; still at war at 10 years ${1 - ended(shared, 119)} → ${1 - ended(spread, 119)}`,
    );
    expect(1 - ended(spread, 119)).toBeGreaterThan(1 - ended(shared, 119));
  });
});
