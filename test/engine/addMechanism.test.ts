/**
 * Adding a mechanism takes one file (test/engine/fixtures/warWeariness.ts) and its registration:
 * the engine allocates the fields it declares, starts them, runs its step each month, and every
 * result it does not touch stays byte-identical.
 */
import { describe, expect, it } from 'vitest';
import {
  Aggregate,
  MECHANISMS,
  State,
  Status,
  compile,
  simulateBlock,
  simulateInto,
  type Mechanism,
} from '../../src/engine/index.ts';
import { field } from '../../src/engine/fields.ts';
import { loadScenario } from '../../src/data/scenarios.ts';
import { warWeariness } from './fixtures/warWeariness.ts';

const RUNS = 300;

/** Bosnia in 1995 over a short horizon, so that some runs end and some are still at war. */
function bosnia() {
  const loaded = loadScenario('bosnia-1995').result;
  if (!loaded.ok) throw new Error('bosnia-1995 does not load');
  return { ...loaded.value, settings: { ...loaded.value.settings, horizonMonths: 6 } };
}

/** Simulate a compiled scenario and hand back its State as the month loop left it. */
function simulated(mechanisms: readonly Mechanism[]): State {
  const c = compile(bosnia(), mechanisms);
  const s = new State(c, 0, RUNS);
  simulateInto(new Aggregate(c.horizonMonths, c.params.durability.followUpMonths), s, {}, 0);
  return s;
}

describe('a mechanism added in one file', () => {
  const s = simulated([...MECHANISMS, warWeariness]);
  const H = s.c.horizonMonths;

  it('has the fields it declares in the state, allocated per run and per party', () => {
    expect(s.monthsAtWar).toBeInstanceOf(Int16Array);
    expect(s.monthsAtWar).toHaveLength(RUNS);
    expect(s.weariness).toBeInstanceOf(Float64Array);
    expect(s.weariness).toHaveLength(2 * RUNS);
    expect(Object.keys(s)).toContain('weariness');
  });

  it('starts them from the scenario and steps them every month at war', () => {
    const atStart = Math.floor(s.c.warMonthsAtStart);
    expect(atStart).toBeGreaterThan(30); // April 1992 to July 1995
    let ended = 0;
    for (let r = 0; r < RUNS; r++) {
      // the last step of the month sees a run only in the months it was at war after the ending steps
      const months = s.status[r] === Status.war ? H : s.endMonth[r];
      if (s.status[r] !== Status.war) ended++;
      expect(s.monthsAtWar[r], `run ${r}`).toBe(atStart + months);
      let w = 0;
      for (let t = 0; t < months; t++) w += s.cost[2 * r];
      expect(s.weariness[2 * r], `run ${r}`).toBe(w);
    }
    expect(ended).toBeGreaterThan(0);
    expect(ended).toBeLessThan(RUNS);
  });

  it('leaves every result it does not touch byte-identical', () => {
    const c = compile(bosnia());
    const withIt = compile(bosnia(), [...MECHANISMS, warWeariness]);
    expect(JSON.stringify(simulateBlock(withIt, 0, RUNS).toJSON())).toBe(
      JSON.stringify(simulateBlock(c, 0, RUNS).toJSON()),
    );
  });

  it('is refused when it declares a field another owner already declares', () => {
    const clash: Mechanism = {
      ...warWeariness,
      id: 'clash',
      fields: { support: field(Float64Array, 'party') },
    };
    expect(() => new State(compile(bosnia(), [...MECHANISMS, clash]), 0, 4)).toThrow(
      'invalid mechanism clash: state field support is already declared',
    );
  });
});
