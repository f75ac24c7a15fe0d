/**
 * Loader for the Civil Wars Mediation (CWM) extract (DeRouen, Bercovitch & Pospieszna 2011).
 * `NA` and empty cells become null. Dates stay as the source's M/D/YY strings; they are irregular.
 */
import { join } from 'node:path';
import type { CwmRow } from '../history/datasetRows.ts';
import { int, readTable, str, text, type TableResult } from './csv.ts';

const NA = ['NA', '?'] as const;

export const cwmSpec = {
  country: text('country'),
  sideA: text('sidea'),
  sideB: text('sideb'),
  mediated: int('Med_yes.no', NA),
  yearTerm: int('year_term', NA),
  incompatibility: int('Incompatibility', NA),
  territory: str('territory', NA),
  episodeStart: str('episode.start.date', NA),
  episodeEnd: str('episode.end.date', NA),
  medBegins: str('med.begins', NA),
  medEnds: str('med.ends', NA),
  thirdParty: str('name.of.third.party', NA),
  regionalOrg: int('regional_org', NA),
};

export const CWM_FILES = { cwm: 'cwm/cwm_civil_war_mediation_subset.csv' } as const;

export function loadCwm(root: string): TableResult<typeof cwmSpec> & { rows: CwmRow[] } {
  return readTable(join(root, CWM_FILES.cwm), cwmSpec);
}
