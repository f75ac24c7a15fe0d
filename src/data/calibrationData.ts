/**
 * Reads what calibration and back-testing need from the shared-data layout: COW inter-state
 * wars and UCDP conflict episodes as historical cases, and the ETH/PRIO share of ceasefires
 * negotiated with a mediator; when the COW NMC and Polity5 files are there (and covariates are
 * not switched off), each COW case gets its sides' CINC and leading states' polity2 at onset.
 * Edge: reads files, then hands plain records to src/calibrate.
 */

import { attachCovariates, type StateYearCovariates } from '../calibrate/covariates.ts';
import { cowInterstateCases, ucdpEpisodeCases, type HistoricalCase } from '../calibrate/historicalCases.ts';
import { stateYearCovariates } from './cowPolity.ts';
import { loadCowNmc } from './cowNmc.ts';
import { loadPolity5 } from './polity5.ts';
import type { CowInterstateRow, UcdpTerminationRow } from '../history/datasetRows.ts';
import { DataError } from './csv.ts';
import { DATASETS, loadDataset, type DatasetName } from './registry.ts';

export type CalibrationData = {
  cow: HistoricalCase[];
  ucdp: HistoricalCase[];
  mediatedCeasefireShare: number | null;
  /** dataset versions, for provenance */
  versions: string[];
  /** COW cases with CINC on both sides at onset / with polity2 for both leading states (0 without covariates). */
  covariateCoverage: { capability: number; polity2: number };
};

/**
 * The CINC and polity2 state-year tables, or null when either file is absent. A file that is
 * there but malformed is an error (DataError naming file, row, column and value).
 */
export function loadCovariateTables(root: string): StateYearCovariates | null {
  const nmc = loadCowNmc(root);
  const polity = loadPolity5(root);
  const missing = [nmc, polity].some((r) => r.issues.some((i) => i.code === 'not_found'));
  if (missing) return null;
  const issues = [...nmc.issues, ...polity.issues];
  if (issues.length > 0) throw new DataError(issues);
  return stateYearCovariates(nmc.rows, polity.rows);
}

function rowsOf(name: DatasetName, root: string): Record<string, unknown>[] {
  const { rows, issues } = loadDataset(name, { root });
  if (issues.length > 0) throw new DataError(issues);
  return rows;
}

/**
 * Reads the cases of `sources` (default both; the other source's list stays empty) from `root`,
 * with COW NMC capabilities and Polity5 regimes attached when their files are there (unless
 * `covariates: false`).
 */
export function loadCalibrationData(
  root: string,
  sources: readonly ('cow' | 'ucdp')[] = ['cow', 'ucdp'],
  opts: { covariates?: boolean } = {},
): CalibrationData {
  let cow = sources.includes('cow')
    ? cowInterstateCases(rowsOf('cow-interstate', root) as CowInterstateRow[])
    : [];
  const tables = opts.covariates === false || cow.length === 0 ? null : loadCovariateTables(root);
  if (tables) cow = attachCovariates(cow, tables);
  const ucdp = sources.includes('ucdp')
    ? ucdpEpisodeCases(rowsOf('ucdp-termination', root) as UcdpTerminationRow[])
    : [];
  let mediatedCeasefireShare: number | null = null;
  try {
    const cf = rowsOf('ceasefires', root) as { mediatorNego: number | null }[];
    const known = cf.filter((r) => r.mediatorNego === 0 || r.mediatorNego === 1);
    mediatedCeasefireShare = known.filter((r) => r.mediatorNego === 1).length / known.length;
  } catch {
    mediatedCeasefireShare = null;
  }
  // provenance names only the tables read
  const used: DatasetName[] = [
    ...(sources.includes('cow') ? (['cow-interstate'] as const) : []),
    ...(sources.includes('ucdp') ? (['ucdp-termination'] as const) : []),
    'ceasefires',
    ...(tables ? (['cow-nmc', 'polity5'] as const) : []),
  ];
  const versions = used.map((n) => `${DATASETS[n].version} (${DATASETS[n].file} in the data folder)`);
  const covariateCoverage = {
    capability: cow.filter((c) => c.capability).length,
    polity2: cow.filter((c) => c.polity2?.a != null && c.polity2.b != null).length,
  };
  return { cow, ucdp, mediatedCeasefireShare, versions, covariateCoverage };
}
