// A minimal scenario (two belligerents, nothing else) gets every documented default, and the
// inferred Scenario type has the shapes the engine relies on.
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  parseScenarioText,
  type Belligerent,
  type InputIssue,
  type Intervention,
  type Mediator,
  type Result,
  type Scenario,
  type Uncertain,
} from '../../src/model/index.ts';
import calibratedDefaults from '../../src/model/calibratedDefaults.json' with { type: 'json' };
import durabilityDefaults from '../../src/model/durabilityDefaults.json' with { type: 'json' };

/** The draw probability is a calibrated default (src/model/calibratedDefaults.json, 3 significant digits). */
const CALIBRATED_DRAW = Number(calibratedDefaults.engine.battle.drawProbability.toPrecision(3));

const MINIMAL = `id: minimal
name: Minimal
parties:
  - { id: a, name: A, role: belligerent, side: A }
  - { id: b, name: B, role: belligerent, side: B }
  - { id: m, name: M, role: mediator }
  - { id: p, name: P, role: patron, side: A }
`;

function minimal(): Scenario {
  const result = parseScenarioText(MINIMAL);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

describe('defaults', () => {
  const s = minimal();
  const [a] = s.parties;
  const mediator = s.parties.find((p): p is Mediator => p.role === 'mediator');

  it('settings', () => {
    expect(s.settings).toEqual({ horizonMonths: 120, runs: 2000, seed: 1, explainMonth: 0 });
  });

  it('scenario-level fields', () => {
    expect(s).toMatchObject({
      type: 'interstate',
      sources: [],
      backChannels: [],
      interventions: [],
    });
    expect(s.front).toEqual({ positions: 10, balance: 0.5, territoryHeldByA: 0.5, demands: {} });
  });

  it('belligerent leader, military, beliefs, opinion and support', () => {
    expect(a).toMatchObject({
      leader: { regime: 'autocracy', hawkishness: 0.5, audienceCost: 0.3 },
      military: {
        strength: 1,
        strongTypeProbability: 0.5,
        strongTypeAdvantage: 1.6,
        monthlyCost: 0.02,
        casualtiesPerMonth: 2000,
        reserves: 0.5,
        escalationCapacity: 0.5,
      },
      beliefs: { enemyStrong: 0.5, optimism: 0 },
      opinion: {
        supportForWar: 0.6,
        supportForTalks: 0.4,
        supportForConcessions: 0.2,
        casualtySensitivity: 1,
      },
      support: [],
      demobilisationShift: 0,
    });
  });

  it('mediator', () => {
    expect(mediator).toMatchObject({
      kind: 'state',
      mediation: {
        bias: { toward: 'neutral', strength: 0.5 },
        informationQuality: 0.3,
        offerMonth: null,
        arrivalRate: 0,
        confidential: true,
        style: 'facilitation',
        guarantee: 0,
        carrots: [],
        sticks: [],
      },
    });
  });

  it('a support line and its attention shocks', () => {
    const result = parseScenarioText(
      MINIMAL.replace(
        'side: A }',
        'side: A, support: [{ patron: p, attentionShocks: [{ month: 3 }] }] }',
      ),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const line = (result.value.parties[0] as Belligerent).support[0];
    expect(line).toEqual({
      patron: 'p',
      level: 0.5,
      waningRate: 0.01,
      fungible: false,
      attentionShocks: [{ month: 3, drop: 0.3, durationMonths: 6 }],
      conditions: { minimumShare: 0, opposesTalks: false },
    });
  });

  it('every mechanism is enabled with its documented parameters', () => {
    const names = [
      'battle',
      'beliefs',
      'domestic',
      'support',
      'bargaining',
      'commitment',
      'conversation',
      'ripeness',
      'mediation',
      'backChannel',
      'contact',
      'durability',
      'fading',
    ];
    expect(Object.keys(s.mechanisms).sort()).toEqual([...names].sort());
    for (const name of names)
      expect(s.mechanisms[name as keyof Scenario['mechanisms']].enabled).toBe(true);
    expect(s.mechanisms.battle).toMatchObject({ enabled: true, drawProbability: CALIBRATED_DRAW });
    expect(s.mechanisms.durability).toMatchObject({
      followUpMonths: 120,
      // fitted on the case base's training fold (src/model/durabilityDefaults.json)
      baseRelapseHazard: Number(durabilityDefaults.durability.baseRelapseHazard.toPrecision(3)),
    });
  });

  it('a partial mechanisms block keeps the other defaults', () => {
    const result = parseScenarioText(`${MINIMAL}mechanisms:\n  battle: { enabled: false }\n`);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.value.mechanisms.battle).toMatchObject({
      enabled: false,
      drawProbability: CALIBRATED_DRAW,
    });
    expect(result.value.mechanisms.ripeness.enabled).toBe(true);
  });
});

describe('Scenario type', () => {
  it('has the expected field types', () => {
    expectTypeOf<Scenario['settings']['horizonMonths']>().toEqualTypeOf<number>();
    expectTypeOf<Scenario['settings']['startDate']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Scenario['type']>().toEqualTypeOf<
      'interstate' | 'civil' | 'internationalized-civil' | 'extra-state'
    >();
    expectTypeOf<Scenario['parties'][number]['role']>().toEqualTypeOf<
      'belligerent' | 'patron' | 'mediator'
    >();
    expectTypeOf<Belligerent['side']>().toEqualTypeOf<'A' | 'B'>();
    expectTypeOf<Belligerent['military']['strength']>().toEqualTypeOf<Uncertain>();
    expectTypeOf<Mediator['mediation']['offerMonth']>().toEqualTypeOf<number | null>();
    expectTypeOf<Intervention['kind']>().toEqualTypeOf<
      | 'aid-change'
      | 'mediator-entry'
      | 'incentive-offer'
      | 'ceasefire-proposal'
      | 'back-channel-open'
      | 'show-of-strength'
    >();
    expectTypeOf(parseScenarioText).returns.toEqualTypeOf<Result<Scenario>>();
    expectTypeOf<Extract<Result<Scenario>, { ok: false }>['issues']>().toEqualTypeOf<
      InputIssue[]
    >();
  });
});
