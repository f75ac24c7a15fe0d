// Case-base insights on small synthetic case sets whose answers are known by construction.
import { describe, expect, it } from 'vitest';
import { ev, makeCase } from '../caseFixtures.ts';
import { mulberry32, wilson } from '../stats.ts';
import { INSIGHTS, runInsights, TOPICS, type InsightContext } from './index.ts';
import { backChannelsAndSettlement, backChannelsBeforeTalks } from './backChannels.ts';
import { talksInFirstYear, timeToTalksByType } from './timeToTalks.ts';
import { stalemateSettles, talksInStalemate } from './momentum.ts';
import {
  earlyVsLateMediation,
  mediatedWarsSettle,
  mediatorKinds,
  neutralVsBiased,
} from './mediation.ts';
import { guaranteesDurability, leverageDurability } from './leverageGuarantees.ts';
import { failedBeforeSuccess, settlementVsVictoryDurability } from './failedTalks.ts';
import { caseCeasefiresHeld } from './ceasefires.ts';

const resumed = {
  resumedWithin2y: true,
  resumedWithin5y: true,
  resumedWithin10y: true,
  resumedOn: { date: '2003', precision: 'year' as const },
};
const victoryA = { outcome: 'victory-side-a' as const };

// 4 cases with public talks: 3 with a back channel first (a, b, c), one without (d); e has no talks.
const cases = [
  makeCase({
    id: 'a',
    timeline: [
      ev.secret('2000-02-01'),
      ev.talks('2000-03-01'),
      ev.agreement('2001-01-01', { guarantors: ['UN'] }),
    ],
    battlefieldAtTalks: 'stalemate',
  }),
  makeCase({
    id: 'b',
    timeline: [
      ev.backChannel('2000-02-01'),
      ev.talks('2000-05-01'),
      ev.breakdown('2000-06-01'),
      ev.agreement('2001-06-01'),
    ],
    battlefieldAtTalks: 'stalemate',
  }),
  makeCase({
    id: 'c',
    timeline: [ev.secret('2001-01-01'), ev.talks('2001-02-01')],
    battlefieldAtTalks: 'momentum-side-a',
    ...victoryA,
    durability: resumed,
  }),
  makeCase({
    id: 'd',
    type: 'civil',
    start: { date: '1990-01-01', precision: 'day' },
    timeline: [
      ev.mediation('1990-03-01', { bias: { toward: 'a', reason: 'ally' }, result: 'failed' }),
      ev.talks('1993-01-01'),
      ev.mediation('1994-01-01', { leverage: ['sanctions'] }),
      ev.agreement('1995-01-01', { peacekeepers: true }),
    ],
    battlefieldAtTalks: 'momentum-side-b',
    regimes: { sideA: 'autocracy', sideB: 'non-state' },
    durability: resumed,
  }),
  makeCase({ id: 'e', ...victoryA, battlefieldAtTalks: null }),
  makeCase({
    id: 'f',
    timeline: [
      ev.mediation('2000-01-15', { mediatorKind: 'io' }),
      ev.ceasefire('2000-02-01', true, true),
      ev.ceasefire('2000-08-01', false, false),
    ],
    battlefieldAtTalks: 'unclear',
    outcome: 'ceasefire-frozen',
  }),
];
const ctx: InsightContext = { cases, datasets: {}, rng: mulberry32(42) };

describe('case-base insights, known answers', () => {
  it('back channels before public talks: 3 of 4', () => {
    const r = backChannelsBeforeTalks.run(ctx)!;
    expect([r.numerator, r.denominator]).toEqual([3, 4]);
    expect(r.caseIds).toEqual(['a', 'b', 'c']);
    expect(r.interval).toEqual(wilson(3, 4));
    expect(r.finding).toContain('3 of 4 (75%');
    expect(r.caveats.some((c) => c.includes('very small sample'))).toBe(true);
  });

  it('the figures change when the data change', () => {
    const more = [
      ...cases,
      makeCase({ id: 'g', timeline: [ev.talks('2000-03-01')], battlefieldAtTalks: 'stalemate' }),
    ];
    const r = backChannelsBeforeTalks.run({ ...ctx, cases: more })!;
    expect([r.numerator, r.denominator]).toEqual([3, 5]);
  });

  it('back channels and negotiated endings', () => {
    const r = backChannelsAndSettlement.run(ctx)!;
    // with back channel: a, b settled; c victory → 2/3. without (talks): d settled, f frozen → 2/2
    expect(r.breakdown.map((b) => [b.numerator, b.denominator])).toEqual([
      [2, 3],
      [2, 2],
    ]);
  });

  it('time to first contact: median over all and per type', () => {
    const r = timeToTalksByType.run(ctx)!;
    expect(r.measure).toBe('median');
    expect(r.numerator).toBe(5); // e has no contact
    const civil = r.breakdown.find((b) => b.label === 'civil')!;
    expect(civil.estimate).toBeCloseTo(1.9, 0); // 1990-01-01 → 1990-03-01
    expect(r.interval?.method).toBe('bootstrap');
    expect(talksInFirstYear.run(ctx)!.numerator).toBe(4); // a, b, d, f; c's contact comes after 366 days (> 12 months)
  });

  it('momentum vs stalemate', () => {
    const r = talksInStalemate.run(ctx)!;
    expect([r.numerator, r.denominator]).toEqual([2, 4]);
    const s = stalemateSettles.run(ctx)!;
    expect(s.breakdown.map((b) => [b.numerator, b.denominator])).toEqual([
      [2, 2],
      [1, 2],
    ]);
  });

  it('mediation queries', () => {
    const early = earlyVsLateMediation.run(ctx)!;
    expect(early.breakdown.map((b) => [b.numerator, b.denominator])).toEqual([
      [2, 2],
      [0, 0],
    ]); // d (2 months), f (0.5 months)
    const nb = neutralVsBiased.run(ctx)!;
    expect(nb.breakdown.map((b) => [b.numerator, b.denominator])).toEqual([
      [2, 2],
      [0, 1],
    ]);
    const kinds = mediatorKinds.run(ctx)!;
    expect([kinds.numerator, kinds.denominator]).toEqual([2, 3]);
    expect(kinds.breakdown.map((b) => b.label)).toEqual(['state', 'io']);
    const mw = mediatedWarsSettle.run(ctx)!;
    expect(mw.breakdown.map((b) => [b.numerator, b.denominator])).toEqual([
      [2, 2],
      [2, 4],
    ]);
  });

  it('leverage, guarantees and durability', () => {
    const lev = leverageDurability.run(ctx)!;
    expect(lev.breakdown.map((b) => [b.numerator, b.denominator])).toEqual([
      [0, 1],
      [1, 1],
    ]); // d resumed; f held
    const g = guaranteesDurability.run(ctx)!;
    expect(g.breakdown.map((b) => [b.numerator, b.denominator])).toEqual([
      [1, 2],
      [1, 1],
    ]); // a held, d resumed; b held
  });

  it('failed talks and durability of settlements vs victories', () => {
    const f = failedBeforeSuccess.run(ctx)!;
    expect([f.numerator, f.denominator]).toEqual([2, 3]); // b (breakdown), d (failed mediation); a none
    const d = settlementVsVictoryDurability.run(ctx)!;
    expect(d.breakdown.map((b) => [b.numerator, b.denominator])).toEqual([
      [2, 3],
      [1, 2],
    ]);
  });

  it('ceasefires held', () => {
    const r = caseCeasefiresHeld.run(ctx)!;
    expect(r.breakdown.map((b) => [b.numerator, b.denominator])).toEqual([
      [1, 1],
      [0, 1],
    ]);
  });

  it('returns null, not NaN, when nothing is in scope', () => {
    const empty = { ...ctx, cases: [] };
    for (const q of INSIGHTS.filter((i) => i.needs.length === 0)) expect(q.run(empty)).toBeNull();
  });
});

describe('registry', () => {
  it('has at least 20 queries with unique ids over the issue’s topics', () => {
    expect(INSIGHTS.length).toBeGreaterThanOrEqual(20);
    expect(new Set(INSIGHTS.map((i) => i.id)).size).toBe(INSIGHTS.length);
    for (const q of INSIGHTS) expect(TOPICS).toContain(q.topic);
  });

  it('skips dataset queries with a reason when the dataset is absent', () => {
    const r = runInsights(ctx);
    expect(
      r.skipped.some((s) => s.id === 'how-conflicts-end' && s.reason.includes('ucdp-termination')),
    ).toBe(true);
    expect(runInsights(ctx, { topic: 'momentum' }).insights.map((i) => i.id)).toEqual([
      'talks-opened-in-stalemate',
      'stalemate-vs-momentum-endings',
    ]);
  });

  it('is deterministic for a given seed', () => {
    const a = runInsights({ ...ctx, rng: mulberry32(3) });
    const b = runInsights({ ...ctx, rng: mulberry32(3) });
    expect(a).toEqual(b);
  });
});
