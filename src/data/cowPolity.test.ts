// The COW↔Polity crosswalk: unit checks on the fixtures (always run), then every exception and
// every "codes agree" claim checked against the shared NMC and Polity5 files, and the share of
// COW war state-years that get a polity2 value through the crosswalk.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stateYearKey } from '../calibrate/covariates.ts';
import { COW_POLITY_EXCEPTIONS, CODES_THAT_AGREE, polityCode, stateYearCovariates } from './cowPolity.ts';
import { loadCowNmc, type CowNmcRow } from './cowNmc.ts';
import { loadCowInterstate, loadCowIntrastate } from './cowWars.ts';
import { DEFAULT_DATA_DIR } from './datasets.ts';
import { loadPolity5, POLITY5_LAST_YEAR, type Polity5Row } from './polity5.ts';

const FIXTURES = join(import.meta.dirname, '__fixtures__');
const HAVE = existsSync(join(DEFAULT_DATA_DIR, 'cow-nmc')) && existsSync(join(DEFAULT_DATA_DIR, 'polity5'));
if (!HAVE) console.warn(`crosswalk data checks skipped: NMC or Polity5 not found under ${DEFAULT_DATA_DIR} (shared datasets are not committed)`);

describe('polityCode', () => {
  it('follows the exceptions at their year boundaries and the abbreviation elsewhere', () => {
    expect([1921, 1922, 1991, 1992].map((y) => polityCode(365, 'RUS', y))).toEqual(['RUS', 'USR', 'USR', 'RUS']);
    expect([1920, 1921, 1991, 1992, 2005, 2006].map((y) => polityCode(345, 'YUG', y))).toEqual(['SER', 'YUG', 'YUG', 'YGS', 'YGS', 'SER']);
    expect([1860, 1861].map((y) => polityCode(325, 'ITA', y))).toEqual(['SAR', 'ITA']);
    expect([1975, 1976].map((y) => polityCode(816, 'DRV', y))).toEqual(['DRV', 'VIE']);
    expect(polityCode(2, 'USA', 1990)).toBe('USA');
    expect(polityCode(260, 'GFR', 1970)).toBe('GFR');
  });

  it('exceptions do not overlap for one state', () => {
    for (const a of COW_POLITY_EXCEPTIONS)
      for (const b of COW_POLITY_EXCEPTIONS)
        if (a !== b && a.ccode === b.ccode) expect(a.to < b.from || b.to < a.from, `${a.ccode} ${a.scode}/${b.scode}`).toBe(true);
  });
});

describe('stateYearCovariates on the fixtures', () => {
  const nmc = loadCowNmc(FIXTURES);
  const polity = loadPolity5(FIXTURES);
  it('loads without issues', () => {
    expect(nmc.issues).toEqual([]);
    expect(polity.issues).toEqual([]);
  });
  const t = stateYearCovariates(nmc.rows, polity.rows);
  it('reads CINC by COW code and polity2 through the crosswalk', () => {
    expect(t.cinc.get(stateYearKey(365, 1922))).toBeCloseTo(0.14437908, 8);
    // USSR, not Russia, in 1922 (the two differ: -7 and -1)
    expect(t.polity2.get(stateYearKey(365, 1922))).toBe(-7);
    expect(t.polity2.get(stateYearKey(365, 1921))).toBe(-1);
    expect(t.polity2.get(stateYearKey(365, 1992))).toBe(5);
    expect(t.polity2.get(stateYearKey(345, 1920))).toBe(7); // Serbia
    expect(t.polity2.get(stateYearKey(345, 2006))).toBe(8); // Serbia again, not Serbia and Montenegro (6)
    expect(t.polity2.get(stateYearKey(300, 1866))).toBe(-4); // Austria-Hungary is Polity's AUS
    expect(t.polity2.get(stateYearKey(325, 1860))).toBe(-7); // Sardinia
    expect(t.polity2.get(stateYearKey(325, 1861))).toBe(-4); // Italy
  });
  it('leaves -66 and NA missing and has no polity2 for a state Polity does not code', () => {
    expect(t.polity2.has(stateYearKey(220, 1941))).toBe(false);
    expect(t.cinc.has(stateYearKey(232, 1993))).toBe(true);
    expect(t.polity2.has(stateYearKey(232, 1993))).toBe(false);
  });
});

/** NMC micro-states (Polity covers countries above 500,000 people) and 19th-century German states Polity does not code. */
const NOT_IN_POLITY = new Set([
  'BHM', 'BAR', 'DMA', 'GRN', 'SLU', 'SVG', 'AAB', 'SKN', 'BLZ', 'MNC', 'LIE', 'AND', 'HAN', 'HSE', 'HSG', 'MEC', 'SNM', 'MLT', 'ICE', 'STP',
  'ZAN', 'SEY', 'MAD', 'BRU', 'VAN', 'KIR', 'TUV', 'TON', 'NAU', 'MSI', 'PAL', 'FSM', 'WSM',
]);
/** Polity countries that were never COW system members. */
const NOT_IN_COW = new Set(['GCL', 'OFS', 'UPC']);

describe.skipIf(!HAVE)('the crosswalk against the shared NMC and Polity5 files', () => {
  const nmc = loadCowNmc(DEFAULT_DATA_DIR);
  const polity = loadPolity5(DEFAULT_DATA_DIR);
  const nmcYears = (ccode: number): CowNmcRow[] => nmc.rows.filter((r) => r.ccode === ccode);
  const polityRows = new Map<string, Polity5Row>(polity.rows.map((r) => [`${r.scode}:${r.year}`, r]));
  const hasPolity = (scode: string, year: number) => polityRows.has(`${scode}:${year}`);

  it('both files load without issues', () => {
    expect(nmc.issues).toEqual([]);
    expect(polity.issues).toEqual([]);
  });

  for (const e of COW_POLITY_EXCEPTIONS) {
    it(`${e.ccode} ${e.stateabb} ${e.from}–${e.to === 9999 ? '' : e.to} → ${e.scode} (${e.polityNames.join(' / ')})`, () => {
      const rows = nmcYears(e.ccode).filter((r) => r.year >= e.from && r.year <= e.to);
      expect(rows.length, 'NMC has the state in the span').toBeGreaterThan(0);
      for (const r of rows) expect(r.stateabb).toBe(e.stateabb);
      const years = rows.map((r) => r.year).filter((y) => y <= POLITY5_LAST_YEAR);
      // Polity has the exception's code, under the name we recorded, in every NMC year of the span
      for (const y of years) {
        expect(hasPolity(e.scode, y), `${e.scode} ${y}`).toBe(true);
        expect(e.polityNames).toContain(polityRows.get(`${e.scode}:${y}`)!.country.trim());
      }
      // and the default rule (scode = stateabb) would have missed at least one of those years
      expect(years.some((y) => !hasPolity(e.stateabb, y))).toBe(true);
    });
  }

  it('the classic cases where the codes agree: NMC abbreviation = Polity code in every year', () => {
    for (const a of CODES_THAT_AGREE) {
      const rows = nmcYears(a.ccode).filter((r) => r.year >= a.years[0] && r.year <= a.years[1]);
      expect(rows.length, `${a.stateabb}`).toBeGreaterThan(0);
      for (const r of rows) {
        expect(r.stateabb).toBe(a.stateabb);
        expect(polityCode(r.ccode, r.stateabb, r.year)).toBe(a.stateabb);
        expect(hasPolity(a.stateabb, r.year), `${a.stateabb} ${r.year}`).toBe(true);
      }
    }
  });

  it('every NMC state reaches Polity but the listed micro-states; every Polity country is reached but three non-members', () => {
    const reached = new Set<string>();
    const unmatched = new Set<string>();
    for (const r of nmc.rows) {
      const s = polityCode(r.ccode, r.stateabb, r.year);
      if (hasPolity(s, r.year)) reached.add(s);
    }
    const abbs = new Set(nmc.rows.map((r) => r.stateabb));
    for (const a of abbs) if (!nmc.rows.some((r) => r.stateabb === a && hasPolity(polityCode(r.ccode, a, r.year), r.year))) unmatched.add(a);
    expect([...unmatched].sort()).toEqual([...NOT_IN_POLITY].sort());
    const scodes = new Set(polity.rows.map((r) => r.scode));
    expect([...scodes].filter((s) => !reached.has(s)).sort()).toEqual([...NOT_IN_COW].sort());
  });

  it('coverage: share of COW war state-years with a polity2 value', () => {
    const t = stateYearCovariates(nmc.rows, polity.rows);
    const inter = loadCowInterstate(DEFAULT_DATA_DIR).rows;
    const intra = loadCowIntrastate(DEFAULT_DATA_DIR).rows;
    const spells = (rows: { ccode: number | null; s1: number | null; e1: number | null; s2: number | null; e2: number | null }[]) => {
      const keys = new Set<string>();
      for (const r of rows) {
        if (r.ccode === null) continue;
        for (const [s, e] of [[r.s1, r.e1], [r.s2, r.e2]] as const) if (s !== null) for (let y = s; y <= (e ?? s); y++) keys.add(stateYearKey(r.ccode, y));
      }
      return keys;
    };
    const interKeys = spells(inter.map((r) => ({ ccode: r.ccode, s1: r.startYear1, e1: r.endYear1, s2: r.startYear2, e2: r.endYear2 })));
    // intra-state wars: the government side (COW side A is a state when CcodeA is set)
    const intraKeys = spells(intra.map((r) => ({ ccode: r.ccodeA, s1: r.startYear1, e1: r.endYear1, s2: r.startYear2, e2: r.endYear2 })));
    const share = (keys: Set<string>, m: ReadonlyMap<string, number>) => [...keys].filter((k) => m.has(k)).length / keys.size;
    // without the crosswalk: Polity code = NMC abbreviation in every year
    const abbOf = new Map(nmc.rows.map((r) => [r.ccode, r.stateabb]));
    const byScode = new Map(polity.rows.filter((r) => r.polity2 !== null).map((r) => [`${r.scode}:${r.year}`, r.polity2]));
    const naiveShare = (keys: Set<string>) =>
      [...keys].filter((k) => {
        const [cc, y] = k.split(':').map(Number);
        return byScode.has(`${abbOf.get(cc)}:${y}`);
      }).length / keys.size;
    const fig = {
      interstate: { stateYears: interKeys.size, polity2: share(interKeys, t.polity2), cinc: share(interKeys, t.cinc), polity2WithoutCrosswalk: naiveShare(interKeys) },
      intrastateGovernments: { stateYears: intraKeys.size, polity2: share(intraKeys, t.polity2), cinc: share(intraKeys, t.cinc), polity2WithoutCrosswalk: naiveShare(intraKeys) },
    };
    console.log('COW war state-years covered:', JSON.stringify(fig));
    expect(fig.interstate.polity2).toBeGreaterThan(fig.interstate.polity2WithoutCrosswalk);
    expect(fig.interstate.polity2).toBeGreaterThan(0.9);
    expect(fig.intrastateGovernments.polity2).toBeGreaterThan(0.9);
    expect(fig.interstate.cinc).toBe(1);
  });
});
