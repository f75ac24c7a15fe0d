import { describe, expect, it } from 'vitest';
import { meanTerms, patron, run, warWeightedMean, type Overrides } from '../../../test/engine/fixtures.ts';

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
    console.log(`A pWin month 0: no aid ${none.diagnostics.parties[0].pWin[0]} → aid 1 ${aid.diagnostics.parties[0].pWin[0]}; mean terms ${meanTerms(none).toFixed(3)} → ${meanTerms(aid).toFixed(3)}`);
    expect(aid.diagnostics.parties[0].pWin[0]).toBeGreaterThan(none.diagnostics.parties[0].pWin[0]);
    expect(meanTerms(aid)).toBeGreaterThan(meanTerms(none));
  });

  it('faster aid waning → worse terms for the aid recipient', () => {
    const slow = run(aided(0));
    const fast = run(aided(0.05));
    console.log(`A mean terms: waning 0 → ${meanTerms(slow).toFixed(3)}, 0.05/month → ${meanTerms(fast).toFixed(3)}`);
    expect(meanTerms(fast)).toBeLessThan(meanTerms(slow));
  });

  it('faster aid waning → earlier settlement, with the commitment problem switched off (isolates this mechanism)', () => {
    const off = { mechanisms: { commitment: { enabled: false } } };
    const slow = run(aided(0, off));
    const fast = run(aided(0.1, off));
    console.log(
      `commitment off: settled by 12 ${slow.outcomes.settlement[11]} → ${fast.outcomes.settlement[11]}; mean duration ${slow.duration.restrictedMeanMonths} → ${fast.duration.restrictedMeanMonths}; mean terms ${meanTerms(slow).toFixed(3)} → ${meanTerms(fast).toFixed(3)}`,
    );
    expect(fast.outcomes.settlement[11]).toBeGreaterThan(slow.outcomes.settlement[11]);
    expect(fast.duration.restrictedMeanMonths).toBeLessThan(slow.duration.restrictedMeanMonths);
    expect(meanTerms(fast)).toBeLessThan(meanTerms(slow));
  });

  // Issue 3 asks for "faster aid waning → earlier settlement for the aid recipient". In the full
  // model the opposite happens: a known waning rate is a shifting balance of power, and
  // commitment.ts (Powell 2006) makes the declining recipient refuse any deal while the projected
  // 12-month fall in its chance of winning exceeds the cost of fighting on (with δ = 0.99, h = 12,
  // c = 0.02 that is Δp ≳ 0.08, reached by aid level 1 waning at ≥ 2 %/month). The recipient then
  // fights on until the remaining aid, and so the shift, is small: settlement comes later
  // (settled by 12: 0.70 at waning 0 → 0.20 at 0.05) though on worse terms. The two claims of
  // the issue (mechanism 5 and this test) contradict each other for shifts this large; resolving
  // it is a modelling decision for the lead, not a test change.
  it.fails('full model: faster aid waning → earlier settlement for the aid recipient (blocked by the commitment problem)', () => {
    const slow = run(aided(0));
    const fast = run(aided(0.05));
    console.log(
      `full model: settled by 12 ${slow.outcomes.settlement[11]} → ${fast.outcomes.settlement[11]}; A blocked by commitment (months 1-12) ${warWeightedMean(slow, slow.diagnostics.parties[0].commitmentBlocked, 0, 12).toFixed(3)} → ${warWeightedMean(fast, fast.diagnostics.parties[0].commitmentBlocked, 0, 12).toFixed(3)}`,
    );
    expect(fast.outcomes.settlement[11]).toBeGreaterThan(slow.outcomes.settlement[11]);
  });

  it('an attention shock cuts delivered aid while it lasts', () => {
    const base = run(aided(0));
    const shocked = run({
      a: { support: [{ patron: 'pa', level: 1, waningRate: 0, attentionShocks: [{ month: 2, drop: 0.5, durationMonths: 3 }] }] },
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
    for (let t = 0; t < 12; t++) if (r.diagnostics.atWar[t] > 0) expect(r.diagnostics.parties[0].aid[t]).toBeCloseTo(1, 6);
  });
});
