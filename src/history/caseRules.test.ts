// The rules of docs/history.md on synthetic cases: pre-war contacts, resumption windows, per-fact sources.
import { describe, expect, it } from 'vitest';
import { CaseSchema, type CaseInput, type Dated } from './caseSchema.ts';
import { ev, makeCase, withSources } from './caseFixtures.ts';
import { durabilityProblems, preWarProblems } from './caseRules.ts';
import { citedFacts, sourceProblems, unsourcedFacts } from './caseSources.ts';
import {
  firstContact,
  firstMediatedContact,
  firstPublicTalks,
  monthsToFirstContact,
} from './caseQueries.ts';
import { caseFeatures } from './caseFeatures.ts';

const day = (date: string): Dated => ({ date, precision: 'day' });
const messages = (input: Partial<CaseInput>) => {
  const r = CaseSchema.safeParse(withSources({ ...makeCase({ id: 'x' }), ...input }));
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};
const dur = (
  w2: boolean | null,
  w5: boolean | null,
  w10: boolean | null,
  resumedOn: Dated | null,
  extra: object = {},
) => ({ resumedWithin2y: w2, resumedWithin5y: w5, resumedWithin10y: w10, resumedOn, ...extra });

describe('pre-war contacts', () => {
  it('the case base marks pre-war events; the schema rejects preWar on an event after the start', () => {
    const unmarked = makeCase({
      id: 'old-file',
      timeline: [ev.talks('1999-06-01')],
      battlefieldAtTalks: 'stalemate',
    });
    expect(preWarProblems(unmarked).map((p) => p.path)).toEqual(['timeline[0].preWar']);
    // an older file without the flag still reads the same: the event is not the first contact
    expect(firstContact(unmarked)).toBeUndefined();
    expect(
      messages({
        timeline: [{ ...ev.talks('2000-06-01'), preWar: true }],
        battlefieldAtTalks: 'stalemate',
      }),
    ).toEqual([
      'timeline.0.preWar: preWar, but the event (2000-06-01) cannot lie before the war began (2000-01-01)',
    ]);
  });

  it('is left out of the first contact and of every lag', () => {
    const c = makeCase({
      id: 'pre',
      timeline: [
        { ...ev.mediation('1999-06-01'), preWar: true },
        { ...ev.talks('1999-07-01'), preWar: true },
        ev.secret('2000-07-01'),
        ev.mediation('2001-01-01'),
        ev.talks('2001-03-01'),
      ],
      battlefieldAtTalks: 'stalemate',
    });
    expect(firstContact(c)?.kind).toBe('secret-contact');
    expect(monthsToFirstContact(c)).toBeCloseTo(6, 0);
    expect(caseFeatures(c, 2026).durationMonths).toBeCloseTo(6, 0);
    expect(firstMediatedContact(c)?.date.date).toBe('2001-01-01');
    expect(firstPublicTalks(c)?.date.date).toBe('2001-03-01');
  });
});

describe('durability rules', () => {
  const asOf = day('2026-12-07');
  const problems = (d: ReturnType<typeof dur>, end = day('2002-01-01')) =>
    durabilityProblems(makeCase({ id: 'd', end, durability: d }), asOf).map((p) => p.path);

  it('accepts flags that follow from the resumption date', () => {
    expect(problems(dur(false, true, true, day('2005-06-01')))).toEqual([]);
    expect(problems(dur(false, false, false, null))).toEqual([]);
    expect(problems(dur(false, false, true, day('2010-01-01')))).toEqual([]);
  });

  it('flags a window that contradicts the resumption date', () => {
    // resumed within 2 years, coded as not (the First Indochina War's error)
    expect(problems(dur(false, true, true, day('2003-04-30')))).toEqual([
      'durability.resumedWithin2y',
    ]);
    // resumed after 12 years, coded as within 10
    expect(problems(dur(false, false, true, day('2014-01-01')))).toEqual([
      'durability.resumedWithin10y',
    ]);
    // resumed before the end
    expect(problems(dur(true, true, true, day('2001-01-01')))).toEqual(['durability.resumedOn']);
  });

  it('a window that has closed by the review date must be coded; one still open must stay null', () => {
    // ended 2014, ten years passed without resumption, 10-year flag left empty (the MILF case's error)
    expect(problems(dur(false, false, null, null), day('2014-03-27'))).toEqual([
      'durability.resumedWithin10y',
    ]);
    expect(problems(dur(false, false, false, null), day('2020-10-23'))).toEqual([
      'durability.resumedWithin10y',
    ]);
    expect(problems(dur(false, null, null, null), day('2020-10-23'))).toEqual([
      'durability.resumedWithin5y',
    ]);
    expect(problems(dur(false, false, null, null), day('2020-10-23'))).toEqual([]);
  });

  it('observedTo limits what the sources can show, and may not lie after the review', () => {
    const observed = { observedTo: day('2024-12-31') };
    expect(problems(dur(false, null, null, null, observed), day('2020-10-23'))).toEqual([]);
    expect(problems(dur(false, false, null, null, observed), day('2016-11-24'))).toEqual([]);
    expect(
      problems(dur(false, null, null, null, { observedTo: day('2027-01-01') }), day('2020-10-23')),
    ).toContain('durability.observedTo');
  });

  it('imprecise dates: a resumption that may or may not fall in the window is accepted either way', () => {
    // end mid-2004, resumption some time in 2006: within 2 years or not, depending on the day
    const y2006: Dated = { date: '2006', precision: 'year' };
    expect(problems(dur(true, true, true, y2006), day('2004-07-20'))).toEqual([]);
    expect(problems(dur(false, true, true, y2006), day('2004-07-20'))).toEqual([]);
    expect(problems(dur(false, false, true, y2006), day('2004-07-20'))).toEqual([
      'durability.resumedWithin5y',
    ]);
  });
});

describe('per-fact sources', () => {
  const sources = [
    {
      id: 'cow',
      publisher: 'COW',
      title: 'War data',
      url: 'https://correlatesofwar.org/data-sets/cow-war/',
      dataset: 'cow' as const,
    },
    {
      id: 'frus',
      publisher: 'Office of the Historian',
      title: 'FRUS',
      url: 'https://history.state.gov/x',
    },
  ];

  it('counts every dated fact and the unsourced ones', () => {
    const full = makeCase({
      id: 's',
      sources,
      start: { ...day('2000-01-01'), source: 'cow' },
      timeline: [{ ...ev.talks('2000-06-01'), source: 'frus' }, ev.agreement('2001-06-01')],
      battlefieldAtTalks: 'stalemate',
    });
    // validation would refuse these facts without a source: take them away after parsing
    const c = {
      ...full,
      end: { ...full.end!, source: undefined },
      timeline: [full.timeline[0], { ...full.timeline[1], source: undefined }],
      durability: { ...full.durability!, source: undefined },
    };
    expect(citedFacts(c).map((f) => f.kind)).toEqual([
      'start',
      'end',
      'event',
      'event',
      'durability',
    ]);
    expect(unsourcedFacts(c).map((f) => f.label)).toEqual([
      'end 2002-01-01',
      'agreement 2001-06-01',
      'durability',
    ]);
  });

  it('rejects unknown ids and a dataset landing page cited for a negotiation event', () => {
    const base = makeCase({ id: 's', sources });
    expect(
      sourceProblems({
        ...base,
        timeline: [
          {
            ...makeCase({
              id: 't',
              timeline: [ev.talks('2000-06-01')],
              battlefieldAtTalks: 'stalemate',
            }).timeline[0],
            source: 'cow',
          },
        ],
        end: { ...day('2002-01-01'), source: 'nope' },
      }).map((p) => p.path.join('.')),
    ).toEqual(['end.source', 'timeline.0.source']);
  });

  it('validation fails on an unsourced fact, audited or not', () => {
    const unsourced = {
      sources,
      start: { ...day('2000-01-01'), source: undefined },
      end: { ...day('2002-01-01'), source: undefined },
      durability: { ...dur(false, false, false, null), source: undefined },
    };
    const expected = [
      'start.source: start 2000-01-01: the fact names no source (every dated fact needs one: docs/history.md)',
      'end.source: end 2002-01-01: the fact names no source (every dated fact needs one: docs/history.md)',
      'durability.source: durability: the fact names no source (every dated fact needs one: docs/history.md)',
    ];
    expect(messages(unsourced)).toEqual(expected);
    expect(messages({ ...unsourced, audited: true })).toEqual(expected);
    expect(
      messages({
        sources,
        audited: true,
        start: { ...day('2000-01-01'), source: 'cow' },
        end: { ...day('2002-01-01'), source: ['cow', 'frus'] },
        durability: { ...dur(false, false, false, null), source: 'frus' },
      }),
    ).toEqual([]);
  });
});
