// Time to first contact and first channel: the observation rules, the baselines (fitted on the
// training fold only) and the scores, on small synthetic cases.
import { describe, expect, it } from 'vitest';
import { ev, makeCase as makeBareCase } from '../history/caseFixtures.ts';
import {
  anchorFactorOf,
  channelShares,
  contactCaseFit,
  contactCrps,
  contactFitLoss,
  engineContactForecast,
  fitContactAnchor,
  fitContactBaselines,
  interval80,
  NO_ANCHOR,
  kmPmf,
  leaveOneOut,
  matchChannelWeights,
  observeContact,
  pitHistogram,
  runContactBacktest,
  timeSplit,
  type ContactObservation,
} from './contactBacktest.ts';
import { crpsDiscrete } from './scores.ts';

// a case with talks must code the battlefield when they opened
const makeCase = (over: Parameters<typeof makeBareCase>[0]) =>
  makeBareCase({ battlefieldAtTalks: over.timeline?.length ? 'stalemate' : null, ...over });

const obs = (
  id: string,
  month: number,
  contact = true,
  over: Partial<ContactObservation> = {},
): ContactObservation => ({
  id,
  type: 'interstate',
  startYear: 2000,
  month,
  contact,
  channel: contact ? 'mediated' : null,
  preStart: false,
  contactAfterEnd: false,
  ongoing: false,
  ...over,
});

describe('observed time to first contact', () => {
  it('leaves a contact dated before the war out of the lag and flags the case (docs/history.md)', () => {
    const o = observeContact(
      makeCase({ id: 'pre', timeline: [ev.talks('1999-10-01'), ev.mediation('2000-03-01')] }),
      2025,
    );
    expect(o).toMatchObject({ month: 1, contact: true, channel: 'mediated', preStart: true });
  });

  it('measures the lag in whole months from the start and maps kinds to channels', () => {
    const at = (e: ReturnType<typeof ev.secret>) =>
      observeContact(makeCase({ id: 'x', timeline: [e] }), 2025);
    expect(at(ev.mediation('2000-04-20'))).toMatchObject({ month: 3, channel: 'mediated' });
    expect(at(ev.secret('2000-01-20'))).toMatchObject({ month: 0, channel: 'secret' });
    expect(at(ev.backChannel('2000-02-20'))).toMatchObject({ month: 1, channel: 'secret' });
    expect(at(ev.talks('2001-01-10'))).toMatchObject({ month: 12, channel: 'public' });
  });

  it('takes the earliest contact, skipping ceasefires and agreements', () => {
    const o = observeContact(
      makeCase({
        id: 'first',
        timeline: [ev.ceasefire('2000-02-01'), ev.secret('2000-05-01'), ev.talks('2000-06-01')],
      }),
      2025,
    );
    expect(o).toMatchObject({ month: 3, channel: 'secret' });
  });

  it('censors at the end when there was no contact, or only after the end', () => {
    const none = observeContact(makeCase({ id: 'none' }), 2025);
    expect(none).toMatchObject({ contact: false, channel: null, month: 24 });
    const after = observeContact(
      makeCase({ id: 'after', timeline: [ev.talks('2002-06-01')] }),
      2025,
    );
    expect(after).toMatchObject({ contact: false, month: 24, contactAfterEnd: true });
  });

  it('censors an ongoing war at the case base date', () => {
    const o = observeContact(
      makeCase({ id: 'on', end: null, outcome: 'ongoing', durability: null }),
      2001.0,
    );
    expect(o.contact).toBe(false);
    expect(o.ongoing).toBe(true);
    expect(o.month).toBe(11); // 2000-01-01 (mid-day) to 2001.0
  });
});

describe('the loss of the contact fit', () => {
  it('is the CRPS relative to Kaplan–Meier plus the PIT KS: outcomes bunched in one tail of their forecasts pay for it', () => {
    const pmf = Array.from({ length: 24 }, () => 1 / 24);
    const spread = [0, 5, 11, 17, 23].map((month) => contactCaseFit(pmf, { month, contact: true }));
    const bunched = [0, 0, 0, 0, 0].map((month) => contactCaseFit(pmf, { month, contact: true }));
    const kmCrps = 5;
    // a case's CRPS is what contactCrps gives; its PIT interval is [F(y−1), F(y)]
    expect(spread[2].crps).toBe(contactCrps(pmf, { month: 11, contact: true }));
    expect(spread[2].pit[0]).toBeCloseTo(11 / 24, 12);
    const crpsOf = (f: typeof spread) => f.reduce((a, x) => a + x.crps, 0) / f.length / kmCrps;
    expect(contactFitLoss(spread, kmCrps) - crpsOf(spread)).toBeLessThan(0.2);
    expect(contactFitLoss(bunched, kmCrps) - crpsOf(bunched)).toBeGreaterThan(0.9);
  });
});

describe('baselines', () => {
  it('Kaplan–Meier without censoring is the empirical distribution of lags', () => {
    const pmf = kmPmf([obs('a', 0), obs('b', 0), obs('c', 2), obs('d', 5)], 10);
    expect(pmf[0]).toBeCloseTo(0.5, 12);
    expect(pmf[2]).toBeCloseTo(0.25, 12);
    expect(pmf[5]).toBeCloseTo(0.25, 12);
    expect(pmf.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
  });

  it('Kaplan–Meier spreads a censored case over the later lags (not to its censoring month)', () => {
    const pmf = kmPmf([obs('a', 1), obs('b', 3, false), obs('c', 6), obs('d', 8)], 10);
    expect(pmf[1]).toBeCloseTo(0.25, 12);
    expect(pmf[3]).toBe(0);
    expect(pmf[6]).toBeCloseTo(0.375, 12);
    expect(pmf[8]).toBeCloseTo(0.375, 12);
  });

  it('channel shares count first channels of contacts only', () => {
    expect(
      channelShares([
        obs('a', 1, true, { channel: 'secret' }),
        obs('b', 1, true, { channel: 'public' }),
        obs('c', 1, true, { channel: 'public' }),
        obs('d', 1, false),
      ]),
    ).toEqual([1 / 3, 0, 2 / 3]);
  });

  it('by war type: its own curve with enough cases, the pooled one otherwise; shares shrink to pooled', () => {
    const train = [
      ...Array.from({ length: 8 }, (_, i) =>
        obs(`civ${i}`, 20, true, { type: 'civil', channel: 'public' }),
      ),
      ...Array.from({ length: 3 }, (_, i) => obs(`ext${i}`, 0, true, { type: 'extra-state' })),
      obs('int', 2, true),
    ];
    const fit = fitContactBaselines(train, 30, { minTypeCases: 8, channelPrior: 2 });
    expect(fit('Kaplan–Meier by war type', 'civil').pmf[20]).toBeCloseTo(1, 12);
    expect(fit('Kaplan–Meier by war type', 'extra-state').pmf).toEqual(
      fit('Kaplan–Meier', 'extra-state').pmf,
    );
    const pooled = fit('Kaplan–Meier', 'civil').channel;
    const civ = fit('Kaplan–Meier by war type', 'civil').channel;
    expect(civ[2]).toBeCloseTo((8 + 2 * pooled[2]) / 10, 12);
  });

  it('leave-one-out: the held-out case’s own lag never enters its baseline', () => {
    const all = [
      obs('a', 1),
      obs('b', 4),
      obs('c', 7),
      obs('odd', 29, true, { channel: 'secret' }),
    ];
    for (const fold of leaveOneOut(all)) {
      expect(fold.train.map((o) => o.id)).not.toContain(fold.test[0].id);
      const f = fitContactBaselines(fold.train, 40)('Kaplan–Meier', 'interstate');
      const own = fold.test[0];
      // no training case shares the held-out lag or its channel here, so both must be 0
      expect(f.pmf[own.month]).toBe(0);
      if (own.id === 'odd') expect(f.channel[0]).toBe(0);
    }
  });

  it('time split trains on wars begun before the cut year, about two-thirds', () => {
    const all = Array.from({ length: 30 }, (_, i) =>
      obs(`w${i}`, 1, true, { startYear: 1900 + 4 * i + 0.5 }),
    );
    const s = timeSplit(all);
    expect(s.train.length + s.test.length).toBe(30);
    expect(s.train.every((o) => o.startYear < s.cutYear)).toBe(true);
    expect(s.test.every((o) => o.startYear >= s.cutYear)).toBe(true);
    expect(s.train.length).toBe(20);
    // a named cut year overrides the two-thirds rule
    const late = timeSplit(all, 2000);
    expect(late.cutYear).toBe(2000);
    expect(late.train.length).toBe(25);
  });
});

describe('channel weights matched to the training shares', () => {
  it('moves weight from the channel the engine over-predicts to the one it under-predicts, keeping the sum', () => {
    const w = matchChannelWeights([0.17, 0.55, 0.28], [0.17, 0.55, 0.28], [0.26, 0.5, 0.24]);
    expect(w[0]).toBeLessThan(0.17);
    expect(w[1]).toBeGreaterThan(0.55);
    expect(w[2]).toBeGreaterThan(0.28);
    expect(w[0] + w[1] + w[2]).toBeCloseTo(1, 1);
    // already matched: unchanged
    expect(matchChannelWeights([0.2, 0.5, 0.3], [0.2, 0.5, 0.3], [0.2, 0.5, 0.3])).toEqual([
      0.2, 0.5, 0.3,
    ]);
  });
});

describe('the contact anchor by war type and era (Weibull AFT on the training fold)', () => {
  // inter-state wars talk within about a month, civil wars after about a year and a half; civil
  // wars begun since 1990 twice as fast as the earlier ones
  const lag = (i: number) => [0.5, 1, 1.5, 2, 3][i % 5];
  const train = [
    ...Array.from({ length: 20 }, (_, i) => obs(`i${i}`, Math.floor(lag(i)), true)),
    ...Array.from({ length: 20 }, (_, i) =>
      obs(`c${i}`, Math.floor(16 * lag(i)), true, { type: 'civil', startYear: 1970 }),
    ),
    ...Array.from({ length: 20 }, (_, i) =>
      obs(`p${i}`, Math.floor(8 * lag(i)), true, { type: 'civil', startYear: 1995 }),
    ),
  ].map((o) => (o.type === 'interstate' ? { ...o, startYear: 1970 + (o.id.length % 2) } : o));

  it('slows the clock of the type that waits longer, speeds up the later era, leaves the rest at 1', () => {
    const a = fitContactAnchor(train, 8);
    expect(a.civilScaleFactor).toBeGreaterThan(6);
    expect(a.postColdWarScaleFactor).toBeLessThan(0.8);
    // types (and eras) with fewer than 8 training wars are not estimated
    expect(a.internationalizedScaleFactor).toBe(1);
    expect(a.extraStateScaleFactor).toBe(1);
    // factors lie on quarter-powers of 2, rounded to 3 digits
    for (const f of Object.values(a))
      expect(Math.abs(4 * Math.log2(f) - Math.round(4 * Math.log2(f)))).toBeLessThan(0.03);
  });

  it('a case’s factor is the product of the factors that mark it', () => {
    const a = { ...NO_ANCHOR, civilScaleFactor: 8, postColdWarScaleFactor: 0.5 };
    expect(anchorFactorOf(a, obs('x', 1, true, { type: 'civil', startYear: 1995 }))).toBe(4);
    expect(anchorFactorOf(a, obs('y', 1, true, { type: 'civil', startYear: 1985 }))).toBe(8);
    expect(anchorFactorOf(a, obs('z', 1, true, { startYear: 1985 }))).toBe(1);
  });

  it('with too few training wars of every marked kind, no factor moves', () => {
    expect(fitContactAnchor(train.slice(0, 20), 8)).toEqual(NO_ANCHOR);
  });
});

describe('engine forecast and scores', () => {
  it('reads first month and channel from the run records; a war ended without talks is censored at its end', () => {
    // run 0: mediated at 2; run 1: secret and public both at 0 (tie); run 2: war ended at month 1
    // without talks; run 3: public at 5
    const ft = Int16Array.from([2, -1, 2, -1, 0, 0, -1, 0, -1, -1, -1, -1, 5, -1, -1, 5]);
    const end = Int16Array.from([-1, -1, 1, -1]);
    const f = engineContactForecast(ft, end, 4, 10, 1);
    // month 0: 1 of 4 at risk; run 2 leaves after month 1; month 2: 1 of 2; month 5: 1 of 1
    expect(f.pmf[0]).toBeCloseTo(0.25, 12);
    expect(f.pmf[2]).toBeCloseTo(0.75 * 0.5, 12);
    expect(f.pmf[5]).toBeCloseTo(0.375, 12);
    expect(f.pmf.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    expect(f.channel).toEqual([0.5 / 3, 1 / 3, 1.5 / 3]);
    // still at war at the horizon without talks: no contact within the grid
    const never = engineContactForecast(
      Int16Array.from([-1, -1, -1, -1]),
      Int16Array.from([-1]),
      1,
      10,
      1,
    );
    expect(never.pmf.reduce((s, x) => s + x, 0)).toBe(0);
    expect(never.channel).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });

  it("where the engine's own endings empty the risk set, the last year's hazard carries on", () => {
    // 100 runs: 10 have contact in month 0, the other 90 wars end in month 1 without talks
    const runs = 100;
    const ft = new Int16Array(4 * runs).fill(-1);
    const end = new Int16Array(runs).fill(-1);
    for (let r = 0; r < runs; r++) {
      if (r < 10) ft[4 * r] = ft[4 * r + 2] = 0;
      else end[r] = 1;
    }
    const f = engineContactForecast(ft, end, runs, 24);
    expect(f.pmf[0]).toBeCloseTo(0.1, 12);
    // month 1: 90 at risk, none talks; from month 2 none is at risk and the pooled hazard of
    // months 0–1 (10 contacts in 190 run-months) is held
    expect(f.pmf[1]).toBe(0);
    const h = 10 / 190;
    expect(f.pmf[2]).toBeCloseTo(0.9 * h, 12);
    expect(f.pmf[5]).toBeCloseTo(0.9 * (1 - h) ** 3 * h, 12);
    // the forecast still sums to at most 1
    expect(f.pmf.reduce((x, p) => x + p, 0)).toBeLessThanOrEqual(1 + 1e-12);
  });

  it('censored CRPS counts only the months known to be without contact', () => {
    const pmf = [0.5, 0.25, 0, 0.25];
    expect(contactCrps(pmf, { month: 2, contact: true })).toBeCloseTo(crpsDiscrete(pmf, 2), 12);
    expect(contactCrps(pmf, { month: 2, contact: false })).toBeCloseTo(0.25 + 0.5625, 12);
    expect(contactCrps(pmf, { month: 0, contact: false })).toBe(0);
    // a forecast with all its mass after the censoring month scores 0, one before it does not
    expect(contactCrps([0, 0, 0, 1], { month: 3, contact: false })).toBe(0);
    expect(contactCrps([1, 0, 0, 0], { month: 3, contact: false })).toBe(3);
  });

  it('80 % interval: q10 and q90 on the grid, open-ended when F never reaches 0.9', () => {
    expect(interval80([0.1, 0.3, 0.3, 0.2, 0.1])).toEqual([0, 3]);
    expect(interval80([0.5, 0.3])).toEqual([0, Infinity]);
  });

  it('PIT histogram is flat for observations drawn from the forecast', () => {
    const pmf = [0.2, 0.2, 0.2, 0.2, 0.2];
    const items = [0, 1, 2, 3, 4].map((m) => ({ pmf, o: { month: m, contact: true } }));
    const h = pitHistogram(items, 10);
    for (const x of h) expect(x).toBeCloseTo(0.1, 12);
    // every case later than forecast: all mass in the top bins
    const late = pitHistogram([{ pmf: [1, 0, 0], o: { month: 2, contact: true } }], 10);
    expect(late[9]).toBe(1);
    // censored at month 1 against pmf [0.5, 0.5]: PIT uniform on [0.5, 1]
    const cens = pitHistogram([{ pmf: [0.5, 0.5], o: { month: 1, contact: false } }], 10);
    expect(cens.slice(0, 5).every((x) => x === 0)).toBe(true);
    expect(cens[7]).toBeCloseTo(0.2, 12);
  });
});

describe('runContactBacktest on synthetic cases', () => {
  const cases = Array.from({ length: 12 }, (_, i) =>
    makeCase({
      id: `w${i}`,
      type: i % 2 ? 'civil' : 'interstate',
      start: { date: `${1950 + 5 * i}-01-01`, precision: 'day' },
      end: { date: `${1952 + 5 * i}-01-01`, precision: 'day' },
      regimes: { sideA: 'democracy', sideB: i % 2 ? 'non-state' : 'autocracy' },
      timeline:
        i === 5
          ? []
          : [
              i % 3
                ? ev.mediation(`${1950 + 5 * i}-0${1 + (i % 8)}-15`)
                : ev.talks(`${1949 + 5 * i}-12-01`),
            ],
    }),
  );

  it('scores every model on the same held-out cases, time split and leave-one-out', () => {
    const t = runContactBacktest(cases, { split: 'time', runs: 20 });
    expect(t.split).toMatchObject({ cutYear: 1990, train: 8, test: 4, folds: 1 });
    expect(t.observed.preStart).toBe(4);
    // the 4 cases whose only talks predate the war are censored (pre-war contacts are left out)
    expect(t.observed.censored).toBe(5);
    expect(t.rows.map((r) => r.n)).toEqual([4, 4, 4, 4]);
    const km = t.rows.find((r) => r.model === 'Kaplan–Meier')!;
    expect(km.brierSkill[6]).toBe(0);
    for (const r of t.rows) expect(r.pit.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 9);
    const l = runContactBacktest(cases, { split: 'loo', runs: 20 });
    expect(l.split.folds).toBe(12);
    expect(l.rows[0].n).toBe(12);
    expect(l.rows[0].censored).toBe(5);
  });

  it('the engine fitted on train never sees the held-out cases: changing their outcomes changes neither the fit nor their forecasts', () => {
    const small = {
      baselineShape: [0.5, 0.8],
      baselineScaleMonths: [2, 20],
      utilitySensitivity: [0, 10],
      frailtySpread: [0, 1],
      outbreakHazard: [0],
      runs: 20,
    };
    const t = runContactBacktest(cases, { split: 'time', runs: 20, grid: small });
    // the held-out (latest) wars: move their first contact far later
    const held = new Set(t.perCase.map((c) => c.id));
    const moved = cases.map((c) =>
      held.has(c.id)
        ? {
            ...c,
            timeline: c.timeline.map((e) => ({
              ...e,
              date: { ...e.date, date: `${Number(c.start.date.slice(0, 4)) + 3}-06-01` },
            })),
          }
        : c,
    );
    const u = runContactBacktest(moved, { split: 'time', runs: 20, grid: small });
    expect(u.trainFit).toEqual(t.trainFit);
    const fc = (r: typeof t) => r.perCase.map((c) => c.forecasts['engine (fitted on train)']);
    expect(fc(u)).toEqual(fc(t));
    // while the held-out outcomes did change
    expect(u.perCase.map((c) => c.month)).not.toEqual(t.perCase.map((c) => c.month));
  });
});
