/**
 * Loader for the ETH/PRIO Civil Conflict Ceasefire Dataset 1989-2020 (Clayton et al. 2023).
 * The code -1 (unknown / not applicable) and empty cells become null.
 */
import { join } from 'node:path';
import type { CeasefireRow } from '../history/datasetRows.ts';
import { int, readTable, reqInt, str, text, type TableResult } from './csv.ts';

const U = ['-1'] as const;

export const ceasefireSpec = {
  uniqId: reqInt('uniq_id'),
  cfId: reqInt('cf_id'),
  location: text('location'),
  region: int('region', U),
  ucdpAcdId: int('ucdp_acd_id', U),
  ucdpDyad: int('ucdp_dyad', U),
  paxId: int('pax_id', U),
  cfDecYr: int('cf_dec_yr', U),
  cfDecMonth: int('cf_dec_month', U),
  cfDecDay: int('cf_dec_day', U),
  partial: int('partial', U),
  written: int('written', U),
  pPeaceprocess: int('p_peaceprocess', U),
  pHumanitarian: int('p_humanitarian', U),
  mediatorNego: int('mediator_nego', U),
  mediatorSend: str('mediator_send', U),
  ended: int('ended', U),
  endYr: int('end_yr', U),
  endMonth: int('end_month', U),
  endDay: int('end_day', U),
  truce: int('truce', U),
};

export const CEASEFIRE_FILES = { ceasefires: 'ceasefires/eth_prio_civil_conflict_ceasefires.csv' } as const;

export function loadCeasefires(root: string): TableResult<typeof ceasefireSpec> & { rows: CeasefireRow[] } {
  return readTable(join(root, CEASEFIRE_FILES.ceasefires), ceasefireSpec);
}
