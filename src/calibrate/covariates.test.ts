// Covariates of historical cases: the CINC-to-strength mapping, the Polity regime cut-offs and
// the onset sums over each side's states.
import { describe, expect, it } from 'vitest';
import {
  attachCovariates,
  capabilityStrength,
  regimeFromPolity2,
  stateYearKey,
  type StateYearCovariates,
} from './covariates.ts';
import { syntheticCase } from './syntheticCases.ts';

describe('capabilityStrength', () => {
  it('rises strictly with the CINC ratio, is 1 at parity, reciprocal between sides and bounded by 1/5 and 5', () => {
    const ratios = [1e-4, 0.01, 0.1, 0.2, 0.5, 0.9, 1, 1.1, 2, 5, 10, 100, 1e4];
    const s = ratios.map(capabilityStrength);
    for (let i = 1; i < s.length; i++) expect(s[i]).toBeGreaterThan(s[i - 1]);
    expect(capabilityStrength(1)).toBeCloseTo(1, 12);
    for (const r of ratios)
      expect(capabilityStrength(r) * capabilityStrength(1 / r)).toBeCloseTo(1, 10);
    expect(Math.max(...s)).toBeLessThan(5);
    expect(Math.min(...s)).toBeGreaterThan(0.2);
    // near parity the mapping is the ratio itself (slope 1 at r = 1)
    expect(capabilityStrength(1.05)).toBeCloseTo(1.05, 2);
  });

  it('refuses a ratio that is not positive and finite', () => {
    for (const r of [0, -1, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => capabilityStrength(r)).toThrow(RangeError);
  });
});

describe('regimeFromPolity2', () => {
  it('uses the conventional Polity cut-offs: ≥ 6 democracy, ≤ −6 autocracy, anocracy (mixed) between', () => {
    expect(regimeFromPolity2(10)).toBe('democracy');
    expect(regimeFromPolity2(6)).toBe('democracy');
    expect(regimeFromPolity2(5)).toBe('mixed');
    expect(regimeFromPolity2(0)).toBe('mixed');
    expect(regimeFromPolity2(-5)).toBe('mixed');
    expect(regimeFromPolity2(-6)).toBe('autocracy');
    expect(regimeFromPolity2(-10)).toBe('autocracy');
  });
});

describe('attachCovariates', () => {
  const t: StateYearCovariates = {
    cinc: new Map([
      [stateYearKey(2, 1900), 0.2],
      [stateYearKey(200, 1900), 0.1],
      [stateYearKey(710, 1900), 0.05],
      [stateYearKey(99, 1900), 0.01],
    ]),
    polity2: new Map([
      [stateYearKey(2, 1900), 10],
      [stateYearKey(200, 1900), 7],
      [stateYearKey(710, 1900), -6],
    ]),
  };
  const base = syntheticCase(5, { startYear: 1900 });

  it("sums each side's CINC in the onset year and takes the leading state's polity2", () => {
    const [c] = attachCovariates([{ ...base, participants: { a: [200, 2], b: [710] } }], t);
    expect(c.capability).toEqual({
      year: 1900,
      cincA: expect.closeTo(0.3, 12) as number,
      cincB: 0.05,
    });
    expect(c.polity2).toEqual({ a: 10, b: -6 });
  });

  it('records no capability when a state lacks CINC in that year (a partial sum would understate the side)', () => {
    const [c] = attachCovariates([{ ...base, participants: { a: [2, 42], b: [710] } }], t);
    expect(c.capability).toBeUndefined();
    const [d] = attachCovariates(
      [{ ...base, startYear: 1901, participants: { a: [2], b: [710] } }],
      t,
    );
    expect(d.capability).toBeUndefined();
    expect(d.polity2).toEqual({ a: null, b: null });
  });

  it('leaves a side without a leader polity2 as null and a case without participants untouched', () => {
    const [c] = attachCovariates([{ ...base, participants: { a: [99], b: [710] } }], t);
    expect(c.polity2).toEqual({ a: null, b: -6 });
    expect(c.capability).toBeDefined();
    const [d] = attachCovariates([base], t);
    expect(d).toBe(base);
  });
});
