import { describe, expect, it } from 'vitest';
import { mediator, run } from '../../../test/engine/fixtures.ts';

describe('durability of the peace (Fortna 2004; Walter 1997)', () => {
  it('a third-party guarantee → lower relapse (same wars, same endings)', () => {
    const none = run({ extraParties: [mediator({ guarantee: 0 })] });
    const full = run({ extraParties: [mediator({ guarantee: 1 })] });
    console.log(
      `relapse within 24: guarantee 0 → ${none.durability.relapseWithin.all['24']}, 1 → ${full.durability.relapseWithin.all['24']}`,
    );
    expect(full.durability.relapseWithin.all['24']!).toBeLessThan(
      none.durability.relapseWithin.all['24']!,
    );
    expect(full.outcomes).toEqual(none.outcomes); // guarantee changes only the peace here: no commitment problem to solve
  });

  it('victory → lower relapse than a ceasefire', () => {
    const r = run({ settings: { runs: 4000 } });
    const w = r.durability.relapseWithin;
    console.log(
      `relapse within 24: victory ${w.victory['24']} (n=${r.durability.ended.victory}), ceasefire ${w.ceasefire['24']} (n=${r.durability.ended.ceasefire}), settlement ${w.settlement['24']}`,
    );
    expect(r.durability.ended.victory).toBeGreaterThan(30);
    expect(r.durability.ended.ceasefire).toBeGreaterThan(30);
    expect(w.victory['24']!).toBeLessThan(w.ceasefire['24']!);
    expect(w.settlement['24']!).toBeLessThan(w.ceasefire['24']!);
  });

  it('degenerate: base relapse hazard 0 → no relapse at all', () => {
    const r = run({ mechanisms: { durability: { baseRelapseHazard: 0 } } });
    expect(Math.min(...r.durability.survival.all)).toBe(1);
  });

  it('switched off: survival curves stay at 1', () => {
    const r = run({ mechanisms: { durability: { enabled: false } } });
    for (const k of ['settlement', 'ceasefire', 'victory', 'all'] as const)
      expect(Math.min(...r.durability.survival[k])).toBe(1);
  });
});
