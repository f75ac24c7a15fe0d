/**
 * Loader for the Correlates of War National Material Capabilities data, v6.0 (abridged file):
 * one row per state-year, 1816–2016, with military expenditure and personnel, iron and steel,
 * energy, population and the Composite Index of National Capability (CINC).
 * Source: Singer, Bremer & Stuckey (1972); v6.0 documented in Greig & Enterline (2021).
 * https://correlatesofwar.org/data-sets/national-material-capabilities/
 * Missing code -9 becomes null (the README: milex missing in 2,217 rows, milper in 426).
 */
import { join } from 'node:path';
import { inRange, int, num, readTable, reqInt, text, type TableResult } from './csv.ts';

export const NMC_MISSING = ['-9'] as const;
/**
 * A count or amount: -9 is missing, anything else must be ≥ 0. Read as a real number: the README
 * calls them integers, but one published row (Morocco 1912) has fractional tpop and upop.
 */
const amount = (name: string) => inRange(num(name, NMC_MISSING), 0, Number.MAX_VALUE);

export const cowNmcSpec = {
  stateabb: text('stateabb'),
  ccode: inRange(reqInt('ccode'), 1, 999),
  year: inRange(reqInt('year'), 1816, 2100),
  milex: amount('milex'),
  milper: amount('milper'),
  irst: amount('irst'),
  pec: amount('pec'),
  tpop: amount('tpop'),
  upop: amount('upop'),
  // CINC is a mean of six shares of system totals, so it lies in [0, 1]
  cinc: inRange(num('cinc', NMC_MISSING), 0, 1),
  version: int('version'),
};

export type CowNmcRow = {
  stateabb: string;
  ccode: number;
  year: number;
  /** thousands of current US dollars (before 1914: UK pounds) */
  milex: number | null;
  /** thousands */
  milper: number | null;
  irst: number | null;
  pec: number | null;
  tpop: number | null;
  upop: number | null;
  cinc: number | null;
  version: number | null;
};

export const NMC_FILE = 'cow-nmc/NMC-60-abridged.csv';

/** Reads the NMC state-year file under `root` (the shared data folder). */
export function loadCowNmc(root: string): TableResult<typeof cowNmcSpec> & { rows: CowNmcRow[] } {
  return readTable(join(root, NMC_FILE), cowNmcSpec);
}
