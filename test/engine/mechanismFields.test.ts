/**
 * Each mechanism touches only the state fields it declares (issue #16, item 1): every bundled
 * scenario and variant, plus a fixture that switches on every optional feature, is simulated
 * with each step given a recording proxy of the state; a read outside `reads ∪ writes` or a
 * write outside `writes` fails, naming the mechanism and the field. A mechanism's `sample` (its
 * starting values and input draws) may write only the fields it owns.
 */
import { describe, expect, it } from 'vitest';
import {
  MECHANISMS,
  MechanismParamsSchema,
  State,
  compact,
  compile,
  type Mechanism,
} from '../../src/engine/index.ts';
import type { Scenario } from '../../src/model/index.ts';
import { prepareVariants } from '../../src/analysis/variants.ts';
import { listBundledScenarioIds, loadScenario } from '../../src/data/scenarios.ts';
import { A, B, build, mediator, patron } from './fixtures.ts';

const RUNS = 48;

/** Field name → what each mechanism did with it. */
type Touches = Map<string, { reads: Set<string>; writes: Set<string> }>;

function stateFields(s: State): Set<string> {
  return new Set(
    Object.keys(s).filter(
      (k) =>
        ArrayBuffer.isView((s as unknown as Record<string, unknown>)[k]) &&
        k !== 'active' &&
        k !== 'endedNow',
    ),
  );
}

/** A view of the state that records which fields `mech` reads (indexes) and writes. */
function recording(s: State, fields: Set<string>, mech: Mechanism, touches: Touches): State {
  const t = touches.get(mech.id)!;
  return new Proxy(s, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof prop !== 'string' || !fields.has(prop)) return value;
      const arr = value as Float64Array;
      return new Proxy(arr, {
        get(a, i) {
          const v: unknown = Reflect.get(a, i, a);
          if (typeof v === 'function') {
            t.writes.add(prop); // fill, set, copyWithin…: treat every method call as a write
            return (v as (...args: unknown[]) => unknown).bind(a);
          }
          if (typeof i === 'string' && /^\d+$/.test(i)) t.reads.add(prop);
          return v;
        },
        set(a, i, v) {
          t.writes.add(prop);
          return Reflect.set(a, i, v, a);
        },
      });
    },
  });
}

function simulateRecording(scenario: Scenario, touches: Touches): void {
  const c = compile(scenario);
  const s = new State(c, 0, RUNS);
  const fields = stateFields(s);
  const views = MECHANISMS.map((m) => recording(s, fields, m, touches));
  for (let r = 0; r < RUNS; r++) s.active[r] = r;
  s.nActive = RUNS;
  for (let t = 0; t < c.horizonMonths && s.nActive > 0; t++) {
    s.t = t;
    s.nEndedNow = 0;
    MECHANISMS.forEach((m, k) => {
      m.step(views[k]);
      if (m.endsWars) compact(s);
    });
  }
}

/** Every optional feature at once: a biased mediator with carrots and sticks, a back channel, events. */
const everything = build({
  extraParties: [
    patron('patron', 'A'),
    mediator({
      carrots: [{ to: A, size: 0.1 }],
      sticks: [{ on: B, size: 0.1 }],
      bias: { toward: A, strength: 0.3 },
    }),
  ],
  a: {
    support: [
      {
        patron: 'patron',
        level: 0.4,
        waningRate: 0.05,
        conditions: { opposesTalks: true, minimumShare: 0.4 },
      },
    ],
  },
  backChannels: [{ id: 'bc', participants: 4 }],
  interventions: [
    { kind: 'incentive-offer', month: 2, from: 'patron', to: A, size: 0.1, conditionalOn: 'talks' },
    { kind: 'ceasefire-proposal', month: 3, by: 'med', pressure: 0.3 },
    { kind: 'aid-change', month: 4, recipient: A, patron: 'patron', level: 0.3 },
    { kind: 'mediator-entry', month: 5, mediator: 'med' },
    { kind: 'back-channel-open', month: 1, channel: 'bc' },
    { kind: 'show-of-strength', month: 1, party: B, size: 0.2 },
  ],
  settings: { runs: RUNS, horizonMonths: 36, seed: 3 },
});

function scenarios(): [string, Scenario][] {
  const out: [string, Scenario][] = [['fixture: every feature', everything]];
  for (const id of listBundledScenarioIds()) {
    const loaded = loadScenario(id).result;
    if (!loaded.ok) throw new Error(`bundled ${id} does not load`);
    const prepared = prepareVariants(loaded.value);
    if (!prepared.ok) throw new Error(`variants of ${id} do not apply`);
    for (const v of prepared.value) out.push([`${id}/${v.id}`, v.scenario]);
  }
  return out;
}

describe('mechanisms declare the state they touch', () => {
  const touches: Touches = new Map(
    MECHANISMS.map((m) => [m.id, { reads: new Set(), writes: new Set() }]),
  );
  for (const [, s] of scenarios()) simulateRecording(s, touches);

  for (const m of MECHANISMS) {
    it(`${m.id}: reads ⊆ reads ∪ writes, writes ⊆ writes`, () => {
      const t = touches.get(m.id)!;
      const declared = new Set<string>([...m.reads, ...m.writes]);
      expect(
        [...t.writes].filter((f) => !m.writes.includes(f as never)).sort(),
        'undeclared writes',
      ).toEqual([]);
      expect([...t.reads].filter((f) => !declared.has(f)).sort(), 'undeclared reads').toEqual([]);
    });
  }

  it('a mechanism starts and samples only the fields it owns', () => {
    const sampled: Touches = new Map(
      MECHANISMS.map((m) => [m.id, { reads: new Set(), writes: new Set() }]),
    );
    for (const [, scenario] of scenarios()) {
      const s = new State(compile(scenario), 0, RUNS);
      const fields = stateFields(s);
      for (const m of MECHANISMS) m.sample?.(recording(s, fields, m, sampled));
    }
    for (const m of MECHANISMS) {
      const owned = Object.keys(m.fields ?? {});
      expect(
        [...sampled.get(m.id)!.writes].filter((f) => !owned.includes(f)),
        m.id,
      ).toEqual([]);
    }
    // the owners that draw: battle's tempo, the lines, the mediators, contact, the channels
    expect(MECHANISMS.filter((m) => sampled.get(m.id)!.writes.size > 0).length).toBeGreaterThan(4);
  });

  it('every mechanism names a parameter group of the schema, and every group is named', () => {
    const groups = Object.keys(MechanismParamsSchema.parse({}));
    for (const m of MECHANISMS) if (m.params !== null) expect(groups, m.id).toContain(m.params);
    expect(groups.filter((g) => !MECHANISMS.some((m) => m.params === g))).toEqual([]);
  });

  it('exactly one mechanism marks where the month is observed', () => {
    expect(MECHANISMS.filter((m) => m.observedAfter).map((m) => m.id)).toHaveLength(1);
  });
});
