/**
 * `npx tsx scripts/auditDraw.ts [--seed 29] [--base 03a839c] [--at 3730179] [--new 14] [--old 6]`:
 * the seeded draw of cases for a self-audit (docs/case-audit-2026-12b.md). Reproducible: the same
 * seed, base commit and case files give the same draw; `--at` reads the case files of a commit
 * instead of the working tree, so the draw can be repeated after more cases are added.
 *
 * Method: the eligible case ids (files in data/cases minus EXCLUDED) are split into cases added
 * after the base commit (the earlier audit) and older ones; each stratum is sorted and a partial
 * Fisher-Yates shuffle driven by the repository's mulberry32 generator (src/history/stats.ts)
 * takes the first n of it. The new stratum is drawn first, then the old one, from one generator.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32, type Uniform } from '../src/history/stats.ts';

const ROOT = join(import.meta.dirname, '..');

/** Cases other helpers were editing while the 2026-12b audit ran (issue 17 brief). */
const EXCLUDED_BUSY = [
  'agacher-strip-war-1985',
  'angola-civil-war-lusaka-1994',
  'bougainville-conflict-1998',
  'cenepa-war-1995',
  'chad-civil-war-1979-1982',
  'crimean-war-1853',
  'cristero-war-1929',
  'darfur-war-abuja-doha-juba',
  'dominican-civil-war-1965',
  'eritrean-ethiopian-war-1998',
  'ethiopia-tigray-war-pretoria-2022',
  'falklands-war-1982',
  'first-carlist-war-1833',
  'georgia-abkhazia-war-1992-1993',
  'greek-civil-war-1949',
  'india-pakistan-kashmir-back-channel-2003',
  'indonesian-war-of-independence-1945',
  'libya-civil-war-2014-2020',
  'malayan-emergency-1948',
  'moldova-transnistria-war-1992',
  'mozambique-civil-war-1977',
  'nagorno-karabakh-war-2020',
  'nigerian-civil-war-biafra-1970',
  'nomonhan-war-1939',
  'russo-japanese-war-1904',
  'sierra-leone-civil-war-2002',
  'sino-soviet-border-conflict-1969',
  'sino-vietnamese-war-1979',
  'south-sudan-civil-war-2018',
  'spanish-civil-war-1936',
  'sudan-second-civil-war-cpa-2005',
  'thousand-days-war-1899',
  'uganda-lra-juba-talks',
  'uganda-tanzania-war-1978',
];

/** The twenty cases of the seed-17 audit (docs/case-audit-2026-12.md), already re-checked. */
const EXCLUDED_AUDITED = [
  'american-civil-war-1861',
  'burundi-civil-war-arusha-2000',
  'dominican-civil-war-1965',
  'finnish-civil-war-1918',
  'first-chechen-war-khasavyurt-1996',
  'georgia-abkhazia-war-1992-1993',
  'laos-civil-war-geneva-1962',
  'russo-japanese-war-1904',
  'second-balkan-war-1913',
  'west-new-guinea-conflict-1962',
  'india-pakistan-kashmir-back-channel-2003',
  'indonesia-malaysia-confrontation-1963',
  'six-day-war-1967',
  'nepal-civil-war-2006',
  'kyrgyzstan-tajikistan-border-conflict-2021',
  'sierra-leone-civil-war-2002',
  'mozambique-renamo-insurgency-2019',
  'south-africa-anc-transition-1993',
  'moldova-transnistria-war-1992',
  'malayan-emergency-1948',
];

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

function count(name: string, fallback: number): number {
  const raw = arg(name, String(fallback));
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`--${name} must be a whole number, got "${raw}"`);
  return n;
}

const idsIn = (names: string[]): string[] =>
  names
    .map((f) => f.replace(/^.*\//, ''))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length));

/** The first n of a partial Fisher-Yates shuffle of `ids` (sorted first, so input order is irrelevant). */
function draw(ids: readonly string[], n: number, rand: Uniform): string[] {
  const pool = [...ids].sort();
  if (n > pool.length) throw new Error(`cannot draw ${n} from ${pool.length} cases`);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rand() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, n);
}

const seed = count('seed', 29);
const base = arg('base', '03a839c');
const casesAt = (commit: string): string[] =>
  idsIn(
    execFileSync('git', ['ls-tree', '--name-only', commit, 'data/cases/'], {
      cwd: ROOT,
      encoding: 'utf8',
    })
      .split('\n')
      .filter(Boolean),
  );
const at = arg('at', '');
const current = at ? casesAt(at) : idsIn(readdirSync(join(ROOT, 'data/cases')));
const atBase = new Set(casesAt(base));
const excluded = new Set([...EXCLUDED_BUSY, ...EXCLUDED_AUDITED]);
const eligible = current.filter((id) => !excluded.has(id));
const added = eligible.filter((id) => !atBase.has(id));
const older = eligible.filter((id) => atBase.has(id));

const rand = mulberry32(seed);
const drawnNew = draw(added, count('new', 14), rand);
const drawnOld = draw(older, count('old', 6), rand);

console.log(
  `seed ${seed}, base ${base}, cases from ${at || 'the working tree'}: ${current.length} cases, ` +
    `${excluded.size} excluded, ` +
    `${added.length} eligible added after the base, ${older.length} eligible older`,
);
for (const id of drawnNew) console.log(`new  ${id}`);
for (const id of drawnOld) console.log(`old  ${id}`);
