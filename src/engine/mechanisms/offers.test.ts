import { describe, expect, it } from 'vitest';
import { run } from '../../../test/engine/fixtures.ts';

describe('offers, acceptance and ceasefires (Fearon; Powell 2004; Werner & Yuen 2005)', () => {
  it('a ceasefire proposal with third-party pressure → more ceasefires', () => {
    const base = run();
    const pressed = run({
      extraParties: [{ id: 'un', name: 'UN', role: 'mediator' }],
      interventions: [{ kind: 'ceasefire-proposal', month: 0, by: 'un', pressure: 0.8 }],
    });
    console.log(
      `ceasefire by 12: ${base.outcomes.ceasefire[11]} → pressured ${pressed.outcomes.ceasefire[11]}`,
    );
    expect(pressed.outcomes.ceasefire[11]).toBeGreaterThan(base.outcomes.ceasefire[11]);
  });

  it('a formulating mediator proposes the midpoint of the reservations; deals are reached', () => {
    const r = run({
      extraParties: [
        {
          id: 'med',
          name: 'Med',
          role: 'mediator',
          mediation: { offerMonth: 0, style: 'formulation' },
        },
      ],
    });
    // more deals than the sides reach by their own offers
    const alone = run();
    console.log(
      `settled by 12: ${alone.outcomes.settlement[11]} → formulating mediator ${r.outcomes.settlement[11]}`,
    );
    expect(r.outcomes.settlement[11]).toBeGreaterThan(alone.outcomes.settlement[11] + 0.05);
  });

  it('postwarCeasefireFactor: an inter-state war after 1945 ends in a ceasefire more often than one before (Fortna 2004; Fazal 2007)', () => {
    const factor = { bargaining: { postwarCeasefireFactor: 4 } };
    const before = run({
      mechanisms: factor,
      settings: { warBegan: '1900-01-01', startDate: '1900-01-01' },
    });
    const after = run({
      mechanisms: factor,
      settings: { warBegan: '2000-01-01', startDate: '2000-01-01' },
    });
    // no dates: a war of today
    const undated = run({ mechanisms: factor });
    const civil = run({
      type: 'civil',
      mechanisms: factor,
      settings: { warBegan: '2000-01-01', startDate: '2000-01-01' },
    });
    const civilOff = run({
      type: 'civil',
      settings: { warBegan: '2000-01-01', startDate: '2000-01-01' },
    });
    console.log(
      `ceasefire by 36: before 1945 ${before.outcomes.ceasefire[35]} → after ${after.outcomes.ceasefire[35]}`,
    );
    expect(after.outcomes.ceasefire[35]).toBeGreaterThan(before.outcomes.ceasefire[35]);
    expect(undated.outcomes.ceasefire[35]).toBe(after.outcomes.ceasefire[35]);
    // civil wars are outside the inter-state norm
    expect(civil.outcomes.ceasefire[35]).toBe(civilOff.outcomes.ceasefire[35]);
  });

  it('civilCeasefireFactor: a civil war ends in a ceasefire more often as it grows, an inter-state war not at all', () => {
    const at = (factor: number, type: 'civil' | 'interstate') =>
      run({ type, mechanisms: { bargaining: { civilCeasefireFactor: factor } } }).outcomes
        .ceasefire[35];
    console.log(`civil ceasefire by 36: factor 1 ${at(1, 'civil')} → 4 ${at(4, 'civil')}`);
    expect(at(4, 'civil')).toBeGreaterThan(at(1, 'civil'));
    expect(at(4, 'interstate')).toBe(at(1, 'interstate'));
  });

  it('degenerate: ceasefireRate 0 and no pressure → no ceasefires', () => {
    // and none imposed after a decisive month (battle.postwarVictoryShare)
    const r = run({
      mechanisms: { bargaining: { ceasefireRate: 0 }, battle: { postwarVictoryShare: 1 } },
    });
    expect(r.outcomes.ceasefire.at(-1)).toBe(0);
  });

  it('switched off: no offers, no settlements, no ceasefires', () => {
    const r = run({
      mechanisms: { bargaining: { enabled: false }, battle: { postwarVictoryShare: 1 } },
    });
    expect(r.outcomes.settlement.at(-1)! + r.outcomes.ceasefire.at(-1)!).toBe(0);
  });

  it('a hurting stalemate → more bare ceasefires (Zartman 2000); a commitment problem does not prevent them', () => {
    // the stalemate effect κ_s raises the ceasefire chance where both hurt (S > ½) and lowers it
    // where neither does (S < ½): compare κ_s = 6 with κ_s = 0 (the anchor alone) in both wars
    const hurt = { military: { monthlyCost: 0.3 } };
    const calm = { military: { monthlyCost: 0 } };
    // not hurting: no cost and, for this check, no weight on failing to win soon (MHS < ½)
    const ripeness = (side: typeof hurt) =>
      side === calm ? { hurtingWeight: 0, tolerableCost: 0.1 } : {};
    const at = (side: typeof hurt, k: number) =>
      run({
        a: side,
        b: side,
        mechanisms: { bargaining: { ceasefireStalemateEffect: k }, ripeness: ripeness(side) },
      }).outcomes.ceasefire[35];
    const [hurt0, hurt6, calm0, calm6] = [at(hurt, 0), at(hurt, 6), at(calm, 0), at(calm, 6)];
    console.log(`ceasefire by 36: hurting ${hurt0} → ${hurt6}; not hurting ${calm0} → ${calm6}`);
    expect(hurt6).toBeGreaterThan(hurt0);
    expect(calm6).toBeLessThan(calm0);
    // a large power shift after a deal: commitment problems block settlements, not ceasefires
    const base = run();
    const shifting = run({ a: { demobilisationShift: 0.9 }, b: { demobilisationShift: 0.9 } });
    const cfShare = (r: typeof base) =>
      r.outcomes.ceasefire[35] / (r.outcomes.ceasefire[35] + r.outcomes.settlement[35]);
    console.log(
      `with a power shift: ceasefires ${base.outcomes.ceasefire[35]} → ${shifting.outcomes.ceasefire[35]}, settlements ${base.outcomes.settlement[35]} → ${shifting.outcomes.settlement[35]}`,
    );
    // ceasefires still happen and take a larger share of the negotiated ends
    expect(shifting.outcomes.ceasefire[35]).toBeGreaterThan(0.05);
    expect(cfShare(shifting)).toBeGreaterThan(cfShare(base) + 0.1);
  });
});
