import { describe, expect, it } from 'vitest';
import { run } from '../../../test/engine/fixtures.ts';

const both = (military: Record<string, unknown>, beliefs: Record<string, unknown> = {}) => ({
  a: { military, beliefs },
  b: { military, beliefs },
});

describe('termination: how and when wars end', () => {
  it('higher costs → shorter wars', () => {
    const cheap = run(both({ monthlyCost: 0.01 }));
    const dear = run(both({ monthlyCost: 0.03 }));
    console.log(
      `mean duration (36-month cap): cost 0.01 → ${cheap.duration.restrictedMeanMonths}, 0.03 → ${dear.duration.restrictedMeanMonths}; median ${cheap.duration.quantiles.p50} → ${dear.duration.quantiles.p50}`,
    );
    expect(dear.duration.restrictedMeanMonths).toBeLessThan(cheap.duration.restrictedMeanMonths);
    expect(dear.duration.quantiles.p50!).toBeLessThanOrEqual(cheap.duration.quantiles.p50!);
  });

  it('more prior uncertainty (priors far from the truth) → longer wars', () => {
    // both sides are in truth strong; each believes the other strong with 0.9 (near) or 0.1 (far)
    const near = run(both({ strongTypeProbability: 1 }, { enemyStrong: 0.9 }));
    const far = run(both({ strongTypeProbability: 1 }, { enemyStrong: 0.1 }));
    console.log(
      `mean duration: priors near the truth ${near.duration.restrictedMeanMonths}, far ${far.duration.restrictedMeanMonths}`,
    );
    expect(far.duration.restrictedMeanMonths).toBeGreaterThan(near.duration.restrictedMeanMonths);
  });

  it('more prior uncertainty (a larger gap between strong and weak types) → longer wars', () => {
    // a larger gap also makes contests more lopsided, which decisive months end sooner
    // (battle.decisiveImbalanceEffect); held at 0 so the test isolates the information effect
    const even = { mechanisms: { battle: { decisiveImbalanceEffect: 0 } } };
    const small = run({ ...both({ strongTypeAdvantage: 1.1 }), ...even });
    const large = run({ ...both({ strongTypeAdvantage: 3 }), ...even });
    console.log(
      `mean duration: strongTypeAdvantage 1.1 → ${small.duration.restrictedMeanMonths}, 3 → ${large.duration.restrictedMeanMonths}`,
    );
    expect(large.duration.restrictedMeanMonths).toBeGreaterThan(
      small.duration.restrictedMeanMonths,
    );
  });

  it('degenerate: with support at the floor from the start, collapse hazard 1 ends every war in month 0 by collapse', () => {
    const r = run({
      a: { opinion: { supportForWar: 0 } },
      // no fading: this is about collapse
      mechanisms: {
        domestic: { collapseHazard: 1 },
        bargaining: { enabled: false },
        fading: { enabled: false },
      },
    });
    expect(r.outcomes.collapseA[0] + r.outcomes.victoryA[0] + r.outcomes.victoryB[0]).toBe(1);
    expect(r.outcomes.collapseA[0]).toBeGreaterThan(0.9);
  });
});
