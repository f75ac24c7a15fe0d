/**
 * The Provisions section of `parley report`: comparable agreements for the scenario, with the
 * run's own settlement terms as the draft term sheet; when the datasets are absent, a note naming
 * each and how to get it (the report is still written).
 */
import { settlementTerms } from '../analysis/settlementTerms.ts';
import { loadProvisionsTables, PROVISIONS_DATASETS } from '../data/provisions.ts';
import type { RunResult } from '../engine/index.ts';
import type { Case } from '../history/caseSchema.ts';
import { provisionsOfScenario, type ProvisionsReport } from '../history/provisions/index.ts';
import type { Scenario } from '../model/index.ts';
import { requireDatasets, resolveDataDir } from './dataDir.ts';
import { UserError } from './exit.ts';

export function reportProvisions(
  scenario: Scenario,
  source: string,
  cases: readonly Case[],
  result: RunResult,
  dataFlag: string | undefined,
  asOfYear: number,
): { report?: ProvisionsReport; note?: string } {
  const data = resolveDataDir(dataFlag);
  try {
    requireDatasets('report', data, PROVISIONS_DATASETS);
  } catch (e) {
    if (e instanceof UserError) return { note: e.message.replace(/^✖ /, '') };
    throw e;
  }
  const { tables } = loadProvisionsTables(data.dir);
  return {
    report: provisionsOfScenario(
      scenario,
      { id: scenario.id ?? source, label: scenario.name },
      cases,
      tables,
      asOfYear,
      {},
      settlementTerms(result),
    ),
  };
}
