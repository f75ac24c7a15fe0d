/**
 * War-level summaries of the COW war data: one record per war number with its earliest start,
 * latest end (second spells included) and participants by side.
 * Source: Sarkees & Wayman (2010), Resort to War; COW war data v4.0/v4.1.
 * Deviation: in intra- and extra-state files, COW side A (ccodeA / ccode1) is reported as side 1
 * and side B as side 2, as in the inter-state file's Side column.
 */
import type { CowExtrastateRow, CowInterstateRow, CowIntrastateRow } from './datasetRows.ts';

export type CowDate = { year: number; month: number | null; day: number | null };

export type CowFamily = 'inter-state' | 'intra-state' | 'extra-state';

export type CowWar = {
  warNum: number;
  name: string;
  family: CowFamily;
  warType: number | null;
  start: CowDate | null;
  /** null when COW codes the war as ongoing (or the end year is unknown) */
  end: CowDate | null;
  participants: { ccode: number; side: 1 | 2; name: string }[];
  /** sum of known battle deaths over participants, null if none known */
  battleDeaths: number | null;
};

type Spells = Pick<
  CowInterstateRow,
  | 'startYear1'
  | 'startMonth1'
  | 'startDay1'
  | 'endYear1'
  | 'endMonth1'
  | 'endDay1'
  | 'startYear2'
  | 'startMonth2'
  | 'startDay2'
  | 'endYear2'
  | 'endMonth2'
  | 'endDay2'
>;

const key = (d: CowDate, fill: number): number =>
  d.year * 10_000 + (d.month ?? fill) * 100 + (d.day ?? fill);

function spellDates(r: Spells): { start: CowDate | null; end: CowDate | null } {
  const start =
    r.startYear1 === null ? null : { year: r.startYear1, month: r.startMonth1, day: r.startDay1 };
  let end = r.endYear1 === null ? null : { year: r.endYear1, month: r.endMonth1, day: r.endDay1 };
  if (r.endYear2 !== null) end = { year: r.endYear2, month: r.endMonth2, day: r.endDay2 };
  else if (r.startYear2 !== null) end = null; // second spell without an end: ongoing
  return { start, end };
}

type Acc = { war: CowWar; ongoing: boolean; deaths: number; anyDeaths: boolean };

function accumulate(
  map: Map<number, Acc>,
  base: { warNum: number; warName: string; warType: number | null },
  family: CowFamily,
  r: Spells,
  participants: CowWar['participants'],
  deaths: (number | null)[],
): void {
  let acc = map.get(base.warNum);
  if (!acc) {
    acc = {
      war: {
        warNum: base.warNum,
        name: base.warName,
        family,
        warType: base.warType,
        start: null,
        end: null,
        participants: [],
        battleDeaths: null,
      },
      ongoing: false,
      deaths: 0,
      anyDeaths: false,
    };
    map.set(base.warNum, acc);
  }
  const { start, end } = spellDates(r);
  if (start && (!acc.war.start || key(start, 0) < key(acc.war.start, 0))) acc.war.start = start;
  if (end === null) acc.ongoing = true;
  else if (!acc.war.end || key(end, 99) > key(acc.war.end, 99)) acc.war.end = end;
  for (const p of participants) {
    if (!acc.war.participants.some((q) => q.ccode === p.ccode && q.side === p.side))
      acc.war.participants.push(p);
  }
  for (const d of deaths) {
    if (d !== null) {
      acc.deaths += d;
      acc.anyDeaths = true;
    }
  }
}

/** Builds one CowWar per war number from the three participant files (any may be empty). */
export function summariseCowWars(
  inter: readonly CowInterstateRow[] = [],
  intra: readonly CowIntrastateRow[] = [],
  extra: readonly CowExtrastateRow[] = [],
): Map<number, CowWar> {
  const map = new Map<number, Acc>();
  for (const r of inter) {
    const side = r.side === 2 ? 2 : 1;
    accumulate(
      map,
      r,
      'inter-state',
      r,
      [{ ccode: r.ccode, side, name: r.stateName }],
      [r.batDeath],
    );
  }
  for (const r of intra) {
    const ps: CowWar['participants'] = [];
    if (r.ccodeA !== null) ps.push({ ccode: r.ccodeA, side: 1, name: r.sideA ?? '' });
    if (r.ccodeB !== null) ps.push({ ccode: r.ccodeB, side: 2, name: r.sideB ?? '' });
    accumulate(map, r, 'intra-state', r, ps, [r.sideADeaths, r.sideBDeaths]);
  }
  for (const r of extra) {
    const ps: CowWar['participants'] = [];
    if (r.ccode1 !== null) ps.push({ ccode: r.ccode1, side: 1, name: r.sideA ?? '' });
    if (r.ccode2 !== null) ps.push({ ccode: r.ccode2, side: 2, name: r.sideB ?? '' });
    accumulate(map, r, 'extra-state', r, ps, [r.batDeath, r.nonStateDeaths]);
  }
  const out = new Map<number, CowWar>();
  for (const [k, acc] of [...map.entries()].sort((a, b) => a[0] - b[0])) {
    if (acc.ongoing) acc.war.end = null;
    acc.war.battleDeaths = acc.anyDeaths ? acc.deaths : null;
    out.set(k, acc.war);
  }
  return out;
}

/** Length of a COW war in days (unknown month/day taken as the middle of the window); null if ongoing. */
export function cowWarDays(w: CowWar): number | null {
  if (!w.start || !w.end) return null;
  const t = (d: CowDate, mid: boolean) =>
    Date.UTC(d.year, (d.month ?? (mid ? 7 : 1)) - 1, d.day ?? (mid ? 15 : 1));
  return Math.max(1, Math.round((t(w.end, true) - t(w.start, true)) / 86_400_000) + 1);
}
