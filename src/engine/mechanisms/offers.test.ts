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
    expect(r.outcomes.settlement[11]).toBeGreaterThan(0.5);
  });

  it('degenerate: ceasefireRate 0 and no pressure → no ceasefires', () => {
    const r = run({ mechanisms: { bargaining: { ceasefireRate: 0 } } });
    expect(r.outcomes.ceasefire.at(-1)).toBe(0);
  });

  it('switched off: no offers, no settlements, no ceasefires', () => {
    const r = run({ mechanisms: { bargaining: { enabled: false } } });
    expect(r.outcomes.settlement.at(-1)! + r.outcomes.ceasefire.at(-1)!).toBe(0);
  });
});
