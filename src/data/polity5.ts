/**
 * Loader for the Polity5 combined polity score (polity2) per country-year, 1800–2018.
 * Source: Marshall & Gurr (2020), Polity5 Dataset Users' Manual, Center for Systemic Peace;
 * https://www.systemicpeace.org/inscrdata.html
 * polity2 runs from −10 to +10. The manual's special codes belong to the raw `polity` score and
 * polity2 converts them (Users' Manual §"POLITY2"): −66 (foreign interruption) is system missing,
 * −77 (interregnum, collapse) becomes 0, −88 (transition) is prorated between the scores either
 * side. The shared extract stores such years as `NA`, but five raw codes survive in it (France
 * 1940–43 −66, Belgium 1830 −88); we read −66 and `NA` as missing, −77 as 0 as the manual does,
 * and −88 as missing (proration needs both neighbours; Belgium 1830 has none before it).
 */
import { join } from 'node:path';
import { readTable, reqInt, inRange, text, type Column, type TableResult } from './csv.ts';

/** polity2 with the manual's conversions of the special codes. */
function polity2(name: string): Column<number | null> {
  return {
    name,
    read: (cell) => {
      const t = cell.trim();
      if (t === '' || t === 'NA' || t === '-66' || t === '-88') return { ok: true, value: null };
      if (t === '-77') return { ok: true, value: 0 };
      const n = Number(t);
      if (!Number.isInteger(n)) return { ok: false, code: 'invalid_integer', message: 'expected an integer, NA, -66, -77 or -88' };
      if (n < -10 || n > 10) return { ok: false, code: 'out_of_range', message: 'expected a value from -10 to 10 (or NA, -66, -77, -88)' };
      return { ok: true, value: n };
    },
  };
}

/** A required code: an empty cell is an error. */
function code(name: string): Column<string> {
  return {
    name,
    read: (cell) => (cell.trim() === '' ? { ok: false, code: 'missing_value', message: 'expected a country code (required)' } : { ok: true, value: cell.trim() }),
  };
}

export const polity5Spec = {
  scode: code('scode'),
  country: text('country'),
  // the file starts the United States in 1776 (24 rows before the README's 1800)
  year: inRange(reqInt('year'), 1776, 2100),
  polity2: polity2('polity2'),
};

export type Polity5Row = { scode: string; country: string; year: number; polity2: number | null };

export const POLITY5_FILE = 'polity5/p5v2018-polity2.csv';

/** The README: two stray rows carry 2019 and 2020; coverage ends in 2018. */
export const POLITY5_LAST_YEAR = 2018;

export function loadPolity5(root: string): TableResult<typeof polity5Spec> & { rows: Polity5Row[] } {
  return readTable(join(root, POLITY5_FILE), polity5Spec);
}
