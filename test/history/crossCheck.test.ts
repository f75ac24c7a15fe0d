// Cross-checks every case with a COW war number or UCDP conflict id against ../shared/data.
// A mismatch fails unless the case carries an annotation for that field with a reason.
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadCases } from '../../src/data/cases.ts';
import { loadDatasets } from '../../src/data/datasets.ts';
import { summariseCowWars } from '../../src/history/cowWars.ts';
import { crossCheckCase, tallyChecks, type CheckResult } from '../../src/history/crossCheck.ts';
import { AnnotationFieldSchema } from '../../src/history/caseSchema.ts';
import { HAVE_SHARED_DATA, REPO_ROOT, SHARED_DATA } from './sharedData.ts';

describe.skipIf(!HAVE_SHARED_DATA)('cross-checks against ../shared/data', () => {
  const { cases } = loadCases(resolve(REPO_ROOT, 'data/cases'));
  const { datasets, issues } = HAVE_SHARED_DATA
    ? loadDatasets(SHARED_DATA, [
        'cow-interstate',
        'cow-intrastate',
        'cow-extrastate',
        'ucdp-acd',
        'ucdp-termination',
        'ucdp-termination-dyad',
      ])
    : { datasets: {}, issues: [] };
  const cowWars = summariseCowWars(
    datasets['cow-interstate'],
    datasets['cow-intrastate'],
    datasets['cow-extrastate'],
  );
  const results: CheckResult[] = cases.flatMap((c) => crossCheckCase(c, { cowWars, ...datasets }));
  const checked = cases.filter((c) => c.cowWarNumbers.length > 0 || c.ucdpConflictIds.length > 0);

  it('datasets load cleanly', () => {
    expect(issues).toEqual([]);
  });

  it('every mismatch is annotated', () => {
    const t = tallyChecks(results);
    const cased = new Set(results.filter((r) => r.status === 'annotated').map((r) => r.caseId));
    console.log(
      `history cross-checks: ${checked.length} of ${cases.length} cases have COW/UCDP ids; ` +
        `${results.length} checks: ${t.match} matched, ${t.annotated} annotated (in ${cased.size} cases), ${t.mismatch} mismatched, ${t.skipped} skipped`,
    );
    const bad = results
      .filter((r) => r.status === 'mismatch')
      .map((r) => `${r.caseId} [${r.dataset} ${r.field}] ${r.message}`);
    expect(bad).toEqual([]);
  });

  it('every annotation excuses a real mismatch or states a known disagreement', () => {
    // annotations on cross-checked fields should correspond to a check that needed them
    const used = new Set(
      results.filter((r) => r.status === 'annotated').map((r) => `${r.caseId}:${r.field}`),
    );
    // every annotation field the cross-checks compare (casualties and other are not compared)
    const checkedFields = new Set<string>(
      AnnotationFieldSchema.options.filter((f) => f !== 'casualties' && f !== 'other'),
    );
    const stale = cases.flatMap((c) =>
      c.annotations
        .filter((a) => checkedFields.has(a.field) && (a.dataset === 'cow' || a.dataset === 'ucdp'))
        .filter((a) => !used.has(`${c.id}:${a.field}`))
        .map((a) => `${c.id}: ${a.dataset} ${a.field}`),
    );
    if (stale.length > 0)
      console.warn(`annotations with no mismatch (consider removing): ${stale.join(', ')}`);
    expect(true).toBe(true);
  });
});
