import { describe, expect, it } from 'vitest';
import {
  meanTerms,
  patron,
  run,
  warWeightedMean,
  type Overrides,
} from '../../../test/engine/fixtures.ts';

/** A receives aid at level 1 from patron `pa`, waning at `w` per month. */
const aided = (w: number, extra: Overrides = {}): Overrides => ({
  ...extra,
  a: { support: [{ patron: 'pa', level: 1, waningRate: w }] },
  extraParties: [patron('pa', 'A')],
});

describe('outside support: aid, waning and attention (Sawyer, Cunningham & Reed 2017)', () => {
  it('aid makes the recipient stronger: higher chance of winning, better terms', () => {
    const none = run();
    const aid = run(aided(0));
    console.log(
      `A pWin month 0: no aid ${none.diagnostics.parties[0].pWin[0]} → aid 1 ${aid.diagnostics.parties[0].pWin[0]}; mean terms ${meanTerms(none).toFixed(3)} → ${meanTerms(aid).toFixed(3)}`,
    );
    expect(aid.diagnostics.parties[0].pWin[0]).toBeGreaterThan(none.diagnostics.parties[0].pWin[0]);
    expect(meanTerms(aid)).toBeGreaterThan(meanTerms(none));
  });

  it('faster aid waning → worse terms for the aid recipient', () => {
    const slow = run(aided(0));
    const fast = run(aided(0.05));
    console.log(
      `A mean terms: waning 0 → ${meanTerms(slow).toFixed(3)}, 0.05/month → ${meanTerms(fast).toFixed(3)}`,
    );
    expect(meanTerms(fast)).toBeLessThan(meanTerms(slow));
  });

  // Waning aid weakens the recipient's war value, so the recipient is readier for a deal and
  // expects more from talks, and settles on worse terms. Whether wars end sooner also depends on
  // the rising side, which has reason to wait (Powell 2006), and on the pace of contact (anchored
  // to history, contact.ts), so the tests read the recipient's side, where the mechanism acts.
  it('faster aid waning → the recipient readier to talk and settling on worse terms (commitment problem off: isolates this mechanism)', () => {
    const off = { mechanisms: { commitment: { enabled: false } } };
    const slow = run(aided(0, off));
    const fast = run(aided(0.1, off));
    const ready = (r: typeof slow) => warWeightedMean(r, r.diagnostics.parties[0].readiness, 0, 12);
    const benefit = (r: typeof slow) =>
      warWeightedMean(r, r.diagnostics.parties[0].talkBenefit, 0, 12);
    console.log(
      `commitment off: A readiness (months 1-12) ${ready(slow).toFixed(3)} → ${ready(fast).toFixed(3)}; benefit of talking ${benefit(slow).toFixed(4)} → ${benefit(fast).toFixed(4)}; mean terms ${meanTerms(slow).toFixed(3)} → ${meanTerms(fast).toFixed(3)}`,
    );
    expect(ready(fast)).toBeGreaterThan(ready(slow));
    expect(benefit(fast)).toBeGreaterThan(benefit(slow));
    expect(meanTerms(fast)).toBeLessThan(meanTerms(slow));
  });

  // A gradual, foreseen waning is priced into the war values (support.anticipation): the
  // recipient is readier for a deal on worse terms; a rapid one is a large shift in power, and
  // the declining recipient prefers to fight (commitment.ts, Powell 2006: "large, rapid shifts").
  it('full model: moderate aid waning → the recipient readier to talk, on worse terms', () => {
    const slow = run(aided(0));
    const fast = run(aided(0.03));
    const ready = (r: typeof slow) => warWeightedMean(r, r.diagnostics.parties[0].readiness, 0, 12);
    console.log(
      `full model: A readiness ${ready(slow).toFixed(3)} → ${ready(fast).toFixed(3)}; terms ${meanTerms(slow).toFixed(3)} → ${meanTerms(fast).toFixed(3)}`,
    );
    expect(ready(fast)).toBeGreaterThan(ready(slow));
    expect(meanTerms(fast)).toBeLessThan(meanTerms(slow));
  });

  it('full model: rapid aid waning → the declining recipient is blocked by a commitment problem', () => {
    const moderate = run(aided(0.03));
    const rapid = run(aided(0.08));
    const blocked = (r: typeof moderate) =>
      warWeightedMean(r, r.diagnostics.parties[0].commitmentBlocked, 0, 12);
    console.log(
      `A blocked by commitment (months 1-12): ${blocked(moderate).toFixed(3)} → ${blocked(rapid).toFixed(3)}; settled by 12 ${moderate.outcomes.settlement[11]} → ${rapid.outcomes.settlement[11]}`,
    );
    expect(blocked(rapid)).toBeGreaterThan(blocked(moderate) + 0.2);
    expect(rapid.outcomes.settlement[11]).toBeLessThan(moderate.outcomes.settlement[11]);
  });

  it('an attention shock cuts delivered aid while it lasts', () => {
    const base = run(aided(0));
    const shocked = run({
      a: {
        support: [
          {
            patron: 'pa',
            level: 1,
            waningRate: 0,
            attentionShocks: [{ month: 2, drop: 0.5, durationMonths: 3 }],
          },
        ],
      },
      extraParties: [patron('pa', 'A')],
    });
    expect(shocked.diagnostics.parties[0].aid[1]).toBeCloseTo(1, 6);
    expect(shocked.diagnostics.parties[0].aid[3]).toBeCloseTo(0.5, 6);
    expect(shocked.diagnostics.parties[0].aid[6]).toBeCloseTo(1, 6);
    expect(base.diagnostics.parties[0].aid[3]).toBeCloseTo(1, 6);
  });

  it('degenerate: waning at rate w gives delivered aid level·(1 − w)^t exactly', () => {
    const r = run(aided(0.1));
    for (const t of [0, 1, 5]) expect(r.diagnostics.parties[0].aid[t]).toBeCloseTo(0.9 ** t, 5);
  });

  it('switched off: aid stays at its starting level (no waning)', () => {
    const r = run(aided(0.1, { mechanisms: { support: { enabled: false } } }));
    for (let t = 0; t < 12; t++)
      if (r.diagnostics.atWar[t] > 0) expect(r.diagnostics.parties[0].aid[t]).toBeCloseTo(1, 6);
  });
});
