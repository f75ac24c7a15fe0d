import { describe, expect, it } from 'vitest';
import { HAWKS, mediator, run } from '../../../test/engine/fixtures.ts';
import { contactBaseline, frailtyGivenNoContact, zAt } from './contact.ts';

const byMonth = (series: number[], m: number) => series[m - 1];

describe('exploratory contact (Pillar 1983; Richmond 1998; Greig 2005; Mastro 2019)', () => {
  it('the monthly baselines add up to the Weibull cumulative hazard', () => {
    let sum = 0;
    for (let t = 0; t < 36; t++) sum += contactBaseline(t, 0.45, 15.5);
    expect(sum).toBeCloseTo((36 / 15.5) ** 0.45, 12);
    // shape below 1: the hazard falls with the months of war without contact
    expect(contactBaseline(0, 0.45, 15.5)).toBeGreaterThan(contactBaseline(12, 0.45, 15.5));
  });

  it('contact needs no deal: with bargaining switched off (no offers, no deals) talks still open', () => {
    const noDeals = run({ ...HAWKS, mechanisms: { bargaining: { enabled: false } } });
    console.log(
      `no bargaining: P(talks by 12) ${byMonth(noDeals.talks.any, 12)}, P(settled by 12) ${byMonth(noDeals.outcomes.settlement, 12)}`,
    );
    expect(byMonth(noDeals.talks.any, 12)).toBeGreaterThan(0.2);
    expect(noDeals.outcomes.settlement.at(-1)).toBe(0);
  });

  it('a mediator present → contact sooner (Greig 2005; Regan & Stam 2000)', () => {
    const none = run(HAWKS);
    const med = run({ ...HAWKS, extraParties: [mediator({ arrivalRate: 1 })] });
    console.log(
      `P(talks by 3): no mediator ${byMonth(none.talks.any, 3)} → mediator ${byMonth(med.talks.any, 3)}`,
    );
    expect(byMonth(med.talks.any, 3)).toBeGreaterThan(byMonth(none.talks.any, 3));
  });

  it('higher costs of conversation → contact later (Mastro 2019)', () => {
    const leaders = (audienceCost: number) => ({ leader: { hawkishness: 0.9, audienceCost } });
    const cheap = run({ a: leaders(0), b: leaders(0) });
    const costly = run({ a: leaders(2), b: leaders(2) });
    console.log(
      `P(talks by 6): audience cost 0 ${byMonth(cheap.talks.any, 6)} → 2 ${byMonth(costly.talks.any, 6)}`,
    );
    expect(byMonth(costly.talks.any, 6)).toBeLessThan(byMonth(cheap.talks.any, 6));
    // and when utilities do not count (β = 0), the costs hardly change contact: they still move
    // the war itself a little (postures feed effort), and so which wars are left to open talks
    const flat = { contact: { utilitySensitivity: 0 } };
    const flatCheap = run({ a: leaders(0), b: leaders(0), mechanisms: flat }).talks.any;
    const flatCostly = run({ a: leaders(2), b: leaders(2), mechanisms: flat }).talks.any;
    const gap = Math.max(...flatCheap.map((x, m) => Math.abs(x - flatCostly[m])));
    expect(gap).toBeLessThan(0.01);
  });

  it('which channel comes first is an outcome: direct public contact remains possible with a mediator present', () => {
    const r = run({
      ...HAWKS,
      extraParties: [mediator({ arrivalRate: 1 })],
      settings: { runs: 4000 },
    });
    expect(r.talks.mediated.at(-1)!).toBeGreaterThan(0);
    expect(r.talks.public.at(-1)!).toBeGreaterThan(0.05);
  });

  it('a declared back channel → more first contacts in secret', () => {
    const none = run(HAWKS);
    const bc = run({ ...HAWKS, backChannels: [{ id: 'bc' }] });
    expect(byMonth(bc.talks.secret, 12)).toBeGreaterThan(byMonth(none.talks.secret, 12));
    // and secret contact is possible without one (emissaries, intermediaries)
    expect(byMonth(none.talks.secret, 12)).toBeGreaterThan(0);
  });

  it('a war long without contact → less contact in the next months; a recent known contact → more', () => {
    const dates = { startDate: '2024-02', warBegan: '2014-02' };
    const fresh = run({ ...HAWKS, settings: { ...dates, warBegan: '2024-01' } });
    const old = run({ ...HAWKS, settings: dates });
    const recent = run({ ...HAWKS, settings: dates, situation: { lastContact: '2024-01' } });
    console.log(
      `P(talks by 3): war 1 month old ${byMonth(fresh.talks.any, 3)}, 10 years without contact ${byMonth(old.talks.any, 3)}, last contact a month ago ${byMonth(recent.talks.any, 3)}`,
    );
    expect(byMonth(old.talks.any, 3)).toBeLessThan(byMonth(fresh.talks.any, 3));
    expect(byMonth(recent.talks.any, 3)).toBeGreaterThan(byMonth(old.talks.any, 3));
  });

  it('frailty: wars differ in openness → more wars without contact for years, the mean hazard kept', () => {
    const settings = { horizonMonths: 120 };
    const shared = run({ ...HAWKS, settings });
    const spread = run({ ...HAWKS, mechanisms: { contact: { frailtySpread: 2 } }, settings });
    console.log(
      `P(no talks by 10 years): σ 0 ${1 - byMonth(shared.talks.any, 120)} → σ 2 ${1 - byMonth(spread.talks.any, 120)}; P(talks by 1): ${byMonth(shared.talks.any, 1)} → ${byMonth(spread.talks.any, 1)}`,
    );
    expect(1 - byMonth(spread.talks.any, 120)).toBeGreaterThan(1 - byMonth(shared.talks.any, 120));
  });

  it('outbreak hazard: more contact in a war’s first month, none added to a war already under way', () => {
    const ob = { contact: { outbreakHazard: 2 } };
    const plain = run(HAWKS);
    const burst = run({ ...HAWKS, mechanisms: ob });
    const dates = { startDate: '2024-02', warBegan: '2023-02' };
    const olderPlain = run({ ...HAWKS, settings: dates });
    const olderBurst = run({ ...HAWKS, mechanisms: ob, settings: dates });
    console.log(
      `P(talks in month 1): ω 0 ${byMonth(plain.talks.any, 1)} → ω 2 ${byMonth(burst.talks.any, 1)}`,
    );
    expect(byMonth(burst.talks.any, 1)).toBeGreaterThan(byMonth(plain.talks.any, 1) + 0.1);
    // a war already under way gets no extra hazard; its outbreak month passed without contact,
    // which only says it is less open (frailtyGivenNoContact)
    expect(byMonth(olderBurst.talks.any, 12)).toBeLessThanOrEqual(
      byMonth(olderPlain.talks.any, 12),
    );
  });

  it('anchor by war type and era: a slower clock for a civil war, a faster one after 1989', () => {
    const slow = { contact: { civilScaleFactor: 8 } };
    const civilPlain = run({
      ...HAWKS,
      type: 'civil',
      mechanisms: { contact: { civilScaleFactor: 1 } },
    });
    const civil = run({ ...HAWKS, type: 'civil', mechanisms: slow });
    console.log(
      `P(talks by 12), civil war: factor 1 ${byMonth(civilPlain.talks.any, 12)} → factor 8 ${byMonth(civil.talks.any, 12)}`,
    );
    expect(byMonth(civil.talks.any, 12)).toBeLessThan(byMonth(civilPlain.talks.any, 12) - 0.1);
    // the factor of another type changes nothing in an inter-state war
    expect(run({ ...HAWKS, mechanisms: slow }).talks.any).toEqual(run(HAWKS).talks.any);
    // the era factor: 1 against 0.25 for a war begun in 2020; none for one begun in 1980
    const fast = { contact: { postColdWarScaleFactor: 0.25 } };
    const flat = { contact: { postColdWarScaleFactor: 1 } };
    const cold = { startDate: '1980-01', warBegan: '1980-01' };
    const recent = { startDate: '2020-01', warBegan: '2020-01' };
    const after = run({ ...HAWKS, settings: recent, mechanisms: fast });
    const afterFlat = run({ ...HAWKS, settings: recent, mechanisms: flat });
    expect(run({ ...HAWKS, settings: cold, mechanisms: fast }).talks.any).toEqual(
      run({ ...HAWKS, settings: cold, mechanisms: flat }).talks.any,
    );
    console.log(
      `P(talks by 6), war begun 2020: era factor 1 ${byMonth(afterFlat.talks.any, 6)} → 0.25 ${byMonth(after.talks.any, 6)}`,
    );
    expect(byMonth(after.talks.any, 6)).toBeGreaterThan(byMonth(afterFlat.talks.any, 6) + 0.05);
  });

  it('frailty given months without contact: the longer the silence, the less open the war', () => {
    const prior = frailtyGivenNoContact(1, 0);
    expect(zAt(prior, 0.5)).toBeCloseTo(0, 1);
    expect(zAt(prior, 0.8413)).toBeCloseTo(1, 1);
    const median = (h0: number) => zAt(frailtyGivenNoContact(1, h0), 0.5);
    expect(median(1)).toBeLessThan(median(0));
    expect(median(100)).toBeLessThan(median(1));
    // in the engine: with the spread, a war 5 years without contact talks less in the next year
    // than the same war with no spread (whose hazard the silence says nothing about)
    const settings = { startDate: '2024-01', warBegan: '2019-01' };
    const spread = run({ ...HAWKS, settings, mechanisms: { contact: { frailtySpread: 1.5 } } });
    const none = run({ ...HAWKS, settings, mechanisms: { contact: { frailtySpread: 0 } } });
    console.log(
      `P(talks by 12) after 5 silent years: σ 0 ${byMonth(none.talks.any, 12)} → σ 1.5 ${byMonth(spread.talks.any, 12)}`,
    );
    expect(byMonth(spread.talks.any, 12)).toBeLessThan(byMonth(none.talks.any, 12) - 0.1);
  });

  it('talks under way on the forecast date are open from month 0, on their channel', () => {
    const r = run({ ...HAWKS, situation: { talksUnderWay: 'mediated' } });
    expect(r.talks.any[0]).toBe(1);
    expect(r.talks.mediated[0]).toBe(1);
  });

  it('switched off: no talks open; with mediation and back channels off, none through them', () => {
    const off = run({ ...HAWKS, mechanisms: { contact: { enabled: false } } });
    expect(off.talks.any.at(-1)).toBe(0);
    const noChannels = run({
      ...HAWKS,
      mechanisms: { mediation: { enabled: false }, backChannel: { enabled: false } },
    });
    expect(noChannels.talks.secret.at(-1)).toBe(0);
    expect(noChannels.talks.mediated.at(-1)).toBe(0);
    expect(noChannels.talks.public.at(-1)).toBeGreaterThan(0);
  });

  it('the "why" explains contact apart from a deal: its chance against history’s pace', () => {
    const none = run(HAWKS).explanation.contact!;
    const med = run({ ...HAWKS, extraParties: [mediator({ offerMonth: 0, arrivalRate: 1 })] })
      .explanation.contact!;
    console.log(
      `contact chance at month 0: ${none.chance} (anchor ${none.anchor}) → mediator ${med.chance}`,
    );
    expect(none.anchor).toBeGreaterThan(0);
    expect(none.text[0]).toMatch(/no deal needed/);
    expect(med.chance).toBeGreaterThan(none.chance);
    expect(
      run({ ...HAWKS, mechanisms: { contact: { enabled: false } } }).explanation.contact!.chance,
    ).toBe(0);
    // a war long silent: the "why" tells its revealed closedness apart from the utilities
    const silent = run({
      ...HAWKS,
      settings: { startDate: '2024-01', warBegan: '2019-01' },
      mechanisms: { contact: { frailtySpread: 1.5 } },
    }).explanation.contact!;
    expect(none.openness).toBeGreaterThan(0.8);
    expect(silent.openness).toBeLessThan(0.5);
    expect(silent.text.join(' ')).toMatch(/less open than most/);
  });
});
