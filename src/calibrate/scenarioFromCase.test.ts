// The historical-case scenario builder with and without covariates: CINC share raises strength,
// polity2 sets the leader's regime, recorded mediators and back channels enter the scenario, and
// without any of these the scenarios are byte-identical to the builder's before covariates.
import { createHash } from 'node:crypto';
import { asAtHashCommit } from '../../test/calibrate/asAtHashCommit.ts';
import { describe, expect, it } from 'vitest';
import type { Belligerent, Mediator } from '../model/index.ts';
import type { HistoricalCase } from './historicalCases.ts';
import { DEFAULT_BUILDER, scenarioFromCase, type BuilderParams } from './scenarioFromCase.ts';
import { syntheticCase } from './syntheticCases.ts';

const build = (c: HistoricalCase, builder: BuilderParams = DEFAULT_BUILDER) =>
  scenarioFromCase(c, { builder, runs: 50, horizonMonths: 240, seed: 3 });
const side = (c: HistoricalCase, id: 'side-a' | 'side-b') =>
  build(c).parties.find((p) => p.id === id) as Belligerent;
const strengthA = (c: HistoricalCase) => side(c, 'side-a').military.strength as number;

describe('scenarioFromCase with capabilities', () => {
  const base = syntheticCase(4);
  it("gives side A more strength the larger its coalition's CINC share at onset", () => {
    const shares = [0.05, 0.2, 0.4, 0.5, 0.6, 0.8, 0.95];
    const s = shares.map((p) =>
      strengthA({ ...base, capability: { year: base.startYear, cincA: p, cincB: 1 - p } }),
    );
    for (let i = 1; i < s.length; i++) expect(s[i]).toBeGreaterThan(s[i - 1]);
    expect(s[3]).toBeCloseTo(1, 12);
    expect(
      side({ ...base, capability: { year: 1890, cincA: 0.9, cincB: 0.1 } }, 'side-b').military
        .strength,
    ).toBe(1);
  });

  it('overrides the side-size ratio: equal CINC gives parity even where side A has more states and a major power', () => {
    const lopsided = syntheticCase(1); // 2 states and 1 major power against 1 state
    expect(strengthA(lopsided)).toBe(4);
    expect(
      strengthA({ ...lopsided, capability: { year: 1860, cincA: 0.02, cincB: 0.02 } }),
    ).toBeCloseTo(1, 12);
  });
});

describe('scenarioFromCase with regimes', () => {
  const base = syntheticCase(2);
  it('a polity2 of 10 gives a democracy, −8 an autocracy, 0 a mixed regime', () => {
    const c = { ...base, polity2: { a: 10, b: -8 } };
    expect(side(c, 'side-a').leader.regime).toBe('democracy');
    expect(side(c, 'side-b').leader.regime).toBe('autocracy');
    expect(side({ ...base, polity2: { a: 0, b: null } }, 'side-a').leader.regime).toBe('mixed');
  });

  it("falls back to the case base's regime coding when polity2 is unknown, and polity2 wins when both exist", () => {
    const c: HistoricalCase = {
      ...base,
      polity2: { a: null, b: -7 },
      recordedRegimes: { a: 'democracy', b: 'democracy' },
    };
    expect(side(c, 'side-a').leader.regime).toBe('democracy');
    expect(side(c, 'side-b').leader.regime).toBe('autocracy');
  });
});

describe('scenarioFromCase with the recorded peace process', () => {
  it('adds each recorded mediator with its offer month, style and bias, and each known back channel', () => {
    const c: HistoricalCase = {
      ...syntheticCase(3),
      process: {
        mediators: [
          {
            month: 2,
            name: 'UN Secretary-General',
            kind: 'io',
            biasToward: 'neutral',
            strategy: 'formulation',
          },
          {
            month: 5,
            name: 'United States',
            kind: 'state',
            biasToward: 'a',
            strategy: 'manipulation',
          },
        ],
        backChannels: [{ month: 1 }],
      },
    };
    const s = build(c);
    const meds = s.parties.filter((p): p is Mediator => p.role === 'mediator');
    expect(
      meds.map((m) => [
        m.name,
        m.kind,
        m.mediation.offerMonth,
        m.mediation.style,
        m.mediation.bias.toward,
      ]),
    ).toEqual([
      ['UN Secretary-General', 'io', 2, 'formulation', 'neutral'],
      ['United States', 'state', 5, 'manipulation', 'side-a'],
    ]);
    expect(s.backChannels.map((b) => [b.id, b.openFrom])).toEqual([['channel-1', 1]]);
  });

  it('a civil war with a recorded mediator has no generic randomly arriving one; without, it keeps it', () => {
    const civil = syntheticCase(2, { kind: 'civil' });
    const withMed = build({
      ...civil,
      process: {
        mediators: [
          {
            month: 0,
            name: 'Norway',
            kind: 'state',
            biasToward: 'neutral',
            strategy: 'facilitation',
          },
        ],
        backChannels: [],
      },
    });
    expect(withMed.parties.filter((p) => p.role === 'mediator').map((p) => p.id)).toEqual([
      'mediator-1',
    ]);
    const none = build({ ...civil, process: { mediators: [], backChannels: [] } });
    expect(none.parties.filter((p) => p.role === 'mediator').map((p) => p.id)).toEqual([
      'mediator',
    ]);
    expect(none).toEqual(build(civil));
  });
});

describe('scenarioFromCase without covariates', () => {
  it('builds exactly the scenarios of the builder before covariates (SHA-256 of the builder of commit 2df4e0a, mechanisms apart)', () => {
    const builders: BuilderParams[] = [
      DEFAULT_BUILDER,
      { costScale: 0.05, costSpread: 2, optimismSd: 0.1, frontPositions: 7.6 },
    ];
    const cases = Array.from({ length: 30 }, (_, i) =>
      syntheticCase(i, i % 3 === 2 ? { kind: 'civil', source: 'ucdp' } : {}),
    );
    const hash = createHash('sha256');
    for (const b of builders)
      for (const c of cases)
        hash.update(
          JSON.stringify(
            asAtHashCommit(
              scenarioFromCase(c, {
                builder: b,
                runs: 50,
                horizonMonths: 240,
                seed: 3,
                engine: { battle: { drawProbability: 0.2 } },
              }),
            ),
          ),
        );
    expect(hash.digest('hex')).toBe(
      'bbf6f074a19d3269c9f9e38acab24f06bf007967729139807c36ccb1695e1b75',
    );
  });
});
