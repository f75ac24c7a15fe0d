/**
 * Loaders for UCDP data: the UCDP/PRIO Armed Conflict Dataset v25.1 (Gleditsch et al. 2002;
 * Davies et al. 2025) and the UCDP Conflict Termination Dataset v3-2021, conflict and dyad level
 * (Kreutz 2010). https://ucdp.uu.se/downloads/  Empty cells become null.
 */
import { join } from 'node:path';
import type { UcdpAcdRow, UcdpDyadTerminationRow, UcdpTerminationRow } from '../history/datasetRows.ts';
import { int, isoDate, readTable, reqInt, str, text, type TableResult } from './csv.ts';

export const ucdpAcdSpec = {
  conflictId: reqInt('conflict_id'),
  location: text('location'),
  sideA: text('side_a'),
  sideA2nd: str('side_a_2nd'),
  sideB: text('side_b'),
  sideB2nd: str('side_b_2nd'),
  incompatibility: int('incompatibility'),
  territoryName: str('territory_name'),
  year: reqInt('year'),
  intensityLevel: int('intensity_level'),
  typeOfConflict: int('type_of_conflict'),
  startDate: isoDate('start_date'),
  startPrec: int('start_prec'),
  startDate2: isoDate('start_date2'),
  startPrec2: int('start_prec2'),
  epEnd: int('ep_end'),
  epEndDate: isoDate('ep_end_date'),
  region: str('region'),
};

export const ucdpTerminationSpec = {
  conflictepId: reqInt('conflictep_id'),
  conflictEpisode: int('conflictepisode'),
  typeOfConflict2: int('type_of_conflict2'),
  confterm: int('confterm'),
  ependdate: isoDate('ependdate'),
  ependprec: int('ependprec'),
  outcome: int('outcome'),
  recur: int('recur'),
  conflictId: reqInt('conflict_id'),
  year: reqInt('year'),
  location: text('location'),
  sideA: text('side_a'),
  sideB: text('side_b'),
  incompatibility: int('incompatibility'),
  intensityLevel: int('intensity_level'),
  typeOfConflict: int('type_of_conflict'),
  startDate: isoDate('start_date'),
  startDate2: isoDate('start_date2'),
  region: str('region'),
};

export const ucdpDyadTerminationSpec = {
  dyadepId: reqInt('dyadep_id'),
  dyadEpisode: int('dyadepisode'),
  dyadterm: int('dyadterm'),
  ependdate: isoDate('ependdate'),
  outcome: int('outcome'),
  cfiredate: str('cfiredate'),
  peagdate: str('peagdate'),
  conflictId: reqInt('conflict_id'),
  dyadId: reqInt('dyad_id'),
  year: reqInt('year'),
  sideA: text('side_a'),
  sideB: text('side_b'),
  incompatibility: int('incompatibility'),
  typeOfConflict: int('type_of_conflict'),
  region: str('region'),
};

export const UCDP_FILES = {
  acd: 'ucdp-acd/ucdp_prio_acd_v25.1.csv',
  termination: 'ucdp-termination/ucdp_term_conflict_v3-2021.csv',
  dyadTermination: 'ucdp-termination/ucdp_term_dyad_v3-2021.csv',
} as const;

export function loadUcdpAcd(root: string): TableResult<typeof ucdpAcdSpec> & { rows: UcdpAcdRow[] } {
  return readTable(join(root, UCDP_FILES.acd), ucdpAcdSpec);
}

export function loadUcdpTermination(root: string): TableResult<typeof ucdpTerminationSpec> & { rows: UcdpTerminationRow[] } {
  return readTable(join(root, UCDP_FILES.termination), ucdpTerminationSpec);
}

export function loadUcdpDyadTermination(root: string): TableResult<typeof ucdpDyadTerminationSpec> & { rows: UcdpDyadTerminationRow[] } {
  return readTable(join(root, UCDP_FILES.dyadTermination), ucdpDyadTerminationSpec);
}

/** UCDP Battle-Related Deaths, conflict level v24.1 (Davies et al. 2024). Empty cells become null. */
export const ucdpBrdSpec = {
  conflictId: reqInt('conflict_id'),
  dyadId: str('dyad_id'),
  locationInc: text('location_inc'),
  sideA: text('side_a'),
  sideA2nd: str('side_a_2nd'),
  sideB: text('side_b'),
  sideB2nd: str('side_b_2nd'),
  incompatibility: int('incompatibility'),
  territoryName: str('territory_name'),
  year: reqInt('year'),
  bdBest: int('bd_best'),
  bdLow: int('bd_low'),
  bdHigh: int('bd_high'),
  typeOfConflict: int('type_of_conflict'),
  battleLocation: str('battle_location'),
  region: str('region'),
};

export const UCDP_BRD_FILE = 'ucdp-acd/ucdp_brd_conflict_v24.1.csv';

export function loadUcdpBrd(root: string): TableResult<typeof ucdpBrdSpec> {
  return readTable(join(root, UCDP_BRD_FILE), ucdpBrdSpec);
}
