// Every case against the written rules of docs/history.md: durability flags follow from the case's
// own end and resumption date as of the review date, dataset landing pages are marked, and the
// count of facts without a source does not grow (audited cases must have none; the schema enforces it).
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadCases } from '../../src/data/cases.ts';
import {
  CASE_BASE_REVIEWED,
  durabilityProblems,
  preWarProblems,
} from '../../src/history/caseRules.ts';
import { citedFacts, unsourcedFacts } from '../../src/history/caseSources.ts';
import { REPO_ROOT } from './sharedData.ts';

const { cases } = loadCases(resolve(REPO_ROOT, 'data/cases'));

describe('case rules', () => {
  it.each(cases.map((c) => [c.id, c] as const))(
    '%s: durability flags follow from its end, resumption and the review date',
    (_id, c) => {
      expect(
        durabilityProblems(c, CASE_BASE_REVIEWED).map((p) => `${p.path}: ${p.message}`),
      ).toEqual([]);
    },
  );

  it.each(cases.map((c) => [c.id, c] as const))(
    '%s: events before the start are marked preWar',
    (_id, c) => {
      expect(preWarProblems(c).map((p) => `${p.path}: ${p.message}`)).toEqual([]);
    },
  );

  it('dataset landing pages are marked as such (they support only the dataset fields)', () => {
    const unmarked = cases.flatMap((c) =>
      c.sources
        .filter((s) => /correlatesofwar\.org\/data-sets/.test(s.url) && s.dataset !== 'cow')
        .map((s) => `${c.id}: ${s.url}`),
    );
    expect(unmarked).toEqual([]);
  });

  it('every dated fact names a source', () => {
    const facts = cases.reduce((n, c) => n + citedFacts(c).length, 0);
    const audited = cases.filter((c) => c.audited);
    const unsourced = cases.reduce((n, c) => n + unsourcedFacts(c).length, 0);
    console.log(
      `case sources: ${facts} dated facts, ${facts - unsourced} sourced, ${unsourced} unsourced; ${audited.length} of ${cases.length} cases audited (every fact sourced)`,
    );
    expect(unsourced).toBe(0);
  });
});
