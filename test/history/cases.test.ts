// Every case file validates, has at least two sources with URLs, and the case base is internally consistent.
import { describe, expect, it } from 'vitest';
import { formatCaseIssue, loadCases } from '../../src/data/cases.ts';
import { REPO_ROOT } from './sharedData.ts';
import { resolve } from 'node:path';

const { cases, issues } = loadCases(resolve(REPO_ROOT, 'data/cases'));

describe('case base', () => {
  it('every case file validates', () => {
    expect(issues.map(formatCaseIssue)).toEqual([]);
  });

  it('has cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(3);
    const byType = new Map<string, number>();
    for (const c of cases) byType.set(c.type, (byType.get(c.type) ?? 0) + 1);
    console.log(
      `case base: ${cases.length} cases (${[...byType].map(([t, n]) => `${t} ${n}`).join(', ')})`,
    );
  });

  it.each(cases.map((c) => [c.id, c] as const))(
    '%s has at least two sources with http(s) URLs',
    (_id, c) => {
      expect(c.sources.length).toBeGreaterThanOrEqual(2);
      for (const s of c.sources) expect(s.url).toMatch(/^https?:\/\/\S+\.\S+/);
    },
  );

  it('ids are unique', () => {
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });
});
