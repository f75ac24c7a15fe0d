// Early (first three months) vs later mediation, on synthetic wars whose answers are known.
import { describe, expect, it } from 'vitest';
import { ev, makeCase } from '../caseFixtures.ts';
import { mulberry32, wilson } from '../stats.ts';
import { earlyMediationSettlements, mediationTiming } from './earlyMediation.ts';
import type { InsightContext } from './insight.ts';

const talked = { battlefieldAtTalks: 'stalemate' as const };
const cases = [
  // early (6 weeks), settled
  makeCase({ id: 'a', ...talked, timeline: [ev.mediation('2000-02-15')] }),
  // early (11 weeks), but the war ended in victory
  makeCase({
    id: 'b',
    ...talked,
    timeline: [ev.mediation('2000-03-20')],
    outcome: 'victory-side-a',
  }),
  // late (a year in), settled
  makeCase({ id: 'c', ...talked, timeline: [ev.mediation('2001-01-01')] }),
  // onset known only to the year: cannot tell, left out
  makeCase({
    id: 'd',
    ...talked,
    start: { date: '2000', precision: 'year' },
    timeline: [{ ...ev.mediation('2000-06-01'), date: { date: '2000-06', precision: 'month' } }],
  }),
  // never mediated, victory
  makeCase({ id: 'e', outcome: 'victory-side-b' }),
  // mediated only before the war (pre-war contact does not count): reference group, settled
  makeCase({
    id: 'f',
    ...talked,
    timeline: [{ ...ev.mediation('1999-12-01'), preWar: true }],
  }),
  // ongoing: out of scope
  makeCase({
    id: 'g',
    ...talked,
    timeline: [ev.mediation('2000-01-20')],
    end: null,
    outcome: 'ongoing',
    durability: null,
  }),
];
const ctx: InsightContext = { cases, datasets: {}, rng: mulberry32(1) };

describe('early-mediation-settlements', () => {
  it('reads timing from the date windows', () => {
    expect(cases.map(mediationTiming)).toEqual([
      'early',
      'early',
      'late',
      'undetermined',
      'none',
      'none',
      'early',
    ]);
  });

  it('counts settlements per group, with the unmediated wars as reference', () => {
    const r = earlyMediationSettlements.run(ctx)!;
    expect(r.compares).toBe(true);
    expect(r.breakdown.map((b) => [b.numerator, b.denominator])).toEqual([
      [1, 2],
      [1, 1],
      [1, 2],
    ]);
    expect(r.breakdown[0].caseIds).toEqual(['a']);
    expect(r.breakdown[2].caseIds).toEqual(['f']);
    expect([r.numerator, r.denominator]).toEqual([1, 2]);
    expect(r.interval).toEqual(wilson(1, 2));
    expect(r.caseIds).toEqual(['a', 'c']);
    expect(r.finding).toContain('1 of 2 (50%)');
    expect(r.caveats.some((c) => c.includes('left out') && c.includes('d'))).toBe(true);
  });

  it('changes when the data change, and is null with nothing mediated', () => {
    const more = [
      ...cases,
      makeCase({ id: 'h', ...talked, timeline: [ev.mediation('2000-01-10')] }),
    ];
    const r = earlyMediationSettlements.run({ ...ctx, cases: more })!;
    expect([r.numerator, r.denominator]).toEqual([2, 3]);
    expect(earlyMediationSettlements.run({ ...ctx, cases: [makeCase({ id: 'z' })] })).toBeNull();
  });
});
