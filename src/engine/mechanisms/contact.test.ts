import { describe, expect, it } from 'vitest';
import { HAWKS, mediator, run } from '../../../test/engine/fixtures.ts';
import { contactBaseline } from './contact.ts';

const byMonth = (series: number[], m: number) => series[m - 1];

describe('exploratory contact (Pillar 1983; Richmond 1998; Greig 2005; Mastro 2019)', () => {
  it('the monthly baselines add up to the Weibull cumulative hazard', () => {
    let sum = 0;
    for (let t = 0; t < 36; t++) sum += contactBaseline(t, 0.45, 15.5);
    expect(sum).toBeCloseTo((36 / 15.5) ** 0.45, 12);
    // shape below 1: the hazard falls with the months of war without contact
    expect(contactBaseline(0, 0.45, 15.5)).toBeGreaterThan(contactBaseline(12, 0.45, 15.5));
  });

  it('contact needs no bargaining range: hawks who never open talks themselves still make contact', () => {
    // both claim 95 % of the stake: no deal either would accept
    const noRange = { ...HAWKS, front: { demands: { alpha: 0.95, beta: 0.95 } } };
    const closed = run({ ...noRange, mechanisms: { contact: { enabled: false } } });
    const open = run(noRange);
    console.log(
      `hawks, P(talks by 12): postures only ${byMonth(closed.talks.any, 12)} → with exploratory contact ${byMonth(open.talks.any, 12)}`,
    );
    expect(byMonth(open.talks.any, 12)).toBeGreaterThan(byMonth(closed.talks.any, 12) + 0.2);
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
    const cheap = run({ ...HAWKS, mechanisms: { contact: { costSensitivity: 0 } } });
    const costly = run({ ...HAWKS, mechanisms: { contact: { costSensitivity: 20 } } });
    console.log(
      `P(talks by 6): γ 0 ${byMonth(cheap.talks.any, 6)} → γ 20 ${byMonth(costly.talks.any, 6)}`,
    );
    expect(byMonth(costly.talks.any, 6)).toBeLessThan(byMonth(cheap.talks.any, 6));
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

  it('talks under way on the forecast date are open from month 0, on their channel', () => {
    const r = run({ ...HAWKS, situation: { talksUnderWay: 'mediated' } });
    expect(r.talks.any[0]).toBe(1);
    expect(r.talks.mediated[0]).toBe(1);
  });

  it('switched off (with mediation and back channels off too): no contact beyond the leaders’ own openings', () => {
    const off = { contact: { enabled: false } };
    const r = run({ ...HAWKS, mechanisms: off });
    const on = run(HAWKS);
    expect(byMonth(r.talks.any, 24)).toBeLessThan(byMonth(on.talks.any, 24));
    const noChannels = run({
      ...HAWKS,
      mechanisms: { mediation: { enabled: false }, backChannel: { enabled: false } },
    });
    expect(noChannels.talks.secret.at(-1)).toBe(0);
    expect(noChannels.talks.mediated.at(-1)).toBe(0);
  });
});
