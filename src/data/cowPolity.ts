/**
 * The COW↔Polity crosswalk: which Polity5 country (`scode`) holds the regime score of a COW
 * state (`ccode`) in a given year. Rule: Polity's `scode` equals the COW abbreviation
 * (`stateabb` in NMC v6.0) unless an exception below says otherwise. Each exception was read
 * off the two shared files (cow-nmc/NMC-60-abridged.csv, polity5/p5v2018-polity2.csv) and is
 * checked against them by cowPolity.test.ts. Where Polity has rows for two codes in the same
 * year (a state's birth or break-up), we take the state as it stood at the end of that year
 * (design choice; it decides only Russia/USSR 1922, Yugoslavia 1991, Serbia 2006, Ethiopia 1993,
 * Sudan 2011, Vietnam 1976 and Italy 1861).
 * Also builds the plain state-year tables (CINC, polity2 by COW code) the core reads.
 */
import type { StateYearCovariates } from '../calibrate/covariates.ts';
import { stateYearKey } from '../calibrate/covariates.ts';
import type { CowNmcRow } from './cowNmc.ts';
import { POLITY5_LAST_YEAR, type Polity5Row } from './polity5.ts';

export type PolityException = {
  ccode: number;
  /** NMC's abbreviation for the COW state. */
  stateabb: string;
  /** Inclusive COW years the exception covers. */
  from: number;
  to: number;
  scode: string;
  /** Polity's `country` names for `scode` in the span (trimmed), to catch a wrong code. */
  polityNames: string[];
  why: string;
};

const END = 9999;

export const COW_POLITY_EXCEPTIONS: readonly PolityException[] = [
  { ccode: 300, stateabb: 'AUH', from: 1816, to: 1918, scode: 'AUS', polityNames: ['Austria'], why: 'Polity codes Austria-Hungary and the Austrian republic as one country, AUS from 1800; COW splits them (300 until 1918, 305 after).' },
  { ccode: 325, stateabb: 'ITA', from: 1816, to: 1860, scode: 'SAR', polityNames: ['Sardinia'], why: 'COW 325 runs Sardinia-Piedmont on as Italy from 1816; Polity has Sardinia (SAR) until 1861 and Italy (ITA) from 1861, proclaimed March 1861.' },
  { ccode: 341, stateabb: 'MNG', from: 2006, to: END, scode: 'MNT', polityNames: ['Montenegro'], why: "Independent Montenegro: COW's abbreviation is MNG, Polity's MNT." },
  { ccode: 345, stateabb: 'YUG', from: 1816, to: 1920, scode: 'SER', polityNames: ['Serbia'], why: 'COW 345 is one state from Serbia (1878) through Yugoslavia to Serbia (2006-); Polity has Serbia (SER) until 1920, Yugoslavia (YUG) from 1921.' },
  { ccode: 345, stateabb: 'YUG', from: 1992, to: 2005, scode: 'YGS', polityNames: ['Yugoslavia', 'Serbia and Montenegro'], why: 'The rump Federal Republic of Yugoslavia (renamed Serbia and Montenegro in 2003) is YGS in Polity (1991-2006); at the end of 1991 the SFRY (YUG) still stood, the FRY was proclaimed in April 1992.' },
  { ccode: 345, stateabb: 'YUG', from: 2006, to: END, scode: 'SER', polityNames: ['Serbia'], why: 'After Montenegro left in June 2006 Polity codes Serbia as SER again; COW keeps 345.' },
  { ccode: 360, stateabb: 'ROM', from: 1816, to: END, scode: 'RUM', polityNames: ['Romania'], why: "Romania: COW's abbreviation is ROM, Polity's RUM." },
  { ccode: 365, stateabb: 'RUS', from: 1922, to: 1991, scode: 'USR', polityNames: ['USSR'], why: 'COW 365 is one state (Russia, Soviet Union, Russia); Polity codes the Soviet Union as USR 1922-1991 (formed 30 December 1922) and Russia as RUS before and from 1992.' },
  { ccode: 437, stateabb: 'CDI', from: 1960, to: END, scode: 'IVO', polityNames: ["Cote D'Ivoire", 'Ivory Coast'], why: "Côte d'Ivoire: COW's abbreviation is CDI, Polity's IVO." },
  { ccode: 490, stateabb: 'DRC', from: 1960, to: END, scode: 'ZAI', polityNames: ['Congo Kinshasa'], why: "DR Congo: COW's abbreviation is DRC, Polity's ZAI (Zaire)." },
  { ccode: 530, stateabb: 'ETH', from: 1993, to: END, scode: 'ETI', polityNames: ['Ethiopia'], why: 'Polity starts a new Ethiopia (ETI) in 1993, when Eritrea became independent (May 1993); COW keeps 530 ETH.' },
  { ccode: 625, stateabb: 'SUD', from: 2011, to: END, scode: 'SDN', polityNames: ['Sudan-North'], why: 'Polity codes Sudan after South Sudan left (July 2011) as SDN; COW keeps 625 SUD.' },
  { ccode: 626, stateabb: 'SSD', from: 2011, to: END, scode: 'SSU', polityNames: ['South Sudan'], why: "South Sudan: COW's abbreviation is SSD, Polity's SSU." },
  { ccode: 770, stateabb: 'PAK', from: 1947, to: 1971, scode: 'PKS', polityNames: ['Pakistan'], why: 'Polity codes united Pakistan (with East Pakistan) as PKS 1947-1971 and the rump state as PAK from 1972; COW has one 770 PAK.' },
  { ccode: 816, stateabb: 'DRV', from: 1976, to: END, scode: 'VIE', polityNames: ['Vietnam'], why: 'COW 816 continues North Vietnam as unified Vietnam (July 1976); Polity has North Vietnam (DRV) to 1976 and Vietnam (VIE) from 1976.' },
  { ccode: 950, stateabb: 'FIJ', from: 1970, to: END, scode: 'FJI', polityNames: ['Fiji'], why: "Fiji: COW's abbreviation is FIJ, Polity's FJI." },
];

/**
 * Classic cases where the codes agree and no exception is needed, checked by the test: both
 * Germanies and reunified Germany (GMY/GFR/GDR), the two Yemens and Yemen (YAR/YPR/YEM), South
 * Vietnam (RVN), North Vietnam before 1976 (DRV), Yugoslavia 1921–1991 (YUG), Russia outside
 * 1922–1991 (RUS), Sudan before 2011 (SUD), Ethiopia before 1993 (ETH), Pakistan from 1972 (PAK).
 */
export const CODES_THAT_AGREE: readonly { ccode: number; stateabb: string; years: [number, number] }[] = [
  { ccode: 255, stateabb: 'GMY', years: [1816, 1945] },
  { ccode: 255, stateabb: 'GMY', years: [1990, 2016] },
  { ccode: 260, stateabb: 'GFR', years: [1955, 1990] },
  { ccode: 265, stateabb: 'GDR', years: [1954, 1990] },
  { ccode: 678, stateabb: 'YAR', years: [1926, 1990] },
  { ccode: 679, stateabb: 'YEM', years: [1990, 2016] },
  { ccode: 680, stateabb: 'YPR', years: [1967, 1990] },
  { ccode: 817, stateabb: 'RVN', years: [1955, 1975] },
  { ccode: 816, stateabb: 'DRV', years: [1954, 1975] },
  { ccode: 345, stateabb: 'YUG', years: [1921, 1991] },
  { ccode: 365, stateabb: 'RUS', years: [1816, 1921] },
  { ccode: 365, stateabb: 'RUS', years: [1992, 2016] },
  { ccode: 625, stateabb: 'SUD', years: [1956, 2010] },
  { ccode: 530, stateabb: 'ETH', years: [1898, 1992] },
  { ccode: 770, stateabb: 'PAK', years: [1972, 2016] },
];

/** The Polity code for COW state `ccode` (abbreviation `stateabb`) in `year`. */
export function polityCode(ccode: number, stateabb: string, year: number): string {
  const e = COW_POLITY_EXCEPTIONS.find((x) => x.ccode === ccode && year >= x.from && year <= x.to);
  return e ? e.scode : stateabb;
}

/**
 * Plain state-year tables for the core: CINC by COW code and year from NMC, and polity2 by COW
 * code and year through the crosswalk, for every year from a state's first NMC year to 2018
 * (Polity's last year; NMC ends in 2016, a state's abbreviation does not change).
 */
export function stateYearCovariates(nmc: readonly CowNmcRow[], polity: readonly Polity5Row[]): StateYearCovariates {
  const cinc = new Map<string, number>();
  const first = new Map<number, { abb: string; year: number }>();
  for (const r of nmc) {
    if (r.cinc !== null) cinc.set(stateYearKey(r.ccode, r.year), r.cinc);
    const f = first.get(r.ccode);
    if (!f || r.year < f.year) first.set(r.ccode, { abb: r.stateabb, year: r.year });
  }
  const byScode = new Map<string, number>();
  for (const r of polity) if (r.polity2 !== null && r.year <= POLITY5_LAST_YEAR) byScode.set(`${r.scode}:${r.year}`, r.polity2);
  const polity2 = new Map<string, number>();
  for (const [ccode, f] of first) {
    for (let y = f.year; y <= POLITY5_LAST_YEAR; y++) {
      const v = byScode.get(`${polityCode(ccode, f.abb, y)}:${y}`);
      if (v !== undefined) polity2.set(stateYearKey(ccode, y), v);
    }
  }
  return { cinc, polity2 };
}
