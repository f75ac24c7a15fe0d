import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { meanTerms, run } from '../../../test/engine/fixtures.ts';
import { reservationShare } from './bargainingRange.ts';

describe('bargaining range: reservation values with audience costs (Fearon 1994, 1995; Tomz 2007)', () => {
  it('higher audience cost → later settlement and better terms for that side', () => {
    const low = run({ a: { leader: { audienceCost: 0.1 } } });
    const high = run({ a: { leader: { audienceCost: 0.6 } } });
    console.log(
      `A audience cost 0.1 → 0.6: mean duration ${low.duration.restrictedMeanMonths} → ${high.duration.restrictedMeanMonths}; settled by 12 ${low.outcomes.settlement[11]} → ${high.outcomes.settlement[11]}; A's mean terms ${meanTerms(low).toFixed(3)} → ${meanTerms(high).toFixed(3)} (medians ${low.terms.quantiles.p50} → ${high.terms.quantiles.p50}); A reservation ${low.explanation.parties[0].means.reservation} → ${high.explanation.parties[0].means.reservation}`,
    );
    expect(high.duration.restrictedMeanMonths).toBeGreaterThan(low.duration.restrictedMeanMonths);
    expect(high.outcomes.settlement[11]).toBeLessThan(low.outcomes.settlement[11]);
    // the mean, not the median: the terms histogram is lumpy (offers cluster on a few values)
    expect(meanTerms(high)).toBeGreaterThan(meanTerms(low));
    expect(high.explanation.parties[0].means.reservation).toBeGreaterThan(
      low.explanation.parties[0].means.reservation,
    );
  });

  it('reservation share solves r = W + a·max(0, g − r) (closed form, property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (W, a, g) => {
          const r = reservationShare(W, a, g);
          expect(r).toBeCloseTo(W + a * Math.max(0, g - r), 9);
          // audience costs only ever raise the reservation, never above the war aim when W < g
          expect(r).toBeGreaterThanOrEqual(W - 1e-12);
          if (W < g) expect(r).toBeLessThanOrEqual(g + 1e-12);
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });

  it('degenerate: zero audience cost → reservation equals the war value', () => {
    expect(reservationShare(0.3, 0, 0.8)).toBe(0.3);
    expect(reservationShare(0.9, 1.5, 0.5)).toBe(0.9);
  });

  it('switched off: no offers, so no settlements and no ceasefires', () => {
    // no ceasefire imposed after a decisive month either (battle.postwarVictoryShare)
    const r = run({
      mechanisms: { bargaining: { enabled: false }, battle: { postwarVictoryShare: 1 } },
    });
    expect(r.outcomes.settlement.at(-1)).toBe(0);
    expect(r.outcomes.ceasefire.at(-1)).toBe(0);
    expect(r.terms.settlements).toBe(0);
  });
});
