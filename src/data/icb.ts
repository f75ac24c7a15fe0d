/**
 * Loader for the International Crisis Behavior data v14, crisis level (icb1v14.csv).
 * Source: Brecher & Wilkenfeld (2000); Brecher et al. (2021), ICB codebook v14. Blank cells are null.
 */
import { join } from 'node:path';
import type { IcbCrisisRow } from '../history/datasetRows.ts';
import { int, readTable, reqInt, text, type TableResult } from './csv.ts';

export const icbCrisisSpec = {
  crisno: reqInt('crisno'),
  crisname: text('crisname'),
  yrtrig: int('yrtrig'),
  motrig: int('motrig'),
  yrterm: int('yrterm'),
  moterm: int('moterm'),
  brexit: int('brexit'),
  viol: int('viol'),
  sevviosy: int('sevviosy'),
  gpinv: int('gpinv'),
  mediate: int('mediate'),
  medwho: int('medwho'),
  medstyle: int('medstyle'),
  medefct: int('medefct'),
  forout: int('forout'),
  period: int('period'),
  protrac: int('protrac'),
};

/** ICB actor level (icb2v14.csv): one row per crisis actor. */
export const icbActorSpec = {
  crisno: reqInt('crisno'),
  cracno: reqInt('cracno'),
  cracid: int('cracid'),
  actor: text('actor'),
  crisname: text('crisname'),
  yrtrig: int('yrtrig'),
  motrig: int('motrig'),
  datrig: int('datrig'),
  trigent: int('trigent'),
  crismg: int('crismg'),
  cenvio: int('cenvio'),
  sevvio: int('sevvio'),
  globorg: int('globorg'),
  regorg: int('regorg'),
  outcom: int('outcom'),
  outfor: int('outfor'),
  outevl: int('outevl'),
  outesr: int('outesr'),
  yrterm: int('yrterm'),
  moterm: int('moterm'),
  daterm: int('daterm'),
  trgterra: int('trgterra'),
  viol: int('viol'),
  iwc: int('iwc'),
  powdis: int('powdis'),
  gpinv: int('gpinv'),
  regime: int('regime'),
  territ: int('territ'),
};

export const ICB_FILES = { crises: 'icb/icb1v14.csv', actors: 'icb/icb2v14.csv' } as const;

export function loadIcbActors(root: string): TableResult<typeof icbActorSpec> {
  return readTable(join(root, ICB_FILES.actors), icbActorSpec);
}

export function loadIcbCrises(root: string): TableResult<typeof icbCrisisSpec> & { rows: IcbCrisisRow[] } {
  return readTable(join(root, ICB_FILES.crises), icbCrisisSpec);
}
