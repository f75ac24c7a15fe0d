import { describe, expect, it } from 'vitest';
import {
  compareVariants,
  harming,
  helping,
  METRIC_IDS,
  METRICS,
  prepareVariants,
  simulateRecords,
} from '../../src/analysis/index.ts';
import { mulberry32 } from '../../src/history/stats.ts';
import { Outcome, runScenario, TERMS_BINS } from '../../src/engine/index.ts';
import { build, patron } from '../engine/fixtures.ts';

/** A receives aid at level 1 from patron `pa` that does not wane; variants change the waning. */
const aided = (variants: unknown[], runs = 1500) =>
  build({
    a: { support: [{ patron: 'pa', level: 1, waningRate: 0 }] },
    extraParties: [patron('pa', 'A')],
    settings: { runs, horizonMonths: 36 },
    variants,
  });

const run = (s: ReturnType<typeof aided>) => {
  const v = prepareVariants(s);
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  return compareVariants(
    v.value.map((x) => ({ id: x.id, name: x.name, records: simulateRecords(x.scenario) })),
    { rng: mulberry32(1), bootstrap: 200 },
  );
};

describe('paired comparison of variants on common random numbers', () => {
  it('a scenario compared with itself differs by exactly zero, intervals included', () => {
    const c = run(aided([{ id: 'same', name: 'the same', overlay: {} }], 600));
    const same = c.variants[1];
    for (const id of METRIC_IDS) {
      const d = same.differences[id];
      if (d === null) continue;
      expect([d.estimate, d.low, d.high]).toEqual([0, 0, 0]);
    }
    expect(same.values).toEqual(c.variants[0].values);
  });

  // whether it also settles sooner depends on the rising side and the pace of contact (see
  // outsideSupport.test.ts); the terms are where the mechanism acts
  it('moderate aid waning (0 → 0.03 at aid level 1) → worse terms for the recipient, clearly so on common random numbers', () => {
    const c = run(
      aided([
        {
          id: 'waning',
          name: 'aid wanes 3% a month',
          overlay: { parties: [{ id: 'alpha', support: [{ patron: 'pa', waningRate: 0.03 }] }] },
        },
      ]),
    );
    const d = c.variants[1].differences;
    console.log(
      `settlement by 24: ${d.settlement24?.estimate} [${d.settlement24?.low}, ${d.settlement24?.high}]; terms ${d.terms?.estimate} [${d.terms?.low}, ${d.terms?.high}]`,
    );
    expect(d.terms!.high).toBeLessThan(0);
    expect(d.settlement24!.low).toBeLessThanOrEqual(d.settlement24!.estimate);
    const termsRank = c.ranking.find((r) => r.goal.id === 'termsB')!;
    expect(termsRank.entries[0]).toMatchObject({ id: 'waning', clear: true, verdict: 'gain' });
    // the same change is a clear harm for the recipient's terms, and never "does most" for it
    const forA = c.ranking.find((r) => r.goal.id === 'termsA')!;
    expect(forA.entries[0]).toMatchObject({ id: 'waning', clear: false, verdict: 'harm' });
    expect(helping(forA.entries)).toEqual([]);
    expect(harming(forA.entries).map((e) => e.id)).toEqual(['waning']);
  });

  it('a variant with a mistake names the variant and the field', () => {
    const s = aided([{ id: 'bad', name: 'bad', overlay: { front: { balance: 2 } } }], 10);
    const v = prepareVariants(s);
    expect(v.ok).toBe(false);
    if (!v.ok) {
      expect(v.issues[0].message).toMatch(/variant "bad"/);
      expect(v.issues[0].path).toEqual(['variants', 'bad', 'overlay', 'front', 'balance']);
    }
  });
});

describe('terms in a comparison are the mean, and say so', () => {
  it("compare's terms are the mean of the settlements' terms (run and the UI give the median)", () => {
    const s = aided([], 1500);
    const records = simulateRecords(s);
    const c = compareVariants([{ id: 'base', name: 'base', records }], {
      rng: mulberry32(1),
      bootstrap: 50,
    });
    const settled = Array.from(records.records.terms).filter(
      (_, i) => records.records.outcome[i] === Outcome.settlement,
    );
    expect(settled.length).toBeGreaterThan(20);
    const mean = settled.reduce((x, y) => x + y, 0) / settled.length;
    expect(c.variants[0].values.terms).toBeCloseTo(mean, 12);
    // the run's median differs here by more than its histogram's bin: the label matters
    expect(Math.abs(runScenario(s).terms.quantiles.p50! - mean)).toBeGreaterThan(1 / TERMS_BINS);
    expect(METRICS.find((m) => m.id === 'terms')!.label).toMatch(/^mean terms/);
  });
});
