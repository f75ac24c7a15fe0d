import { describe, expect, it } from 'vitest';
import { FEATURE_SPECS, analogueDistance, featureRanges, findAnalogues } from './analogues.ts';
import { caseFeatures } from './caseFeatures.ts';
import { ev, makeCase } from './caseFixtures.ts';

const AS_OF = 2025;
const cases = [
  makeCase({
    id: 'border-war',
    timeline: [ev.mediation('2000-06-01')],
    battlefieldAtTalks: 'stalemate',
    casualties: { battleDeaths: 20_000 },
  }),
  makeCase({
    id: 'border-war-twin',
    timeline: [ev.mediation('2000-07-01')],
    battlefieldAtTalks: 'stalemate',
    casualties: { battleDeaths: 24_000 },
  }),
  makeCase({
    id: 'rebellion',
    type: 'civil',
    regimes: { sideA: 'autocracy', sideB: 'non-state' },
    stakes: ['government'],
    start: { date: '1980', precision: 'year' },
    end: { date: '1995', precision: 'year' },
    outsideSupport: { sideA: 'substantial', sideB: 'decisive' },
    outcome: 'victory-side-a',
    casualties: { battleDeaths: 300_000 },
  }),
  makeCase({
    id: 'short-clash',
    start: { date: '1969-07-14', precision: 'day' },
    end: { date: '1969-07-18', precision: 'day' },
    timeline: [ev.talks('1969-07-16')],
    battlefieldAtTalks: 'momentum-side-a',
    casualties: { battleDeaths: 2000 },
  }),
  makeCase({
    id: 'colonial',
    type: 'extra-state',
    regimes: { sideA: 'colonial', sideB: 'non-state' },
    stakes: ['independence'],
    outcome: 'victory-side-b',
  }),
];

describe('analogueDistance', () => {
  it('is zero for identical features and symmetric', () => {
    const f = cases.map((c) => caseFeatures(c, AS_OF));
    const r = featureRanges(f);
    expect(analogueDistance(f[0], f[0], r).distance).toBe(0);
    expect(analogueDistance(f[0], f[3], r).distance).toBeCloseTo(
      analogueDistance(f[3], f[0], r).distance,
      12,
    );
    for (const x of f)
      for (const y of f) {
        const d = analogueDistance(x, y, r).distance;
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(1);
      }
  });

  it('drops features unknown for the query (Gower) and counts features unknown for the case as half different', () => {
    const f = caseFeatures(cases[0], AS_OF);
    const g = { ...f, deathsPerMonth: null, warType: null };
    expect(analogueDistance(g, f, featureRanges([f, g])).distance).toBe(0);
    const total = FEATURE_SPECS.reduce((t, s) => t + s.weight, 0);
    expect(analogueDistance(f, g, featureRanges([f, g])).distance).toBeCloseTo(
      (0.5 * (1 + 2)) / total,
      12,
    );
  });

  it('counts civil vs internationalized civil as half different', () => {
    const f = caseFeatures(cases[2], AS_OF);
    const g = { ...f, warType: 'internationalized-civil' as const };
    const only = FEATURE_SPECS.filter((s) => s.name === 'warType');
    expect(analogueDistance(f, g, new Map(), only).distance).toBe(0.5);
  });
});

describe('findAnalogues', () => {
  it('a case is its own nearest analogue', () => {
    for (const c of cases) {
      const [best] = findAnalogues(caseFeatures(c, AS_OF), cases, { asOfYear: AS_OF });
      expect(best.caseId).toBe(c.id);
      expect(best.distance).toBe(0);
    }
  });

  it('a known similar pair ranks first once the case itself is excluded', () => {
    const [best] = findAnalogues(caseFeatures(cases[0], AS_OF), cases, {
      asOfYear: AS_OF,
      excludeId: 'border-war',
    });
    expect(best.caseId).toBe('border-war-twin');
    expect(best.matched).toContain('war type');
    expect(best.negotiation).toMatch(/mediated by Gamma/);
  });

  it('does not depend on the order of cases or of features', () => {
    const q = caseFeatures(cases[2], AS_OF);
    const base = findAnalogues(q, cases, { asOfYear: AS_OF });
    const reversed = findAnalogues(q, [...cases].reverse(), {
      asOfYear: AS_OF,
      specs: [...FEATURE_SPECS].reverse(),
    });
    expect(reversed.map((a) => [a.caseId, a.distance])).toEqual(
      base.map((a) => [a.caseId, a.distance]),
    );
  });

  it('respects top', () => {
    expect(
      findAnalogues(caseFeatures(cases[0], AS_OF), cases, { asOfYear: AS_OF, top: 2 }),
    ).toHaveLength(2);
  });
});
