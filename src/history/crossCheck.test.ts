import { describe, expect, it } from 'vitest';
import { makeCase } from './caseFixtures.ts';
import { summariseCowWars } from './cowWars.ts';
import { cowDateMatches, crossCheckCase, tallyChecks } from './crossCheck.ts';
import type { CowInterstateRow, UcdpAcdRow, UcdpTerminationRow } from './datasetRows.ts';

const cowRow = (
  ccode: number,
  side: number,
  over: Partial<CowInterstateRow> = {},
): CowInterstateRow => ({
  warNum: 7,
  warName: 'Test',
  warType: 1,
  ccode,
  stateName: `S${ccode}`,
  side,
  startYear1: 2000,
  startMonth1: 1,
  startDay1: 1,
  endYear1: 2002,
  endMonth1: 1,
  endDay1: 1,
  startYear2: null,
  startMonth2: null,
  startDay2: null,
  endYear2: null,
  endMonth2: null,
  endDay2: null,
  whereFought: 1,
  initiator: 1,
  outcome: 1,
  batDeath: 100,
  ...over,
});
const acd = (year: number): UcdpAcdRow => ({
  conflictId: 9,
  location: 'X',
  sideA: 'A',
  sideA2nd: null,
  sideB: 'B',
  sideB2nd: null,
  incompatibility: 1,
  territoryName: null,
  year,
  intensityLevel: 2,
  typeOfConflict: 2,
  startDate: '2000-01-01',
  startPrec: 1,
  startDate2: '2000-01-01',
  startPrec2: 1,
  epEnd: 0,
  epEndDate: null,
  region: '1',
});
const term = (outcome: number): UcdpTerminationRow => ({
  conflictepId: 901,
  conflictEpisode: 1,
  typeOfConflict2: 2,
  confterm: 1,
  ependdate: '2002-01-01',
  ependprec: 1,
  outcome,
  recur: 0,
  conflictId: 9,
  year: 2002,
  location: 'X',
  sideA: 'A',
  sideB: 'B',
  incompatibility: 1,
  intensityLevel: 2,
  typeOfConflict: 2,
  startDate: '2000-01-01',
  startDate2: '2000-01-01',
  region: '1',
});

const cowWars = summariseCowWars([cowRow(2, 1), cowRow(20, 2, { endYear1: 2001, endMonth1: 6 })]);
const data = { cowWars, 'ucdp-acd': [acd(2000), acd(2001)], 'ucdp-termination': [term(1)] };
const belligerents = [
  { name: 'Two', side: 'b' as const, cowCode: 2 },
  { name: 'Twenty', side: 'a' as const, cowCode: 20 },
];

describe('cowDateMatches', () => {
  it('compares to the case precision and ignores parts COW lacks', () => {
    expect(
      cowDateMatches({ date: '2000', precision: 'year' }, { year: 2000, month: 5, day: 3 }),
    ).toBe(true);
    expect(
      cowDateMatches({ date: '2000-05-04', precision: 'day' }, { year: 2000, month: 5, day: 3 }),
    ).toBe(false);
    expect(
      cowDateMatches({ date: '2000-05-04', precision: 'day' }, { year: 2000, month: 5, day: null }),
    ).toBe(true);
  });
});

describe('crossCheckCase', () => {
  it('matches dates, participants (sides swapped as a whole) and the UCDP record', () => {
    const c = makeCase({ id: 'ok', belligerents, cowWarNumbers: [7], ucdpConflictIds: [9] });
    const r = crossCheckCase(c, data);
    expect(r.filter((x) => x.status !== 'match')).toEqual([]);
    expect(r.map((x) => x.field)).toEqual([
      'type',
      'start',
      'end',
      'belligerents',
      'ucdp-conflict',
      'ucdp-years',
      'ucdp-outcome',
    ]);
  });

  it('flags mismatches and lets a reasoned annotation excuse them', () => {
    const c = makeCase({
      id: 'bad',
      belligerents,
      cowWarNumbers: [7],
      ucdpConflictIds: [9],
      start: { date: '1999', precision: 'year' },
      outcome: 'victory-side-a',
    });
    const r = crossCheckCase(c, data);
    expect(r.filter((x) => x.status === 'mismatch').map((x) => x.field)).toEqual([
      'start',
      'ucdp-outcome',
    ]);
    const annotated = makeCase({
      id: 'bad',
      belligerents,
      cowWarNumbers: [7],
      ucdpConflictIds: [9],
      start: { date: '1999', precision: 'year' },
      outcome: 'victory-side-a',
      annotations: [
        { field: 'start', dataset: 'cow', reason: 'we date the war from the first raids in 1999' },
        {
          field: 'ucdp-outcome',
          reason: 'UCDP codes the final accord; we code the battlefield result',
        },
      ],
    });
    expect(tallyChecks(crossCheckCase(annotated, data))).toEqual({
      match: 5,
      mismatch: 0,
      annotated: 2,
      skipped: 0,
    });
  });

  it('flags a belligerent that COW does not list and inconsistent sides', () => {
    const c = makeCase({
      id: 'p',
      cowWarNumbers: [7],
      belligerents: [
        { name: 'Two', side: 'a', cowCode: 2 },
        { name: 'Twenty', side: 'a', cowCode: 20 },
        { name: 'Three', side: 'b', cowCode: 3 },
      ],
    });
    const r = crossCheckCase(c, data).find((x) => x.field === 'belligerents');
    expect(r?.status).toBe('mismatch');
    expect(r?.message).toContain('Three (ccode 3) is not a COW participant');
    expect(r?.message).toContain('sides disagree');
  });

  it('reports an unknown war or conflict', () => {
    const c = makeCase({ id: 'u', cowWarNumbers: [99], ucdpConflictIds: [1] });
    expect(crossCheckCase(c, data).map((x) => [x.field, x.status])).toEqual([
      ['cow-war', 'mismatch'],
      ['ucdp-conflict', 'mismatch'],
    ]);
  });
});
