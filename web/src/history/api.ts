/**
 * The history answers of the Parley API, as the web reads them: the shapes are the server's own
 * (src/contracts; a case in full is the core's CaseSchema type), fetched through the one client
 * of ../api.ts.
 */
import type { CaseQuery } from '../../../src/contracts/index.ts';

export type { Case } from '../../../src/history/caseSchema.ts';
export type {
  Analogue,
  Analogues,
  CaseList,
  CaseSummary,
  Insight,
  Insights,
} from '../../../src/contracts/index.ts';
export { getJson, type ApiResult } from '../api.ts';

/** The explorer's filters: the keys of GET /cases it offers, as its selects give them. */
export type CaseFilters = Partial<
  Record<Extract<keyof CaseQuery, 'type' | 'outcome' | 'mediation' | 'channel'>, string>
>;

export function casesPath(q: CaseFilters): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v) params.set(k, v);
  const s = params.toString();
  return s ? `/cases?${s}` : '/cases';
}
