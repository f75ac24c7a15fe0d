import { describe, expect, it } from 'vitest';
import { run } from '../../../test/engine/fixtures.ts';

describe('domestic: public support falls with casualties (Mueller; Gartner; Gelpi et al.)', () => {
  it('higher casualty sensitivity → lower support', () => {
    const low = run({ a: { opinion: { casualtySensitivity: 0.5 } } });
    const high = run({ a: { opinion: { casualtySensitivity: 3 } } });
    console.log(
      `A support at month 3: sensitivity 0.5 → ${low.diagnostics.parties[0].support[3]}, 3 → ${high.diagnostics.parties[0].support[3]}`,
    );
    for (let t = 0; t < 6; t++)
      expect(high.diagnostics.parties[0].support[t]).toBeLessThan(
        low.diagnostics.parties[0].support[t],
      );
    // B's sensitivity is unchanged: its support at month 0 is identical
    expect(high.diagnostics.parties[1].support[0]).toBe(low.diagnostics.parties[1].support[0]);
  });

  it('support below the floor → collapse; more casualty-sensitive publics collapse more', () => {
    const fragile = { opinion: { supportForWar: 0.2 } };
    const low = run({
      a: { ...fragile, opinion: { supportForWar: 0.2, casualtySensitivity: 0.5 } },
    });
    const high = run({
      a: { ...fragile, opinion: { supportForWar: 0.2, casualtySensitivity: 5 } },
    });
    console.log(
      `A collapse by 36: sensitivity 0.5 → ${low.outcomes.collapseA[35]}, 5 → ${high.outcomes.collapseA[35]}`,
    );
    expect(high.outcomes.collapseA[35]).toBeGreaterThan(low.outcomes.collapseA[35]);
  });

  it('switched off: support stays at its starting level and nobody collapses', () => {
    const r = run({
      a: { opinion: { supportForWar: 0.1 } },
      mechanisms: { domestic: { enabled: false } },
    });
    for (let t = 0; t < r.meta.horizonMonths; t++)
      if (r.diagnostics.atWar[t] > 0)
        expect(r.diagnostics.parties[0].support[t]).toBeCloseTo(0.1, 6);
    expect(r.outcomes.collapseA.at(-1)).toBe(0);
    expect(r.outcomes.collapseB.at(-1)).toBe(0);
  });
});
