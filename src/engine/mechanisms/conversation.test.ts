import { describe, expect, it } from 'vitest';
import { A, B, brief, run, stateFor } from '../../../test/engine/fixtures.ts';
import { adverseInference } from './conversation.ts';

describe('conversation: costs of conversation and posture (Mastro 2019)', () => {
  it('higher enemy escalation capacity → fewer open public postures', () => {
    const low = run({ b: { military: { escalationCapacity: 0.1 } } });
    const high = run({ b: { military: { escalationCapacity: 0.9 } } });
    const pubLow = low.diagnostics.parties[0].posturePublic[0];
    const pubHigh = high.diagnostics.parties[0].posturePublic[0];
    console.log(`A public posture at month 0: enemy capacity 0.1 → ${pubLow}, 0.9 → ${pubHigh}`);
    expect(pubHigh).toBeLessThan(pubLow - 0.1);
    // the why-explanation attributes it: the enemy's capacity as it weighs on A is larger
    expect(high.explanation.parties[0].means.capacityEffective).toBeGreaterThan(
      low.explanation.parties[0].means.capacityEffective,
    );
    expect(high.explanation.parties[0].means.conversationCost).toBeGreaterThan(
      low.explanation.parties[0].means.conversationCost,
    );
  });

  it('demonstrated strength shrinks the adverse inference of an opening (exact, per channel factor)', () => {
    const s = stateFor({}, 4);
    for (let r = 0; r < 4; r++) s.belief[2 * r + 1] = 0.5;
    const i = 0,
      j = 1;
    const none = adverseInference(s, i, j, 1);
    const shown = adverseInference(s, i, j, 1, 1);
    const secret = adverseInference(s, i, j, 0.5);
    expect(shown).toBeLessThan(none);
    expect(secret).toBeLessThan(none);
    // λ = 1 + (λ0 − 1)·e^{−κ·Str}·m; π' = πλ/(πλ + 1 − π); at π = ½, Str = 0, m = 1: λ = 3 → I = ¾ − ½
    expect(none).toBeCloseTo(0.25, 12);
    // m = 0: no inference at all (the degenerate channel)
    expect(adverseInference(s, i, j, 0)).toBeCloseTo(0, 15);
  });

  it('switched off: no inference, no conversation cost, no audience cost of talking', () => {
    const r = run({ mechanisms: { conversation: { enabled: false } } });
    for (const p of r.diagnostics.parties) {
      expect(Math.max(...p.inference)).toBe(0);
      expect(Math.max(...p.conversationCost)).toBe(0);
      expect(Math.max(...p.talkAudienceCost)).toBe(0);
    }
    console.log(`conversation off: ${brief(r)}`);
    expect([A, B]).toEqual(r.meta.parties.map((p) => p.id));
  });
});
