import { describe, expect, it } from 'vitest';
import { mediator, patron, run, warWeightedMean } from '../../../test/engine/fixtures.ts';

describe('commitment problems from shifting power (Powell 2006; Walter 1997)', () => {
  it('demobilisationShift > 0 → fewer settlements; a third-party guarantee restores them', () => {
    const base = run();
    const shift = run({ a: { demobilisationShift: 0.3 } });
    const guaranteed = run({
      a: { demobilisationShift: 0.3 },
      extraParties: [mediator({ guarantee: 1 })],
    });
    console.log(
      `settled by 12: no shift ${base.outcomes.settlement[11]}, shift 0.3 ${shift.outcomes.settlement[11]}, shift 0.3 + guarantee 1 ${guaranteed.outcomes.settlement[11]}`,
    );
    expect(shift.outcomes.settlement[11]).toBeLessThan(base.outcomes.settlement[11] / 2);
    expect(guaranteed.outcomes.settlement[11]).toBeGreaterThan(2 * shift.outcomes.settlement[11]);
    expect(
      warWeightedMean(shift, shift.diagnostics.parties[0].commitmentBlocked, 0, 12),
    ).toBeGreaterThan(0.5);
  });

  it('a mediator without a guarantee does not remove the commitment problem', () => {
    const shift = run({
      a: { demobilisationShift: 0.3 },
      extraParties: [mediator({ guarantee: 0 })],
    });
    expect(
      warWeightedMean(shift, shift.diagnostics.parties[0].commitmentBlocked, 0, 12),
    ).toBeGreaterThan(0.5);
  });

  it('faster waning of the recipient’s aid → the recipient is blocked more often (a shifting balance of power)', () => {
    const aided = (w: number) => ({
      a: { support: [{ patron: 'pa', level: 1, waningRate: w }] },
      extraParties: [patron('pa', 'A')],
    });
    const slow = run(aided(0));
    const fast = run(aided(0.08)); // a rapid shift: about a third of the aid gone within a year
    const bSlow = warWeightedMean(slow, slow.diagnostics.parties[0].commitmentBlocked, 0, 12);
    const bFast = warWeightedMean(fast, fast.diagnostics.parties[0].commitmentBlocked, 0, 12);
    console.log(
      `A blocked months 1-12: waning 0 → ${bSlow.toFixed(3)}, 0.08 → ${bFast.toFixed(3)}`,
    );
    expect(bSlow).toBe(0);
    expect(bFast).toBeGreaterThan(0.3);
    // the rising side is never blocked by the other's decline
    expect(Math.max(...fast.diagnostics.parties[1].commitmentBlocked)).toBe(0);
  });

  it('degenerate: no shift (no aid, no demobilisation) → never blocked', () => {
    const r = run();
    for (const p of r.diagnostics.parties) expect(Math.max(...p.commitmentBlocked)).toBe(0);
  });

  it('switched off: never blocked even with a large shift', () => {
    const r = run({
      a: { demobilisationShift: 0.5 },
      mechanisms: { commitment: { enabled: false } },
    });
    const on = run({ a: { demobilisationShift: 0.5 } });
    for (const p of r.diagnostics.parties) expect(Math.max(...p.commitmentBlocked)).toBe(0);
    expect(r.outcomes.settlement[11]).toBeGreaterThan(2 * on.outcomes.settlement[11]);
  });
});
