// Dataset insights on tiny synthetic tables with known answers.
import { describe, expect, it } from 'vitest';
import type {
  CeasefireRow,
  CowInterstateRow,
  CwmRow,
  IcbCrisisRow,
  UcdpTerminationRow,
} from '../datasetRows.ts';
import { mulberry32 } from '../stats.ts';
import type { InsightContext } from './insight.ts';
import { ceasefiresMediated, mediatedCeasefiresWritten } from './ceasefires.ts';
import { crisesMediated, crisisMediationAgreements } from './crises.ts';
import { civilWarsMediated, interstateDurations } from './durations.ts';
import { endingsByEra, endingsByType, howConflictsEnd, recurrenceByEnding } from './termination.ts';

const ctxOf = (datasets: InsightContext['datasets']): InsightContext => ({
  cases: [],
  datasets,
  rng: mulberry32(1),
});

const term = (over: Partial<UcdpTerminationRow>): UcdpTerminationRow => ({
  conflictepId: 100,
  conflictEpisode: 1,
  typeOfConflict2: 3,
  confterm: 1,
  ependdate: '1980-06-01',
  ependprec: 1,
  outcome: 1,
  recur: 0,
  conflictId: 1,
  year: 1980,
  location: 'X',
  sideA: 'A',
  sideB: 'B',
  incompatibility: 2,
  intensityLevel: 1,
  typeOfConflict: 3,
  startDate: '1979-01-01',
  startDate2: '1979-01-01',
  region: '1',
  ...over,
});

describe('UCDP termination insights', () => {
  const rows = [
    term({ conflictepId: 101, conflictId: 1, outcome: 1, ependdate: '1980-06-01', year: 1980 }),
    term({
      conflictepId: 101,
      conflictId: 1,
      confterm: 0,
      outcome: null,
      ependdate: null,
      year: 1979,
    }),
    term({
      conflictepId: 102,
      conflictId: 1,
      outcome: 3,
      ependdate: '1985-01-01',
      year: 1985,
      startDate2: '1984-01-01',
    }),
    term({
      conflictepId: 201,
      conflictId: 2,
      outcome: 2,
      typeOfConflict2: 2,
      ependdate: '1995-01-01',
      year: 1995,
    }),
    term({ conflictepId: 301, conflictId: 3, outcome: 5, ependdate: '2001-01-01', year: 2001 }),
  ];
  const ctx = ctxOf({ 'ucdp-termination': rows });

  it('shares by outcome, one row per episode', () => {
    const r = howConflictsEnd.run(ctx)!;
    expect([r.numerator, r.denominator]).toEqual([2, 4]);
    expect(r.breakdown.map((b) => b.numerator)).toEqual([1, 1, 1, 0, 1, 0]);
  });

  it('by type and era', () => {
    expect(
      endingsByType
        .run(ctx)!
        .breakdown.slice(0, 2)
        .map((b) => [b.numerator, b.denominator]),
    ).toEqual([
      [1, 1],
      [1, 3],
    ]);
    expect(endingsByEra.run(ctx)!.breakdown.map((b) => [b.numerator, b.denominator])).toEqual([
      [1, 2],
      [1, 2],
    ]);
  });

  it('recurrence within 10 years after agreements vs victories', () => {
    // conflict 1: agreement in 1980, new episode starting 1984 → recurred; victory 1985 → no later episode
    const r = recurrenceByEnding.run(ctx)!;
    expect(r.breakdown.slice(0, 2).map((b) => [b.numerator, b.denominator])).toEqual([
      [1, 1],
      [0, 1],
    ]);
  });
});

const cf = (over: Partial<CeasefireRow>): CeasefireRow => ({
  uniqId: 1,
  cfId: 1,
  location: 'X',
  region: 1,
  ucdpAcdId: 1,
  ucdpDyad: 1,
  paxId: null,
  cfDecYr: 1995,
  cfDecMonth: 1,
  cfDecDay: 1,
  partial: 0,
  written: 0,
  pPeaceprocess: 0,
  pHumanitarian: 0,
  mediatorNego: 0,
  mediatorSend: null,
  ended: null,
  endYr: null,
  endMonth: null,
  endDay: null,
  truce: 0,
  ...over,
});

describe('ceasefire insights', () => {
  const rows = [
    cf({ uniqId: 1, mediatorNego: 1, written: 1 }),
    cf({ uniqId: 1, mediatorNego: 0, written: 0 }), // second actor's row of the same ceasefire
    cf({ uniqId: 2, mediatorNego: 0, written: 0, cfDecYr: 2005 }),
    cf({ uniqId: 3, mediatorNego: null, cfDecYr: 2015 }),
    cf({ uniqId: 4, mediatorNego: 0, written: 1, cfDecYr: 2015, pPeaceprocess: 1 }),
  ];
  it('counts ceasefires, not rows, and leaves unknowns out', () => {
    const r = ceasefiresMediated.run(ctxOf({ ceasefires: rows }))!;
    expect([r.numerator, r.denominator]).toEqual([1, 3]);
    const w = mediatedCeasefiresWritten.run(ctxOf({ ceasefires: rows }))!;
    expect(w.breakdown.map((b) => [b.numerator, b.denominator])).toEqual([
      [1, 1],
      [1, 2],
    ]);
  });
});

const icb = (over: Partial<IcbCrisisRow>): IcbCrisisRow => ({
  crisno: 1,
  crisname: 'X',
  yrtrig: 1950,
  motrig: 1,
  yrterm: 1950,
  moterm: 2,
  brexit: 30,
  viol: 1,
  sevviosy: 1,
  gpinv: 1,
  mediate: 1,
  medwho: 1,
  medstyle: 1,
  medefct: 1,
  forout: 4,
  period: 1,
  protrac: 1,
  ...over,
});

describe('ICB insights', () => {
  const rows = [
    icb({ mediate: 4, viol: 4, forout: 1 }),
    icb({ mediate: 1, viol: 4 }),
    icb({ mediate: 3, viol: 1, forout: 1 }),
    icb({ mediate: null }),
  ];
  it('mediated share by violence, and formal agreements', () => {
    const r = crisesMediated.run(ctxOf({ 'icb-crises': rows }))!;
    expect([r.numerator, r.denominator]).toEqual([1, 3]);
    expect(r.breakdown[3]).toMatchObject({ label: 'full-scale war', numerator: 1, denominator: 2 });
    const f = crisisMediationAgreements.run(ctxOf({ 'icb-crises': rows }))!;
    expect(f.breakdown.map((b) => [b.numerator, b.denominator])).toEqual([
      [1, 1],
      [1, 2],
    ]);
  });
});

const war = (
  warNum: number,
  y0: number,
  m0: number,
  d0: number,
  y1: number,
  m1: number,
  d1: number,
): CowInterstateRow => ({
  warNum,
  warName: `W${warNum}`,
  warType: 1,
  ccode: 2,
  stateName: 'S',
  side: 1,
  startYear1: y0,
  startMonth1: m0,
  startDay1: d0,
  endYear1: y1,
  endMonth1: m1,
  endDay1: d1,
  startYear2: null,
  startMonth2: null,
  startDay2: null,
  endYear2: null,
  endMonth2: null,
  endDay2: null,
  whereFought: 1,
  initiator: 1,
  outcome: 1,
  batDeath: 1000,
});

describe('COW and CWM insights', () => {
  it('median duration by era', () => {
    const rows = [
      war(1, 1850, 1, 1, 1850, 1, 31),
      war(2, 1860, 1, 1, 1860, 3, 31),
      war(3, 1870, 1, 1, 1870, 12, 31),
      war(4, 1950, 1, 1, 1952, 12, 31),
    ];
    const r = interstateDurations.run(ctxOf({ 'cow-interstate': rows }))!;
    expect(r.numerator).toBe(4);
    expect(r.breakdown[0].numerator).toBe(3);
    expect(r.breakdown[0].estimate).toBeCloseTo(91 / 30.4375, 6); // middle war: 1 Jan–31 Mar 1860, 91 days
    expect(r.breakdown[1].numerator).toBe(0);
  });

  it('civil-war episodes mediated before and after 1990', () => {
    const row = (mediated: number | null, yearTerm: number): CwmRow => ({
      country: 'X',
      sideA: 'A',
      sideB: 'B',
      mediated,
      yearTerm,
      incompatibility: 1,
      territory: null,
      episodeStart: null,
      episodeEnd: null,
      medBegins: null,
      medEnds: null,
      thirdParty: null,
      regionalOrg: null,
    });
    const r = civilWarsMediated.run(
      ctxOf({ cwm: [row(1, 1995), row(0, 1995), row(1, 1970), row(null, 1970)] }),
    )!;
    expect(r.breakdown.map((b) => [b.numerator, b.denominator])).toEqual([
      [1, 2],
      [1, 1],
      [2, 3],
    ]);
  });
});
