// The NMC loader on the committed fixtures: typed rows, -9 as missing, and malformed cells
// reported with file, row, column and value.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCowNmc } from './cowNmc.ts';
import { loadDataset } from './registry.ts';

const FIXTURES = join(import.meta.dirname, '__fixtures__');

describe('loadCowNmc', () => {
  it('reads typed state-years, -9 as null', () => {
    const { rows, issues } = loadCowNmc(FIXTURES);
    expect(issues).toEqual([]);
    expect(rows).toHaveLength(17);
    expect(rows[0]).toEqual({ stateabb: 'USA', ccode: 2, year: 1816, milex: 3823, milper: 17, irst: 80, pec: 254, tpop: 8659, upop: 101, cinc: 0.039697491, version: 2021 });
    const andorra = rows.find((r) => r.stateabb === 'AND')!;
    expect(andorra.milper).toBeNull();
    expect(andorra.cinc).toBeCloseTo(2.8625698e-6, 12);
  });

  it('names the file, row, column and value of each malformed cell (CINC outside 0–1, a letter in milper)', () => {
    const { rows, issues } = loadDataset('cow-nmc', { path: join(FIXTURES, 'cowNmcBad.csv') });
    expect(rows).toHaveLength(1);
    expect(issues.map((i) => [i.file.endsWith('cowNmcBad.csv'), i.row, i.column, i.value, i.code])).toEqual([
      [true, 2, 'cinc', '1.33', 'out_of_range'],
      [true, 3, 'milper', '2l0', 'invalid_number'],
    ]);
  });

  it('reports a missing file as not_found', () => {
    expect(loadCowNmc(join(FIXTURES, 'nowhere')).issues.map((i) => i.code)).toEqual(['not_found']);
  });
});
