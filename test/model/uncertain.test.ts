// Uncertain inputs: a point, {low, high}, {low, mode, high} or {mean, sd}, each part within the
// field's bounds; upside-down ranges are rejected.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { centralValue, isUncertain, parseScenarioText, uncertain } from '../../src/model/index.ts';

const share = uncertain({ min: 0, max: 1, default: 0.5, describe: 'a share' });

const withStrength = (strength: string) => `id: u
name: Uncertain
parties:
  - id: a
    name: A
    role: belligerent
    side: A
    military:
      strength: ${strength}
  - { id: b, name: B, role: belligerent, side: B }
`;

describe('uncertain()', () => {
  it.each([
    ['a point', 0.4],
    ['a uniform range', { low: 0.3, high: 0.5 }],
    ['a degenerate range', { low: 0.3, high: 0.3 }],
    ['a triangular', { low: 0.3, mode: 0.35, high: 0.5 }],
    ['a normal', { mean: 0.4, sd: 0.05 }],
  ])('accepts %s', (_label, value) => {
    expect(share.parse(value)).toEqual(value);
  });

  it('fills in the default when absent', () => {
    expect(share.parse(undefined)).toBe(0.5);
  });

  it.each([
    ['low > high', { low: 0.6, high: 0.5 }, ['low'], 'range has low > high'],
    [
      'mode below low',
      { low: 0.3, mode: 0.2, high: 0.5 },
      ['mode'],
      'triangular needs low <= mode <= high',
    ],
    [
      'mode above high',
      { low: 0.3, mode: 0.6, high: 0.5 },
      ['mode'],
      'triangular needs low <= mode <= high',
    ],
  ])('rejects %s', (_label, value, path, message) => {
    const result = share.safeParse(value);
    expect(result.success).toBe(false);
    // zod may wrap the refinement in an invalid_union (the parser unwraps it; see invalidFixtures).
    const flat = (issues: z.core.$ZodIssue[]): z.core.$ZodIssue[] =>
      issues.flatMap((i) => (i.code === 'invalid_union' ? flat(i.errors.flat()) : [i]));
    expect(flat(result.error?.issues ?? [])).toContainEqual(
      expect.objectContaining({ code: 'custom', path, message }),
    );
  });

  it.each([
    ['a point out of bounds', 1.2],
    ['a range part out of bounds', { low: -0.1, high: 0.5 }],
    ['a negative sd', { mean: 0.4, sd: -0.1 }],
    ['a mixed shape', { low: 0.1, high: 0.5, mean: 0.3 }],
    ['a word', 'high'],
  ])('rejects %s', (_label, value) => {
    expect(share.safeParse(value).success).toBe(false);
  });

  it('central values: point, midpoint of a range, mode, mean', () => {
    expect(centralValue(0.4)).toBe(0.4);
    expect(centralValue({ low: 0.2, high: 0.6 })).toBeCloseTo(0.4, 12);
    expect(centralValue({ low: 0.2, mode: 0.3, high: 0.6 })).toBe(0.3);
    expect(centralValue({ mean: 0.45, sd: 0.1 })).toBe(0.45);
    expect(isUncertain(0.4)).toBe(false);
    expect(isUncertain({ mean: 0.45, sd: 0.1 })).toBe(true);
  });

  it('has the Uncertain shape as its output type', () => {
    const parsed: z.infer<typeof share> = share.parse({ low: 0.1, high: 0.2 });
    expect(typeof parsed === 'object' && 'low' in parsed).toBe(true);
  });
});

describe('uncertain inputs inside a scenario', () => {
  it.each([
    '1.5',
    '{ low: 1.2, high: 1.8 }',
    '{ low: 1.2, mode: 1.4, high: 1.8 }',
    '{ mean: 1.4, sd: 0.2 }',
  ])('accepts strength %s', (strength) => {
    const result = parseScenarioText(withStrength(strength));
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it('rejects a range with low > high, pointing at its line', () => {
    const result = parseScenarioText(withStrength('{ low: 2, high: 1.5 }'));
    if (result.ok) throw new Error('expected failure');
    expect(result.issues).toEqual([
      expect.objectContaining({
        code: 'low_above_high',
        path: ['parties', 0, 'military', 'strength', 'low'],
        message: 'range has low > high',
        line: 9,
      }),
    ]);
  });

  it('rejects a range part outside the field bounds (strength is 0.01..100)', () => {
    const result = parseScenarioText(withStrength('{ low: 0, high: 1 }'));
    if (result.ok) throw new Error('expected failure');
    expect(result.issues[0]).toMatchObject({
      code: 'too_small',
      path: ['parties', 0, 'military', 'strength', 'low'],
    });
  });
});
