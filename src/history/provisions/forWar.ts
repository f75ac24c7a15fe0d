/**
 * Provisions for one war, case or scenario: its analogues in the case base (their own agreements
 * are ranked first), its default question, and the answer. The same functions serve the CLI, the
 * API and the report; a scenario's settlement terms come from an engine run made by the caller.
 */
import type { Scenario } from '../../model/index.ts';
import { findAnalogues } from '../analogues.ts';
import { caseFeatures } from '../caseFeatures.ts';
import type { Case } from '../caseSchema.ts';
import type { PaxAgreementRow, UcdpPeaceAgreementRow, UcdpTerminationRow } from '../datasetRows.ts';
import { scenarioFeatures } from '../scenarioFeatures.ts';
import { caseQuery, scenarioQuery, type QueryOptions } from './query.ts';
import { buildProvisionsReport } from './report.ts';
import type { ProvisionsReport } from './schema.ts';
import type { SettlementTerms } from './termSheet.ts';

/** How many nearest analogues contribute their own agreements. */
export const ANALOGUES_USED = 5;

export type ProvisionsTables = {
  pax: readonly PaxAgreementRow[];
  termination: readonly UcdpTerminationRow[];
  ucdpAgreements: readonly UcdpPeaceAgreementRow[];
  paxVersion: string;
};

export function provisionsOfCase(
  c: Case,
  cases: readonly Case[],
  tables: ProvisionsTables,
  asOfYear: number,
  opts: QueryOptions = {},
): ProvisionsReport {
  const byId = new Map(cases.map((x) => [x.id, x]));
  const analogues = findAnalogues(caseFeatures(c, asOfYear), cases, {
    top: ANALOGUES_USED,
    excludeId: c.id,
    asOfYear,
  }).map((a) => byId.get(a.caseId)!);
  return buildProvisionsReport({ query: caseQuery(c, analogues, opts), cases, ...tables });
}

/** Settlement terms of a run, in the plain form the term sheet takes. */
export type RunTerms = Omit<SettlementTerms, 'territorial'>;

export function provisionsOfScenario(
  s: Scenario,
  ref: { id: string; label: string },
  cases: readonly Case[],
  tables: ProvisionsTables,
  asOfYear: number,
  opts: QueryOptions = {},
  terms?: RunTerms,
): ProvisionsReport {
  const features = scenarioFeatures(s);
  const byId = new Map(cases.map((x) => [x.id, x]));
  const analogues = findAnalogues(features, cases, { top: ANALOGUES_USED, asOfYear }).map((a) =>
    byId.get(a.caseId)!,
  );
  const start = s.settings.startDate;
  const query = scenarioQuery(
    {
      ...ref,
      type: s.type,
      territorial: features.territorial,
      year: start ? Number(start.slice(0, 4)) : null,
    },
    analogues,
    opts,
  );
  return buildProvisionsReport({
    query,
    cases,
    ...tables,
    terms: terms ? { ...terms, territorial: features.territorial } : undefined,
  });
}
