/**
 * Reads what calibration and back-testing need from the shared-data layout: COW inter-state
 * wars and UCDP conflict episodes as historical cases, and the ETH/PRIO share of ceasefires
 * negotiated with a mediator. Edge: reads files, then hands plain records to src/calibrate.
 */

import { cowInterstateCases, ucdpEpisodeCases, type HistoricalCase } from '../calibrate/historicalCases.ts';
import type { CowInterstateRow, UcdpTerminationRow } from '../history/datasetRows.ts';
import { DataError } from './csv.ts';
import { DATASETS, loadDataset, type DatasetName } from './registry.ts';

export type CalibrationData = {
  cow: HistoricalCase[];
  ucdp: HistoricalCase[];
  mediatedCeasefireShare: number | null;
  /** dataset versions, for provenance */
  versions: string[];
};

function rowsOf(name: DatasetName, root: string): Record<string, unknown>[] {
  const { rows, issues } = loadDataset(name, { root });
  if (issues.length > 0) throw new DataError(issues);
  return rows;
}

/** Reads the cases of `sources` (default both; the other source's list stays empty) from `root`. */
export function loadCalibrationData(
  root: string,
  sources: readonly ('cow' | 'ucdp')[] = ['cow', 'ucdp'],
): CalibrationData {
  const cow = sources.includes('cow')
    ? cowInterstateCases(rowsOf('cow-interstate', root) as CowInterstateRow[])
    : [];
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
  const read = [...(sources.includes('cow') ? ['cow-interstate' as const] : []), ...(sources.includes('ucdp') ? ['ucdp-termination' as const] : []), 'ceasefires' as const];
  const versions = read.map((n) => `${DATASETS[n].version} (${DATASETS[n].file} in the data folder)`);
  return { cow, ucdp, mediatedCeasefireShare, versions };
}
