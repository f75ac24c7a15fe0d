// The Polity5 loader: NA and the special codes handled as the Polity manual's polity2 rule says
// (Marshall & Gurr 2020: -66 missing, -77 → 0, -88 prorated; here missing), range checks, and
// malformed cells reported with file, row, column and value.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTable } from './csv.ts';
import { loadPolity5, polity5Spec } from './polity5.ts';
import { loadDataset } from './registry.ts';

const FIXTURES = join(import.meta.dirname, '__fixtures__');

describe('loadPolity5', () => {
  it('reads typed country-years; NA, -66 and -88 are missing', () => {
    const { rows, issues } = loadPolity5(FIXTURES);
    expect(issues).toEqual([]);
    expect(rows).toHaveLength(22);
    const get = (s: string, y: number) => rows.find((r) => r.scode === s && r.year === y);
    expect(get('USR', 1922)).toEqual({ scode: 'USR', country: 'USSR', year: 1922, polity2: -7 });
    expect(get('FRN', 1941)!.polity2).toBeNull();
    expect(get('BEL', 1830)!.polity2).toBeNull();
    expect(get('GMY', 1945)!.polity2).toBeNull();
  });

  it('reads -77 (interregnum) as 0 and trims padded names', () => {
    const { rows, issues } = parseTable('scode,country,year,polity2\nSOM,  Somalia ,1991,-77\n', polity5Spec, 'inline.csv');
    expect(issues).toEqual([]);
    expect(rows).toEqual([{ scode: 'SOM', country: 'Somalia', year: 1991, polity2: 0 }]);
  });

  it('names the file, row, column and value of each malformed cell (polity2 12, empty scode)', () => {
    const { rows, issues } = loadDataset('polity5', { path: join(FIXTURES, 'polity5Bad.csv') });
    expect(rows).toHaveLength(1);
    expect(issues.map((i) => [i.file.endsWith('polity5Bad.csv'), i.row, i.column, i.value, i.code])).toEqual([
      [true, 2, 'polity2', '12', 'out_of_range'],
      [true, 3, 'scode', '', 'missing_value'],
    ]);
  });
});
