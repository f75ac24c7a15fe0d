/**
 * Loader for PA-X Peace Agreements Database and Dataset v2 (Bell & Badanjak 2019, JPR 56(3)).
 * https://www.peaceagreements.org/  Empty cells become null. Only the identifier and process
 * columns are typed; the ~225 provision codes are read on demand with `paxProvision`.
 */
import { join } from 'node:path';
import { int, isoDate, readTable, reqInt, str, text, type TableResult } from './csv.ts';

export const paxSpec = {
  con: text('Con'),
  contp: str('Contp'),
  pp: int('PP'),
  ppName: str('PPName'),
  reg: str('Reg'),
  agtId: reqInt('AgtId'),
  agt: text('Agt'),
  dat: isoDate('Dat'),
  status: str('Status'),
  agtp: str('Agtp'),
  stage: str('Stage'),
  stageSub: str('StageSub'),
  part: str('Part'),
  thrdPart: str('ThrdPart'),
  ucdpCon: str('UcdpCon'),
  cowWar: str('CowWar'),
  ce: int('Ce'),
};

export const PAX_FILE = 'pa-x/pax_all_agreements_v2.csv';

export function loadPax(root: string): TableResult<typeof paxSpec> {
  return readTable(join(root, PAX_FILE), paxSpec);
}
