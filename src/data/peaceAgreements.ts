/**
 * Loader for the UCDP Peace Agreement Dataset v22.1 (Pettersson, Högbladh & Öberg 2019;
 * Högbladh 2011). https://ucdp.uu.se/downloads/  Empty cells become null; `ended` is True/False.
 */
import { join } from 'node:path';
import { int, isoDate, readTable, reqInt, str, text, type Column, type TableResult } from './csv.ts';

const bool = (name: string): Column<boolean | null> => ({
  name,
  read: (cell) => {
    const t = cell.trim().toLowerCase();
    if (t === '') return { ok: true, value: null };
    if (t === 'true' || t === '1') return { ok: true, value: true };
    if (t === 'false' || t === '0') return { ok: true, value: false };
    return { ok: false, code: 'invalid_integer', message: 'expected True or False' };
  },
});

export const ucdpPeaceAgreementSpec = {
  paid: reqInt('paid'),
  region: int('region'),
  gwno: str('gwno'),
  conflictId: str('conflict_id'),
  conflictName: text('conflict_name'),
  dyadId: str('dyad_id'),
  actorName: str('actor_name'),
  incompatibility: str('incompatibility'),
  paName: text('pa_name'),
  year: int('year'),
  paDate: isoDate('pa_date'),
  pa3rd: str('pa_3rd'),
  ended: bool('ended'),
  duration: isoDate('duration'),
  cease: int('cease'),
  ddr: int('ddr'),
  withd: int('withd'),
  intgov: int('intgov'),
  shagov: int('shagov'),
  aut: int('aut'),
  ind: int('ind'),
  pko: int('pko'),
  paType: int('pa_type'),
  inclusive: int('inclusive'),
  version: str('version'),
};

export const UCDP_PEACE_AGREEMENTS_FILE = 'ucdp-peace-agreements/ucdp_peace_agreements_v22.1.csv';

export function loadUcdpPeaceAgreements(root: string): TableResult<typeof ucdpPeaceAgreementSpec> {
  return readTable(join(root, UCDP_PEACE_AGREEMENTS_FILE), ucdpPeaceAgreementSpec);
}
