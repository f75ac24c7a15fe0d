import { describe, expect, it } from 'vitest';
import { Aggregate } from './aggregate.ts';
import { RunResultSchema, summarise, type ResultMeta } from './result.ts';
import { Outcome } from './state.ts';

const meta: ResultMeta = {
  scenarioId: 'x',
  scenarioName: 'X',
  scenarioHash: 'h',
  settingsHash: 's',
  seed: 1,
  parties: [
    { id: 'a', name: 'A', side: 'A' },
    { id: 'b', name: 'B', side: 'B' },
  ],
  explainMonth: 0,
};

describe('summarise: RunResult from a hand-built Aggregate', () => {
  it('cumulative incidences, ongoing share, duration quantiles, terms and leaks', () => {
    const H = 4;
    const agg = new Aggregate(H, 12);
    agg.runs = 10;
    // 4 settlements in month 0, 2 victories of A in month 2; 4 still fighting at the horizon
    agg.outcomeByMonth[Outcome.settlement * H + 0] = 4;
    agg.outcomeByMonth[Outcome.victoryA * H + 2] = 2;
    agg.talksByMonth[0 * H + 0] = 5; // any channel, month 0
    agg.talksByMonth[1 * H + 0] = 5; // secret
    agg.terms[40] = 2;
    agg.terms[60] = 2;
    agg.counters[0] = 20;
    agg.counters[1] = 2;
    const r = summarise(agg, meta);
    expect(RunResultSchema.parse(r)).toBeTruthy();
    expect(r.outcomes.settlement).toEqual([0.4, 0.4, 0.4, 0.4]);
    expect(r.outcomes.victoryA).toEqual([0, 0, 0.2, 0.2]);
    expect(r.outcomes.ongoing).toEqual([0.6, 0.6, 0.4, 0.4]);
    expect(r.talks.any).toEqual([0.5, 0.5, 0.5, 0.5]);
    expect(r.duration.endedShare).toBe(0.6);
    // durations: 4 × 1 month, 2 × 3 months, 4 censored at 4 → restricted mean (4 + 6 + 16)/10
    expect(r.duration.restrictedMeanMonths).toBeCloseTo(2.6, 9);
    expect(r.duration.quantiles.p10).toBe(1);
    expect(r.duration.quantiles.p50).toBe(3);
    expect(r.duration.quantiles.p90).toBe(4);
    expect(r.terms.settlements).toBe(4);
    expect(r.terms.quantiles.p25).toBeCloseTo(0.405, 9);
    expect(r.terms.quantiles.p90).toBeCloseTo(0.605, 9);
    expect(r.leaks.monthlyRate).toBe(0.1);
    expect(r.durability.survival.all.every((x) => x === 1)).toBe(true);
  });

  it('edge case: an empty aggregate gives nulls, not NaN', () => {
    const agg = new Aggregate(3, 12);
    agg.runs = 1;
    agg.casualties[0] = 1;
    const r = summarise(agg, meta);
    expect(r.terms.quantiles.p50).toBeNull();
    expect(r.leaks.monthlyRate).toBeNull();
    expect(r.explanation.parties[0].text[0]).toMatch(/ended in every run/);
    expect(r.durability.relapseWithin.all['12']).toBe(0);
  });
});
