// The onset scenario of a case-base case: only what was known at the start enters.
import { describe, expect, it } from 'vitest';
import { ev, makeCase as makeBareCase } from '../history/caseFixtures.ts';
import { supportOrdinal } from '../history/scenarioFeatures.ts';
import { SUPPORT_ORDINAL } from '../history/caseFeatures.ts';
import {
  AID_LEVEL,
  DEFAULT_CASE_SCENARIO,
  knownAtStart,
  scenarioFromCaseBase,
  supportAtStart,
} from './caseScenario.ts';
import type { Mediator } from '../model/index.ts';

// a case with talks must code the battlefield when they opened
const makeCase = (over: Parameters<typeof makeBareCase>[0]) =>
  makeBareCase({ battlefieldAtTalks: over.timeline?.length ? 'stalemate' : null, ...over });

const build = (c: Parameters<typeof scenarioFromCaseBase>[0]) =>
  scenarioFromCaseBase(c, { ...DEFAULT_CASE_SCENARIO, runs: 10, horizonMonths: 120, seed: 1 });
const mediators = (s: ReturnType<typeof build>) =>
  s.parties.filter((p): p is Mediator => p.role === 'mediator');

describe('scenario from a case-base case', () => {
  it('a mediator who offered before the start is present at month 0; one who came later is not', () => {
    const c = makeCase({
      id: 'med',
      timeline: [
        ev.mediation('1999-11-01', { mediator: 'Early', bias: { toward: 'b', reason: 'kin' } }),
        ev.mediation('2000-06-01', { mediator: 'Late' }),
      ],
    });
    const s = build(c);
    const names = mediators(s).map((m) => m.name);
    expect(names).toContain('Early');
    expect(names).not.toContain('Late');
    const early = mediators(s).find((m) => m.name === 'Early')!;
    expect(early.mediation.offerMonth).toBe(0);
    expect(early.mediation.bias.toward).toBe('side-b');
    // strategy is coded over the whole mediation (mostly after the start): not used
    expect(early.mediation.style).toBe('facilitation');
    // the generic potential mediator, with the generic rate and no date
    const potential = mediators(s).find((m) => m.id === 'potential-mediator')!;
    expect(potential.mediation.offerMonth).toBeNull();
    expect(potential.mediation.arrivalRate).toBe(DEFAULT_CASE_SCENARIO.mediatorArrivalRate);
  });

  it('the forecast scenario does not change when only the post-start timeline changes', () => {
    const base = { id: 'leak', start: { date: '2000-01-01', precision: 'day' as const } };
    const a = build(makeCase({ ...base, timeline: [ev.talks('2000-02-01')] }));
    const b = build(
      makeCase({
        ...base,
        timeline: [
          ev.mediation('2000-01-15'),
          ev.backChannel('2001-01-01'),
          ev.secret('2001-02-01'),
        ],
      }),
    );
    expect(b).toEqual(a);
  });

  it('imprecise dates overlapping the start are not known at the start', () => {
    const start = { date: '1932-06-15', precision: 'day' as const };
    expect(knownAtStart({ date: '1932', precision: 'year' }, start)).toBe(false);
    expect(knownAtStart({ date: '1932-05', precision: 'month' }, start)).toBe(true);
    expect(knownAtStart({ date: '1932-06', precision: 'month' }, start)).toBe(false);
    expect(knownAtStart({ date: '1932-06-15', precision: 'day' }, start)).toBe(true);
  });

  it('secret contacts and back channels before the start become channels open from month 0', () => {
    const s = build(
      makeCase({
        id: 'bc',
        timeline: [ev.secret('1999-06-01'), ev.backChannel('1999-12-01'), ev.secret('2000-03-01')],
      }),
    );
    expect(s.backChannels.map((c) => c.openFrom)).toEqual([0, 0]);
  });

  it('maps type, regimes and a state fighting a non-state group', () => {
    const s = build(
      makeCase({
        id: 'civ',
        type: 'civil',
        regimes: { sideA: 'anocracy', sideB: 'non-state' },
        stakes: ['secession'],
      }),
    );
    expect(s.type).toBe('civil');
    const [a, b] = s.parties.filter((p) => p.role === 'belligerent');
    expect(a.role === 'belligerent' && a.leader.regime).toBe('mixed');
    expect(b.role === 'belligerent' && b.leader.regime).toBe('autocracy');
    expect(a.role === 'belligerent' && a.military.strength).toBe(2);
    expect(s.front.description).toContain('secession');
  });

  it('support at onset: recorded level, none if it started later, one lower if it increased later', () => {
    const change = (date: string, change: 'started' | 'increased' | 'decreased') => ({
      date: { date, precision: 'day' as const },
      side: 'b' as const,
      change,
      description: 'x',
    });
    const mk = (changes: ReturnType<typeof change>[]) =>
      makeCase({ id: 'sup', outsideSupport: { sideA: 'none', sideB: 'decisive', changes } });
    expect(supportAtStart(mk([]), 'b')).toBe('decisive');
    expect(supportAtStart(mk([change('2000-05-01', 'started')]), 'b')).toBe('none');
    expect(supportAtStart(mk([change('1999-05-01', 'started')]), 'b')).toBe('decisive');
    expect(supportAtStart(mk([change('2000-05-01', 'increased')]), 'b')).toBe('substantial');
    expect(supportAtStart(mk([change('2000-05-01', 'decreased')]), 'b')).toBe('decisive');
    const s = build(mk([change('2000-05-01', 'started')]));
    expect(s.parties.some((p) => p.role === 'patron')).toBe(false);
  });

  it('aid levels read back as the case support level', () => {
    for (const [level, aid] of Object.entries(AID_LEVEL))
      expect(supportOrdinal(aid)).toBe(SUPPORT_ORDINAL[level as keyof typeof AID_LEVEL]);
  });
});
