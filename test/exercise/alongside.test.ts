import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/index.ts';
import {
  decisionEffects,
  Exercise,
  modelDistribution,
  outcomePercentiles,
  standing,
} from '../../src/exercise/index.ts';
import { A, B, build } from '../engine/fixtures.ts';

describe('the model alongside an exercise', () => {
  // decisive months held at 0: the tests follow a played path over months of talks
  const scenario = build({
    settings: { horizonMonths: 24, runs: 400 },
    mechanisms: { battle: { decisiveRate: 0 } },
  });

  it("month by month shares agree with the engine's own curves", () => {
    const dist = modelDistribution(scenario, 400);
    const result = runScenario(scenario);
    for (let t = 0; t < 24; t++) {
      expect(dist.talksOpenedBy[t]).toBeCloseTo(result.talks.any[t], 3);
      expect(dist.endedBy[t]).toBeCloseTo(1 - result.outcomes.ongoing[t], 3);
    }
    for (let t = 1; t < 24; t++) {
      expect(dist.talksOpenedBy[t]).toBeGreaterThanOrEqual(dist.talksOpenedBy[t - 1]);
      expect(dist.endedBy[t]).toBeGreaterThanOrEqual(dist.endedBy[t - 1]);
    }
    expect(dist.endedBy[23]).toBeGreaterThan(0);
  });

  it('a path that refuses to talk stands behind the model; its percentile of war months is high', () => {
    const dist = modelDistribution(scenario, 400);
    const ex = new Exercise(scenario, { run: 0, roles: [A, B] });
    for (let t = 0; t < 6; t++)
      ex.advance({ [A]: { posture: 'closed' }, [B]: { posture: 'closed' } });
    const st = standing(ex, dist);
    expect(st.month).toBe(5);
    expect(st.path.talksOpened).toBe(false);
    expect(st.model.talksOpened).toBeCloseTo(dist.talksOpenedBy[5], 12);
    while (!ex.finished) ex.advance({ [A]: { posture: 'closed' }, [B]: { posture: 'closed' } });
    const pct = outcomePercentiles(ex, dist);
    if (ex.state.outcome[0] === 0) {
      expect(pct.warMonths.path).toBe(24);
      expect(pct.warMonths.percentile).toBeGreaterThan((100 * (1 - dist.endedBy[23])) / 2);
    }
    expect(pct.deaths.percentile).toBeGreaterThanOrEqual(0);
    expect(pct.deaths.percentile).toBeLessThanOrEqual(100);
  });

  it('the decision that settled the war is the one that moved it most', () => {
    const ex = new Exercise(scenario, { run: 3, roles: [A, B] });
    ex.advance({ [A]: { effort: 'hold' } });
    ex.advance({ [B]: { effort: 'hold' } });
    // month 2: A proposes; both willing, terms met: the war ends here
    ex.advance({
      [A]: { posture: 'public', demand: 0.55, leastAcceptable: 0.5 },
      [B]: { posture: 'public', leastAcceptable: 0.4 },
    });
    expect(ex.state.outcome[0]).toBe(1);
    const effects = decisionEffects(ex, 4, 10);
    expect(effects.length).toBe(4);
    const top = effects[0];
    expect(top.month).toBe(2);
    expect(top.warMonthsOnPath).toBeLessThan(0);
    expect(top.outcomeWithout).not.toMatch(/settlement in month 2/);
    // a long exercise's work is bounded: only the first decisions are examined
    expect(
      decisionEffects(ex, 0, 10, 2)
        .map((e) => e.month)
        .sort(),
    ).toEqual([0, 1]);
  });
});
