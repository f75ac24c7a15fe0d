// Leaked secret channels and what followed, on synthetic wars whose answers are known.
import { describe, expect, it } from 'vitest';
import { ev, makeCase } from '../caseFixtures.ts';
import { CaseSchema, type CaseInput } from '../caseSchema.ts';
import { unsourcedFacts } from '../caseSources.ts';
import { mulberry32, wilson } from '../stats.ts';
import type { InsightContext } from './insight.ts';
import { secretChannelLeaks } from './secretChannelLeaks.ts';

type Ev = NonNullable<CaseInput['timeline']>[number];
// Object.assign, not a literal: `leaked` exists only on the secret-channel members of the union.
const leak = (e: Ev, date: string): Ev =>
  Object.assign({}, e, {
    leaked: { date: { date, precision: 'day' as const }, summary: 'a newspaper printed it' },
  });
const talked = { battlefieldAtTalks: 'stalemate' as const };

const cases = [
  // leaked, collapse a month later, agreement only after 15 months
  makeCase({
    id: 'l1',
    ...talked,
    timeline: [
      leak(ev.secret('2000-02-01'), '2000-03-01'),
      ev.breakdown('2000-04-01'),
      ev.agreement('2001-06-01'),
    ],
  }),
  // leaked at the end of a back channel, agreement a month later
  makeCase({
    id: 'l2',
    ...talked,
    timeline: [
      leak(
        { ...ev.backChannel('2000-01-01'), endDate: { date: '2000-05-01', precision: 'day' } },
        '2000-06-01',
      ),
      ev.agreement('2000-07-01'),
    ],
  }),
  // kept secret, agreement nine months later
  makeCase({
    id: 'k1',
    ...talked,
    timeline: [ev.secret('2000-01-01'), ev.agreement('2000-10-01')],
  }),
  // kept secret, then collapse and defeat
  makeCase({
    id: 'k2',
    ...talked,
    timeline: [
      { ...ev.backChannel('2000-01-01'), endDate: { date: '2000-02-01', precision: 'day' } },
      ev.breakdown('2000-03-01'),
    ],
    outcome: 'victory-side-a',
  }),
  // leaked in an ongoing war, collapse two weeks later
  makeCase({
    id: 'l3',
    ...talked,
    timeline: [leak(ev.secret('2000-04-01'), '2000-05-01'), ev.breakdown('2000-05-15')],
    end: null,
    outcome: 'ongoing',
    durability: null,
  }),
];
const ctx: InsightContext = { cases, datasets: {}, rng: mulberry32(1) };

describe('secret-channel-leaks', () => {
  it('counts leaked channels and what followed within a year', () => {
    const r = secretChannelLeaks.run(ctx)!;
    expect([r.numerator, r.denominator]).toEqual([3, 5]);
    expect(r.interval).toEqual(wilson(3, 5));
    expect(r.breakdown.map((b) => [b.numerator, b.denominator])).toEqual([
      [3, 5], // leaked: l1, l2, l3
      [2, 3], // collapse after the leak: l1, l3
      [1, 3], // agreement after the leak: l2 (l1's came after 15 months)
      [1, 2], // kept secret, agreement within a year: k1
      [2, 2], // leaked, ended wars (l3 ongoing): l1, l2 settled
      [1, 2], // kept, ended: k1 settled, k2 victory
    ]);
    expect(r.caseIds).toEqual(['l1', 'l2', 'l3']);
    expect(r.breakdown[2].caseIds).toEqual(['l2']);
    expect(r.finding).toContain('3 of 5 recorded secret channels (60%)');
    expect(r.caveats.some((c) => c.includes('lower bound'))).toBe(true);
  });

  it('is null without secret channels and reports zero leaks plainly', () => {
    expect(secretChannelLeaks.run({ ...ctx, cases: [makeCase({ id: 'z' })] })).toBeNull();
    const r = secretChannelLeaks.run({ ...ctx, cases: [cases[2]] })!;
    expect([r.numerator, r.denominator]).toEqual([0, 1]);
    expect(r.finding).toBe('0 of 1 recorded secret channels (0%) are recorded as leaked.');
  });

  it('treats the leak as a dated fact that needs a source', () => {
    const sourced = cases[0];
    // the leak's source taken away after parsing: it counts as an unsourced fact
    const c = {
      ...sourced,
      timeline: sourced.timeline.map((e, i) =>
        i === 0 && 'leaked' in e && e.leaked
          ? { ...e, leaked: { ...e.leaked, source: undefined } }
          : e,
      ),
    };
    expect(unsourcedFacts(c).map((f) => f.label)).toContain(
      'leak of the secret-contact of 2000-02-01 (2000-03-01)',
    );
    const bad = CaseSchema.safeParse({
      ...c,
      timeline: [{ ...c.timeline[0], leaked: { date: { date: '2000-03', precision: 'day' } } }],
    });
    expect(bad.success).toBe(false);
  });
});
