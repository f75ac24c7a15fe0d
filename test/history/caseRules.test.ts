// Every case against the written rules of docs/history.md: durability flags follow from the case's
// own end and resumption date as of the review date, dataset landing pages are marked, and the
// count of facts without a source does not grow (audited cases must have none; the schema enforces it),
// and every case records the search for a complete timeline.
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

  it('every case records the search for a complete timeline (review: what was searched, which strands it found none for)', () => {
    const unreviewed = cases.filter((c) => !c.review).map((c) => c.id);
    const empty = (strand: string) => cases.filter((c) => c.review?.none.includes(strand as never));
    console.log(
      `timelines reviewed: ${cases.length - unreviewed.length} of ${cases.length}; strands the searched record holds none for: mediation ${empty('mediation').length}, secret ${empty('secret').length}, ceasefire ${empty('ceasefire').length}, public talks ${empty('public-talks').length}`,
    );
    expect(unreviewed).toEqual([]);
    // the schema holds each review to its timeline (caseSchema.ts); a search names what it read
    for (const c of cases) expect(c.review!.searched.length).toBeGreaterThan(0);
  });
});
