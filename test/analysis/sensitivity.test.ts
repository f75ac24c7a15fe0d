import { describe, expect, it } from 'vitest';
import {
  distributionFactors,
  morrisDesign,
  morrisEffects,
  planMorris,
  simulateRecords,
  summariseRecords,
  tornado,
  type Factor,
} from '../../src/analysis/index.ts';
import { mulberry32 } from '../../src/history/stats.ts';
import { build } from '../engine/fixtures.ts';

const scenario = build({
  a: { leader: { hawkishness: { low: 0.2, high: 0.9 } } },
  mechanisms: { ripeness: { enabled: false } },
  settings: { runs: 400, horizonMonths: 24 },
});
const inert: Factor = {
  path: 'mechanisms.ripeness.costWeight',
  low: 5,
  high: 100,
  label: 'ripeness cost weight (mechanism switched off)',
};
const evaluate = (s: typeof scenario) => summariseRecords(simulateRecords(s));

describe('sensitivity', () => {
  it('finds every input given as a distribution', () => {
    expect(distributionFactors(scenario).map((f) => f.path)).toEqual([
      'parties.alpha.leader.hawkishness',
    ]);
  });

  it('tornado ranks an input that does not enter the model last, with zero swing', () => {
    const factors = [inert, ...distributionFactors(scenario)];
    const t = tornado(scenario, factors, evaluate, 'talks12');
    if (!t.ok) throw new Error(JSON.stringify(t.issues));
    expect(t.value.bars.map((b) => b.path)).toEqual([
      'parties.alpha.leader.hawkishness',
      inert.path,
    ]);
    expect(t.value.bars[0].swing.talks12).not.toBe(0);
    for (const v of Object.values(t.value.bars[1].swing)) expect(v ?? 0).toBe(0);
  });

  it('Morris screening gives the inert input μ* = 0 and ranks it last', () => {
    const factors = [
      inert,
      ...distributionFactors(scenario),
      { path: 'front.balance', low: 0.3, high: 0.7, label: 'front' },
    ];
    const design = morrisDesign(factors.length, 4, mulberry32(3));
    expect(design.unit).toHaveLength(4 * (factors.length + 1));
    const small = { ...scenario, settings: { ...scenario.settings, runs: 200 } };
    const plan = planMorris(small, factors, design);
    if (!plan.ok) throw new Error(JSON.stringify(plan.issues));
    const m = morrisEffects(factors, design, plan.value.map(evaluate), 'talks12');
    expect(m.effects.at(-1)!.path).toBe(inert.path);
    expect(m.effects.at(-1)!.muStar.talks12).toBe(0);
    expect(m.effects[0].muStar.talks12!).toBeGreaterThan(0);
  });

  it('the Morris design is reproducible from its seed and stays on the grid', () => {
    const a = morrisDesign(3, 5, mulberry32(9));
    expect(morrisDesign(3, 5, mulberry32(9))).toEqual(a);
    for (const x of a.unit.flat())
      expect([0, 1 / 3, 2 / 3, 1].some((g) => Math.abs(g - x) < 1e-9)).toBe(true);
  });
});
