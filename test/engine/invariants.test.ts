import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  runScenario,
  MechanismParamsSchema,
  OUTCOME_NAMES,
  type RunResult,
} from '../../src/engine/index.ts';
import { build, mediator, patron, A, B } from './fixtures.ts';

const OUTCOMES = OUTCOME_NAMES;
const MECHS = Object.keys(MechanismParamsSchema.parse({})) as (keyof ReturnType<
  typeof MechanismParamsSchema.parse
>)[];

/** Every number in the JSON is finite; returns the paths of the offending values. */
function nonFinite(x: unknown, path = '$', out: string[] = []): string[] {
  if (typeof x === 'number' && !Number.isFinite(x)) out.push(path);
  else if (Array.isArray(x)) x.forEach((v, i) => nonFinite(v, `${path}[${i}]`, out));
  else if (x && typeof x === 'object')
    for (const [k, v] of Object.entries(x)) nonFinite(v, `${path}.${k}`, out);
  return out;
}

function checkInvariants(r: RunResult): void {
  const H = r.meta.horizonMonths;
  expect(nonFinite(r)).toEqual([]);
  for (let t = 0; t < H; t++) {
    let sum = 0;
    for (const o of OUTCOMES) sum += r.outcomes[o][t];
    expect(Math.abs(sum - 1)).toBeLessThan(1e-5); // each share rounded to 1e-6
  }
  const probs: number[][] = [
    ...Object.values(r.outcomes),
    ...Object.values(r.talks),
    ...Object.values(r.durability.survival),
  ];
  for (const s of probs) for (const p of s) expect(p >= 0 && p <= 1).toBe(true);
  for (const o of OUTCOMES) {
    const s = r.outcomes[o];
    for (let t = 1; t < H; t++) {
      if (o === 'ongoing') expect(s[t]).toBeLessThanOrEqual(s[t - 1]);
      else expect(s[t]).toBeGreaterThanOrEqual(s[t - 1]);
    }
  }
  for (const ch of ['any', 'secret', 'mediated', 'public'] as const)
    for (let t = 1; t < H; t++) expect(r.talks[ch][t]).toBeGreaterThanOrEqual(r.talks[ch][t - 1]);
  for (let t = 0; t < H; t++)
    for (const ch of ['secret', 'mediated', 'public'] as const)
      expect(r.talks.any[t]).toBeGreaterThanOrEqual(r.talks[ch][t]);
  for (const s of Object.values(r.durability.survival))
    for (let m = 1; m < s.length; m++) expect(s[m]).toBeLessThanOrEqual(s[m - 1]);
  for (const p of r.diagnostics.parties)
    for (let t = 0; t < H; t++) {
      if (r.diagnostics.atWar[t] === 0) continue;
      const postures =
        p.postureClosed[t] + p.postureSecret[t] + p.postureMediated[t] + p.posturePublic[t];
      expect(Math.abs(postures - 1)).toBeLessThan(1e-5);
      for (const k of ['pWin', 'mhs', 'wayOut', 'readiness', 'support'] as const)
        expect(p[k][t] >= 0 && p[k][t] <= 1).toBe(true);
    }
  for (const e of r.explanation.parties) {
    const share = Object.values(e.primary).reduce((x, y) => x + y, 0);
    if (e.runsAtWar > 0) expect(Math.abs(share - 1)).toBeLessThan(1e-5);
  }
  if (r.leaks.monthlyRate !== null) expect(r.leaks.monthlyRate).toBeLessThanOrEqual(1);
}

const unit = fc.double({ min: 0, max: 1, noNaN: true });
const range = (lo: number, hi: number) =>
  fc.oneof(
    fc.double({ min: lo, max: hi, noNaN: true }),
    fc
      .tuple(
        fc.double({ min: lo, max: hi, noNaN: true }),
        fc.double({ min: lo, max: hi, noNaN: true }),
      )
      .map(([x, y]) => ({ low: Math.min(x, y), high: Math.max(x, y) })),
  );
const side = fc.record({
  leader: fc.record({
    hawkishness: range(0, 1),
    audienceCost: range(0, 2),
    regime: fc.constantFrom('democracy', 'mixed', 'autocracy'),
  }),
  military: fc.record({
    strength: range(0.2, 5),
    strongTypeProbability: unit,
    strongTypeAdvantage: range(1, 4),
    monthlyCost: range(0, 0.08),
    casualtiesPerMonth: range(0, 20000),
    reserves: unit,
    escalationCapacity: unit,
  }),
  beliefs: fc.record({
    enemyStrong: unit,
    optimism: fc.double({ min: -0.5, max: 0.5, noNaN: true }),
  }),
  opinion: fc.record({
    supportForWar: unit,
    supportForTalks: unit,
    supportForConcessions: unit,
    casualtySensitivity: range(0, 5),
  }),
  demobilisationShift: fc.double({ min: 0, max: 0.4, noNaN: true }),
});
const scenarioArb = fc.record({
  a: side,
  b: side,
  aid: fc.option(
    fc.record({
      level: range(0, 2),
      waningRate: fc.double({ min: 0, max: 0.2, noNaN: true }),
      fungible: fc.boolean(),
    }),
  ),
  med: fc.option(
    fc.record({
      informationQuality: unit,
      guarantee: unit,
      confidential: fc.boolean(),
      style: fc.constantFrom('facilitation', 'formulation', 'manipulation'),
      offerMonth: fc.option(fc.integer({ min: 0, max: 11 })),
      arrivalRate: unit,
      bias: fc.record({ toward: fc.constantFrom('neutral', A, B), strength: unit }),
      carrot: fc.double({ min: 0, max: 0.3, noNaN: true }),
    }),
  ),
  bc: fc.option(
    fc.record({
      participants: fc.integer({ min: 1, max: 50 }),
      leakHazardPerParticipant: fc.double({ min: 0, max: 0.1, noNaN: true }),
      openFrom: fc.integer({ min: 0, max: 11 }),
    }),
  ),
  positions: fc.integer({ min: 2, max: 20 }),
  balance: unit,
  horizon: fc.integer({ min: 12, max: 30 }), // scheduled months below are < 12
  seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  off: fc.subarray(MECHS, { maxLength: 3 }),
});

describe('invariants over random valid scenarios (property-based)', () => {
  it('probabilities in [0, 1], cumulative incidences monotone, outcome shares sum to 1 every month, no NaN, talks.any ≥ each channel', () => {
    fc.assert(
      fc.property(scenarioArb, (x) => {
        const extra = [];
        if (x.aid) extra.push(patron('pa', 'A'));
        if (x.med) {
          const { carrot, ...m } = x.med;
          extra.push(mediator({ ...m, carrots: [{ to: A, size: carrot }] }));
        }
        const s = build({
          a: { ...x.a, support: x.aid ? [{ patron: 'pa', ...x.aid }] : [] },
          b: x.b,
          extraParties: extra,
          front: { positions: x.positions, balance: x.balance },
          backChannels: x.bc ? [{ id: 'bc', ...x.bc }] : [],
          settings: { runs: 150, horizonMonths: x.horizon, seed: x.seed, explainMonth: 0 },
          mechanisms: Object.fromEntries(x.off.map((m) => [m, { enabled: false }])),
        });
        checkInvariants(runScenario(s));
      }),
      { seed: 20240601, numRuns: 40 },
    );
  });

  it('every mechanism can be switched off alone (ablation) and the result stays valid', () => {
    for (const m of MECHS) {
      const r = runScenario(
        build({
          mechanisms: { [m]: { enabled: false } },
          extraParties: [mediator({ carrots: [{ to: A, size: 0.1 }] })],
          backChannels: [{ id: 'bc' }],
          settings: { runs: 300, horizonMonths: 24 },
        }),
      );
      checkInvariants(r);
    }
  });

  it('all mechanisms off at once still gives a valid result', () => {
    const r = runScenario(
      build({
        mechanisms: Object.fromEntries(MECHS.map((m) => [m, { enabled: false }])),
        settings: { runs: 300, horizonMonths: 24 },
      }),
    );
    checkInvariants(r);
  });
});
