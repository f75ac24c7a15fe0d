/**
 * Party ids are user-chosen strings, and the id pattern allows names that plain objects inherit
 * (`constructor`, and `call`, `bind`, `map`, … on functions and arrays). Every id-keyed lookup in
 * the core must use own properties or Maps (issue #15, finding 3): a bundled scenario with its
 * parties renamed to such names gives exactly the aggregate of a neutral rename.
 */
import { describe, expect, it } from 'vitest';
import { IdSchema, ScenarioSchema, type Scenario } from '../../src/model/index.ts';
import { compile, simulateBlock } from '../../src/engine/index.ts';
import { listBundledScenarioIds, loadScenario } from '../../src/data/scenarios.ts';

/** Every inherited property name of the objects the core builds that the id pattern allows. */
const INHERITED = [
  ...new Set(
    [Object.prototype, Function.prototype, Array.prototype, String.prototype].flatMap((p) =>
      Object.getOwnPropertyNames(p),
    ),
  ),
]
  .filter((n) => IdSchema.safeParse(n).success)
  .sort((a, b) => Number(b === 'constructor') - Number(a === 'constructor') || a.localeCompare(b));

/** Renames every party id: string values equal to an id, and the keys of `front.demands`. */
function renameParties(s: Scenario, names: string[]): Scenario {
  const map = new Map(s.parties.map((p, i) => [p.id, names[i]]));
  const walk = (x: unknown, key?: string): unknown => {
    if (typeof x === 'string') return map.get(x) ?? x;
    if (Array.isArray(x)) return x.map((v) => walk(v));
    if (typeof x === 'object' && x !== null) {
      const entries = Object.entries(x).map(([k, v]) => [
        key === 'demands' ? (map.get(k) ?? k) : k,
        walk(v, k),
      ]);
      return Object.fromEntries(entries);
    }
    return x;
  };
  // names and descriptions are free text and never ids; keep them as they are
  const renamed = walk({ ...s, parties: s.parties.map((p) => ({ ...p })) }) as Scenario;
  renamed.name = s.name;
  return ScenarioSchema.parse(renamed);
}

const aggregateOf = (s: Scenario) => JSON.stringify(simulateBlock(compile(s), 0, 300).toJSON());

describe('party ids that objects inherit change nothing', () => {
  it('the id pattern allows inherited names (the property below is not vacuous)', () => {
    expect(INHERITED).toContain('constructor');
    expect(INHERITED.length).toBeGreaterThan(10);
  });

  for (const id of listBundledScenarioIds()) {
    it(`${id}: every party renamed to inherited names equals a neutral rename`, () => {
      const loaded = loadScenario(id).result;
      if (!loaded.ok) throw new Error(`bundled ${id} does not load`);
      // as bundled, and without stated demands (an id missing from a record is where an
      // inherited name answers instead)
      for (const demands of [loaded.value.front.demands, {}]) {
        const s = {
          ...loaded.value,
          front: { ...loaded.value.front, demands },
          settings: { ...loaded.value.settings, runs: 300 },
        };
        const neutral = aggregateOf(
          renameParties(
            s,
            s.parties.map((_, i) => `party-${i}`),
          ),
        );
        // each party takes `constructor` once, the others take further inherited names
        const n = s.parties.length;
        for (let shift = 0; shift < n; shift++) {
          const names = s.parties.map((_, i) => INHERITED[(i - shift + n) % n]);
          expect(aggregateOf(renameParties(s, names)), `${id} as ${names.join(', ')}`).toBe(
            neutral,
          );
        }
      }
    });
  }
});
