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
      'situation.lastContact: the last known contact needs settings.startDate (the forecast date the clock runs to)',
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

  it('dates talks under way and a ceasefire or agreement in force, each checked at its path', () => {
    const dates = 'settings: { startDate: 2024-02, warBegan: 2022-02-24 }';
    expect(
      messages(
        base(
          `situation: { talksUnderWay: secret, talksSince: 2023-06, inForce: { kind: ceasefire, since: 2023-11 } }\n${dates}`,
        ),
      ),
    ).toEqual([]);
    expect(messages(base(`situation: { talksSince: 2023-06 }\n${dates}`))).toEqual([
      'situation.talksSince: talksSince dates the talks under way: set situation.talksUnderWay (secret, mediated or public) too',
    ]);
    expect(
      messages(base(`situation: { inForce: { kind: agreement, since: 2025-01 } }\n${dates}`)),
    ).toEqual([
      'situation.inForce.since: the ceasefire or agreement in force (2025-01) lies after the forecast date settings.startDate (2024-02)',
    ]);
    expect(
      messages(base(`situation: { talksUnderWay: public, talksSince: 2021-01 }\n${dates}`))[0],
    ).toMatch(/^situation\.talksSince: .*before the war began/);
    expect(messages(base('situation: { inForce: { kind: truce } }'))[0]).toMatch(
      /^situation\.inForce\.kind: /,
    );
  });
});
