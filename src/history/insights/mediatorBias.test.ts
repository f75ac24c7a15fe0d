// Outcomes by mediator bias, on synthetic wars whose answers are known.
import { describe, expect, it } from 'vitest';
import { ev, makeCase } from '../caseFixtures.ts';
import { mulberry32 } from '../stats.ts';
import type { InsightContext } from './insight.ts';
import { favouredSides, outcomesByMediatorBias } from './mediatorBias.ts';

const talked = { battlefieldAtTalks: 'stalemate' as const };
const toward = (side: 'a' | 'b') => ({ bias: { toward: side, reason: 'patron' } });
const cases = [
  makeCase({ id: 'p', ...talked, timeline: [ev.mediation('2000-03-01')] }),
  makeCase({
    id: 'q',
    ...talked,
    timeline: [ev.mediation('2000-03-01')],
    outcome: 'victory-side-a',
  }),
  // leaning to a (with a neutral effort too); a won
  makeCase({
    id: 'r',
    ...talked,
    timeline: [ev.mediation('2000-03-01'), ev.mediation('2000-06-01', toward('a'))],
    outcome: 'victory-side-a',
  }),
  // leaning to b; a won
  makeCase({
    id: 's',
    ...talked,
    timeline: [ev.mediation('2000-03-01', toward('b'))],
    outcome: 'victory-side-a',
  }),
  // mediators leaning both ways; frozen ceasefire
  makeCase({
    id: 't',
    ...talked,
    timeline: [ev.mediation('2000-03-01', toward('a')), ev.mediation('2000-04-01', toward('b'))],
    outcome: 'ceasefire-frozen',
  }),
  // leaning to a; settled
  makeCase({ id: 'u', ...talked, timeline: [ev.mediation('2000-03-01', toward('a'))] }),
  // only a pre-war biased mediation: out of scope
  makeCase({
    id: 'v',
    ...talked,
    timeline: [{ ...ev.mediation('1999-06-01', toward('a')), preWar: true }],
    outcome: 'victory-side-b',
  }),
  // ongoing: out of scope
  makeCase({
    id: 'w',
    ...talked,
    timeline: [ev.mediation('2000-03-01', toward('b'))],
    end: null,
    outcome: 'ongoing',
    durability: null,
  }),
];
const ctx: InsightContext = { cases, datasets: {}, rng: mulberry32(1) };

describe('outcomes-by-mediator-bias', () => {
  it('collects the sides wartime mediators leaned to', () => {
    expect(cases.map((c) => [...favouredSides(c)].sort().join(''))).toEqual([
      '',
      '',
      'a',
      'b',
      'ab',
      'a',
      '',
      'b',
    ]);
  });

  it('compares negotiated endings and counts who won under one-sided mediators', () => {
    const r = outcomesByMediatorBias.run(ctx)!;
    expect(r.breakdown.map((b) => [b.numerator, b.denominator])).toEqual([
      [1, 2], // neutral only: p settled, q victory
      [2, 4], // r, s, t, u: t frozen, u settled
      [1, 3], // one-sided r, s, u: r's favoured side won
      [1, 3], // s: the other side won
    ]);
    expect(r.breakdown[2].caseIds).toEqual(['r']);
    expect(r.breakdown[3].caseIds).toEqual(['s']);
    expect(r.caseIds).toEqual(['p', 't', 'u']);
    expect(r.finding).toContain('1 of 2 (50%) neutral mediators only');
  });

  it('is null without mediated, ended wars', () => {
    expect(outcomesByMediatorBias.run({ ...ctx, cases: [makeCase({ id: 'z' })] })).toBeNull();
  });
});
