import { describe, expect, it } from 'vitest';
import { run } from '../../../test/engine/fixtures.ts';

describe('ripeness: mutually hurting stalemate and way out (Zartman; Pruitt)', () => {
  it('higher costs → a more hurting stalemate', () => {
    const cheap = run({
      a: { military: { monthlyCost: 0.01 } },
      b: { military: { monthlyCost: 0.01 } },
    });
    const dear = run({
      a: { military: { monthlyCost: 0.03 } },
      b: { military: { monthlyCost: 0.03 } },
    });
    console.log(
      `MHS of A at month 0: cost 0.01 → ${cheap.diagnostics.parties[0].mhs[0]}, 0.03 → ${dear.diagnostics.parties[0].mhs[0]}`,
    );
    expect(dear.diagnostics.parties[0].mhs[0]).toBeGreaterThan(cheap.diagnostics.parties[0].mhs[0]);
    expect(dear.diagnostics.global.ripeness[0]).toBeGreaterThan(
      cheap.diagnostics.global.ripeness[0],
    );
  });

  it('ripeness off vs on: without the ripeness filter talks open earlier (readiness no longer discounts the gain of talking)', () => {
    const on = run();
    const off = run({ mechanisms: { ripeness: { enabled: false } } });
    console.log(`P(talks by 3): ripeness on ${on.talks.any[2]} vs off ${off.talks.any[2]}`);
    expect(off.talks.any[2]).toBeGreaterThan(on.talks.any[2]);
  });

  it('switched off: MHS = way out = readiness = 1 for both sides (exact)', () => {
    const off = run({ mechanisms: { ripeness: { enabled: false } } });
    for (let t = 0; t < off.meta.horizonMonths; t++) {
      if (off.diagnostics.atWar[t] === 0) continue;
      expect(off.diagnostics.global.ripeness[t]).toBe(1);
      for (const p of off.diagnostics.parties) {
        expect(p.mhs[t]).toBe(1);
        expect(p.wayOut[t]).toBe(1);
        expect(p.readiness[t]).toBe(1);
      }
    }
  });
});
