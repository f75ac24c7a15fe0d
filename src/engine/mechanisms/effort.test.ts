import { describe, expect, it } from 'vitest';
import { meanOver, run } from '../../../test/engine/fixtures.ts';

describe('effort: show strength, then talk (Mastro 2019)', () => {
  it('look-ahead on → more escalation by a side facing a capable enemy than with look-ahead off', () => {
    const capable = { b: { military: { escalationCapacity: 0.9 } } };
    const on = run(capable);
    const off = run({ ...capable, mechanisms: { conversation: { lookAhead: false } } });
    const escOn = meanOver(on.diagnostics.parties[0].escalating, 0, 6);
    const escOff = meanOver(off.diagnostics.parties[0].escalating, 0, 6);
    console.log(
      `A escalating months 1-6: look-ahead ${escOn.toFixed(3)} vs none ${escOff.toFixed(3)}`,
    );
    expect(escOn).toBeGreaterThan(escOff);
  });

  it('more hawkish leaders escalate more', () => {
    const dove = run({
      a: { leader: { hawkishness: 0 } },
      mechanisms: { conversation: { lookAhead: false } },
    });
    const hawk = run({
      a: { leader: { hawkishness: 1 } },
      mechanisms: { conversation: { lookAhead: false } },
    });
    expect(meanOver(hawk.diagnostics.parties[0].escalating, 0, 6)).toBeGreaterThan(
      meanOver(dove.diagnostics.parties[0].escalating, 0, 6),
    );
  });

  it('degenerate: no hawkishness and no look-ahead → never escalates', () => {
    const r = run({
      a: { leader: { hawkishness: 0 } },
      b: { leader: { hawkishness: 0 } },
      mechanisms: { conversation: { lookAhead: false } },
    });
    for (const p of r.diagnostics.parties) expect(Math.max(...p.escalating)).toBe(0);
  });

  it('degenerate: no reserves → never escalates', () => {
    const r = run({ a: { military: { reserves: 0 }, leader: { hawkishness: 1 } } });
    expect(Math.max(...r.diagnostics.parties[0].escalating)).toBe(0);
  });
});
