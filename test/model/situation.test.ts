/**
 * The war as it stands on the forecast date (`situation`): optional, checked against the dates it
 * depends on, each problem named at its path.
 */
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../src/model/index.ts';

const base = (extra: string) => `id: s
name: S
parties:
  - { id: a, name: A, role: belligerent, side: A }
  - { id: b, name: B, role: belligerent, side: B }
${extra}`;

const messages = (text: string) => {
  const r = parseScenarioText(text);
  return r.ok ? [] : r.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('situation', () => {
  it('is optional, and valid with dates in order', () => {
    expect(messages(base(''))).toEqual([]);
    expect(
      messages(
        base(
          'situation: { lastContact: 2024-02-08, talksUnderWay: mediated }\nsettings: { startDate: 2024-02, warBegan: 2022-02-24 }',
        ),
      ),
    ).toEqual([]);
  });

  it('refuses a last contact without a forecast date, after it, or before the war began', () => {
    expect(messages(base('situation: { lastContact: 2024-01 }'))).toEqual([
      'situation.lastContact: a last known contact needs settings.startDate (the forecast date the contact clock runs to)',
    ]);
    expect(
      messages(base('situation: { lastContact: 2025-06 }\nsettings: { startDate: 2024-02 }')),
    ).toEqual([
      'situation.lastContact: the last known contact (2025-06) lies after the forecast date settings.startDate (2024-02)',
    ]);
    expect(
      messages(
        base(
          'situation: { lastContact: 2020-06 }\nsettings: { startDate: 2024-02, warBegan: 2022-02 }',
        ),
      )[0],
    ).toMatch(/before the war began/);
  });

  it('names an unknown channel for talks under way', () => {
    expect(messages(base('situation: { talksUnderWay: hotel }'))[0]).toMatch(
      /^situation\.talksUnderWay: /,
    );
  });
});
