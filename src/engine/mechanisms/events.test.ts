import { describe, expect, it } from 'vitest';
import { A, HAWKS, run } from '../../../test/engine/fixtures.ts';

describe('events: scheduled shows of strength, incentives and ceasefire pressure', () => {
  it('a recent battlefield success (show of strength) → more open postures for the winner', () => {
    const base = run();
    const shown = run({
      interventions: [{ kind: 'show-of-strength', month: 0, party: A, size: 1 }],
    });
    const open = (r: typeof base) => 1 - r.diagnostics.parties[0].postureClosed[0];
    console.log(
      `A open posture at month 0: no show ${open(base)} → show of strength ${open(shown)}`,
    );
    expect(open(shown)).toBeGreaterThan(open(base) + 0.03);
    expect(shown.explanation.parties[0].means.inference).toBeLessThan(
      base.explanation.parties[0].means.inference,
    );
  });

  it('degenerate: a show of strength of size 0 changes nothing', () => {
    const base = run();
    const zero = run({
      interventions: [{ kind: 'show-of-strength', month: 0, party: A, size: 0 }],
    });
    expect({ ...zero, meta: null }).toEqual({ ...base, meta: null });
  });

  it('an incentive for talking paid to both → talks open earlier', () => {
    const hawks = HAWKS;
    const base = run({
      ...hawks,
      extraParties: [{ id: 'donor', name: 'Donor', role: 'patron', side: 'A' }],
    });
    const paid = run({
      ...hawks,
      extraParties: [{ id: 'donor', name: 'Donor', role: 'patron', side: 'A' }],
      interventions: [
        {
          kind: 'incentive-offer',
          month: 0,
          from: 'donor',
          to: 'alpha',
          size: 0.1,
          conditionalOn: 'talks',
        },
        {
          kind: 'incentive-offer',
          month: 0,
          from: 'donor',
          to: 'beta',
          size: 0.1,
          conditionalOn: 'talks',
        },
      ],
    });
    console.log(
      `P(talks by 3): ${base.talks.any[2]} → with carrots for talking ${paid.talks.any[2]}`,
    );
    expect(paid.talks.any[2]).toBeGreaterThan(base.talks.any[2] + 0.02);
  });
});
