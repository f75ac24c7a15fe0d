import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../model/index.ts';
import { scenarioFeatures, supportOrdinal } from './scenarioFeatures.ts';

const yaml = `
id: test-war
name: Test war
type: interstate
parties:
  - { id: red, name: Red, role: belligerent, side: A, leader: { regime: autocracy }, military: { casualtiesPerMonth: 3000 },
      support: [ { patron: far, level: { low: 0.05, high: 0.15 } } ] }
  - { id: blue, name: Blue, role: belligerent, side: B, leader: { regime: democracy }, military: { casualtiesPerMonth: 1000 },
      support: [ { patron: near, level: 0.6 } ] }
  - { id: far, name: Far, role: patron, side: A }
  - { id: near, name: Near, role: patron, side: B }
  - { id: wise, name: Wise, role: mediator }
front: { description: contested border provinces, balance: 0.55 }
`;

describe('scenarioFeatures', () => {
  const parsed = parseScenarioText(yaml);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const s = parsed.value;

  it('maps a scenario onto the analogue features', () => {
    expect(scenarioFeatures(s, { monthsSinceOnset: 24 })).toEqual({
      warType: 'interstate',
      durationMonths: 24,
      momentum: 0,
      supportMax: 3,
      supportMin: 1,
      regimePair: 'autocracy+democracy',
      territorial: true,
      mediation: true,
      deathsPerMonth: 4000,
    });
  });

  it('leaves the duration unknown when the onset is not given', () => {
    expect(scenarioFeatures(s).durationMonths).toBeNull();
  });

  it('support thresholds', () => {
    expect([0, 0.05, 0.15, 0.49, 0.5, 2].map(supportOrdinal)).toEqual([0, 1, 2, 2, 3, 3]);
  });
});
