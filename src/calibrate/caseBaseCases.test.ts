// Case-base cases: length, ending, states and regimes from the case file, and only the peace
// process known by the forecast date (events after it are outcomes, not inputs).
import { describe, expect, it } from 'vitest';
import { ev, makeCase } from '../history/caseFixtures.ts';
import { caseBaseCases } from './caseBaseCases.ts';

const war = makeCase({
  id: 'test-war',
  type: 'interstate',
  belligerents: [
    { name: 'United Kingdom', side: 'a', cowCode: 200 },
    { name: 'Ally', side: 'a', role: 'secondary', cowCode: 2 },
    { name: 'Argentina', side: 'b', cowCode: 160 },
  ],
  start: { date: '2000-01-15', precision: 'day' },
  end: { date: '2001-07-15', precision: 'day' },
  regimes: { sideA: 'democracy', sideB: 'anocracy' },
  battlefieldAtTalks: 'stalemate',
  timeline: [
    ev.backChannel('2000-02-20'),
    ev.mediation('2000-04-20', { mediator: 'UN', mediatorKind: 'io', strategy: 'facilitation' }),
    ev.mediation('2000-05-20', { mediator: 'UN' }),
    ev.mediation('2000-09-20', {
      mediator: 'Peru',
      bias: { toward: 'b', reason: 'sympathy' },
      strategy: 'manipulation',
    }),
  ],
  outcome: 'victory-side-a',
});

describe('caseBaseCases', () => {
  it('reads length, ending, primary states, major powers and regimes', () => {
    const [c] = caseBaseCases([war], { knownByMonth: 0, censorDate: '2025-01-01' });
    // 547 days = 17.97 months of 30.44 days, floored as the COW and UCDP cases are
    expect(c).toMatchObject({
      id: 'case-test-war',
      source: 'case-base',
      kind: 'interstate',
      startYear: 2000,
      months: 17,
      ended: true,
      ending: 'victory',
    });
    expect(c.participants).toEqual({ a: [200], b: [160] });
    expect(c.onset).toMatchObject({ statesA: 1, statesB: 1, majorsA: 1, majorsB: 0, postWar: 1 });
    expect(c.recordedRegimes).toEqual({ a: 'democracy', b: 'mixed' });
  });

  it('at onset knows no mediator or channel that came later', () => {
    const [c] = caseBaseCases([war], { knownByMonth: 0, censorDate: '2025-01-01' });
    expect(c.process).toEqual({ mediators: [], backChannels: [] });
  });

  it('by month 6 knows the channel and the first offer of each mediator, not what came after', () => {
    const [c] = caseBaseCases([war], { knownByMonth: 6, censorDate: '2025-01-01' });
    expect(c.process!.backChannels).toEqual([{ month: 1 }]);
    expect(c.process!.mediators).toEqual([
      { month: 3, name: 'UN', kind: 'io', biasToward: 'neutral', strategy: 'facilitation' },
    ]);
    const [all] = caseBaseCases([war], { knownByMonth: Infinity, censorDate: '2025-01-01' });
    expect(all.process!.mediators.map((m) => [m.name, m.month, m.biasToward])).toEqual([
      ['UN', 3, 'neutral'],
      ['Peru', 8, 'b'],
    ]);
  });

  it('censors an ongoing war at the censor date and codes a civil war by its stakes', () => {
    const civil = makeCase({
      id: 'test-civil',
      type: 'civil',
      belligerents: [
        { name: 'Government', side: 'a', cowCode: 500 },
        { name: 'Rebels', side: 'b' },
      ],
      start: { date: '2020-01-01', precision: 'day' },
      end: null,
      durability: null,
      outcome: 'ongoing',
      regimes: { sideA: 'autocracy', sideB: 'non-state' },
      stakes: ['government', 'secession'],
    });
    const [c] = caseBaseCases([civil], { knownByMonth: 0, censorDate: '2021-01-01' });
    expect(c).toMatchObject({ kind: 'civil', ended: false, ending: null, months: 12 });
    expect(c.onset.incompatibility).toBe(3);
    expect(c.participants).toEqual({ a: [500], b: [] });
    expect(c.recordedRegimes).toEqual({ a: 'autocracy', b: null });
  });
});
