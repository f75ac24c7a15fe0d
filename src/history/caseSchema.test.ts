import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  CaseSchema,
  DatedSchema,
  datedRange,
  monthsBetween,
  surelyBefore,
  type Case,
  type Dated,
} from './caseSchema.ts';
import { ev, makeCase, withSources } from './caseFixtures.ts';

/** Schema issues of a case whose facts all name a source (those checks are tested elsewhere). */
const issues = (input: Record<string, unknown>) => {
  const r = CaseSchema.safeParse(withSources(input));
  return r.success ? [] : r.error.issues.map((i) => ({ code: i.code, path: i.path.join('.') }));
};

describe('DatedSchema', () => {
  it('accepts full and partial ISO dates, and bare years as numbers', () => {
    expect(DatedSchema.parse({ date: '1950-06-25', precision: 'day' }).date).toBe('1950-06-25');
    expect(DatedSchema.parse({ date: '1950-06', precision: 'month' }).date).toBe('1950-06');
    expect(DatedSchema.parse({ date: 1950, precision: 'year' }).date).toBe('1950');
  });
  it('needs the parts its precision claims, and real days', () => {
    expect(DatedSchema.safeParse({ date: '1950', precision: 'month' }).success).toBe(false);
    expect(DatedSchema.safeParse({ date: '1950-02-30', precision: 'day' }).success).toBe(false);
    expect(DatedSchema.safeParse({ date: '25/06/1950', precision: 'day' }).success).toBe(false);
  });
  it('orders imprecise dates only when their windows do not overlap', () => {
    const y: Dated = { date: '1950', precision: 'year' };
    const d: Dated = { date: '1950-03-01', precision: 'day' };
    expect(surelyBefore(d, y)).toBe(false);
    expect(surelyBefore(y, { date: '1951-01-01', precision: 'day' })).toBe(true);
    const [lo, hi] = datedRange({ date: '1950-02', precision: 'month' });
    expect((hi - lo) * 365.2425).toBeCloseTo(28, 5);
    expect(
      monthsBetween(
        { date: '2000-01', precision: 'month' },
        { date: '2001-01', precision: 'month' },
      ),
    ).toBeCloseTo(12, 1);
  });
});

describe('CaseSchema', () => {
  it('parses a valid case and infers types', () => {
    const c = makeCase({
      id: 'ok',
      timeline: [ev.talks('2000-03-01'), ev.agreement('2001-01-01')],
      battlefieldAtTalks: 'stalemate',
    });
    expectTypeOf(c).toEqualTypeOf<Case>();
    expect(c.timeline[1]).toMatchObject({ kind: 'agreement', guarantors: [], peacekeepers: false });
  });

  it('pins the semantic checks with their paths', () => {
    const base = makeCase({ id: 'x' });
    expect(
      issues({
        ...base,
        id: 'Not Kebab',
        belligerents: [
          { name: 'A', side: 'a' },
          { name: 'B', side: 'a' },
        ],
        end: { date: '1999', precision: 'year' },
        timeline: [ev.talks('2001-03-01'), ev.talks('2000-03-01')],
        battlefieldAtTalks: null,
        durability: {
          resumedWithin2y: true,
          resumedWithin5y: false,
          resumedWithin10y: true,
          resumedOn: null,
        },
      }),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_format",
          "path": "id",
        },
        {
          "code": "custom",
          "path": "durability.resumedWithin5y",
        },
        {
          "code": "custom",
          "path": "durability.resumedOn",
        },
        {
          "code": "custom",
          "path": "belligerents",
        },
        {
          "code": "custom",
          "path": "end.date",
        },
        {
          "code": "custom",
          "path": "timeline.1.date",
        },
        {
          "code": "custom",
          "path": "battlefieldAtTalks",
        },
      ]
    `);
  });

  it('runs the cross-field checks once the shape is valid', () => {
    const base = makeCase({ id: 'x' });
    expect(
      issues({
        ...base,
        belligerents: [
          { name: 'A', side: 'a' },
          { name: 'B', side: 'a' },
        ],
        end: { date: '1999', precision: 'year' },
        timeline: [ev.talks('2001-03-01'), ev.talks('2000-03-01')],
        battlefieldAtTalks: null,
      }),
    ).toEqual([
      { code: 'custom', path: 'belligerents' },
      { code: 'custom', path: 'end.date' },
      { code: 'custom', path: 'timeline.1.date' },
      { code: 'custom', path: 'battlefieldAtTalks' },
    ]);
  });

  it('ties ongoing to end: null and requires durability once ended', () => {
    const base = makeCase({ id: 'x' });
    expect(issues({ ...base, outcome: 'ongoing' })).toEqual([{ code: 'custom', path: 'outcome' }]);
    expect(issues({ ...base, durability: null })).toEqual([{ code: 'custom', path: 'durability' }]);
    expect(issues({ ...base, end: null, outcome: 'ongoing', durability: null })).toEqual([]);
  });

  it('holds a reviewed timeline to its review: each strand has an event or is declared absent', () => {
    const base = makeCase({
      id: 'x',
      timeline: [ev.talks('2000-03-01')],
      battlefieldAtTalks: 'stalemate',
    });
    const review = { reviewed: '2026-12-08', searched: ['UN Peacemaker'] };
    expect(
      issues({ ...base, review: { ...review, none: ['mediation', 'secret', 'ceasefire'] } }),
    ).toEqual([]);
    // a strand missing from both the timeline and review.none, and one declared absent but held
    expect(
      issues({ ...base, review: { ...review, none: ['secret', 'ceasefire', 'public-talks'] } }),
    ).toEqual([
      { code: 'custom', path: 'review.none' },
      { code: 'custom', path: 'review.none' },
    ]);
    expect(
      issues({
        ...base,
        review: { ...review, searched: [], none: ['mediation', 'secret', 'ceasefire'] },
      }),
    ).toEqual([{ code: 'too_small', path: 'review.searched' }]);
  });

  it('rejects unknown keys (typos) and too few sources', () => {
    const base = makeCase({ id: 'x' });
    expect(issues({ ...base, outcomes: 'x' })).toEqual([{ code: 'unrecognized_keys', path: '' }]);
    expect(issues({ ...base, sources: base.sources.slice(0, 1) })).toEqual([
      { code: 'too_small', path: 'sources' },
    ]);
  });
});
