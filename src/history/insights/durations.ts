/**
 * War durations by era: COW inter-state and intra-state wars 1816-2007 (Sarkees & Wayman 2010),
 * median length with a bootstrap interval; and how often civil-war episodes were mediated (CWM,
 * DeRouen, Bercovitch & Pospieszna 2011).
 */
import { cowWarDays, summariseCowWars, type CowFamily } from '../cowWars.ts';
import { bootstrapMedian, median } from '../stats.ts';
import {
  comparisonInsight,
  countRow,
  defineInsight,
  medianRow,
  sizeCaveats,
  type InsightContext,
  type InsightMeta,
  type Insight,
} from './insight.ts';

export const COW_SOURCE = 'Correlates of War war data v4.0/v4.1 (Sarkees & Wayman 2010)';
export const CWM_SOURCE =
  'Civil Wars Mediation dataset, 12-column extract (DeRouen, Bercovitch & Pospieszna 2011)';

const ERAS: [string, number, number][] = [
  ['1816-1913', 1816, 1913],
  ['1914-1945', 1914, 1945],
  ['1946-2007', 1946, 2007],
];

function durationsByEra(
  ctx: InsightContext,
  meta: InsightMeta,
  family: CowFamily,
  noun: string,
): Insight | null {
  const wars = [
    ...summariseCowWars(
      ctx.datasets['cow-interstate'] ?? [],
      ctx.datasets['cow-intrastate'] ?? [],
      ctx.datasets['cow-extrastate'] ?? [],
    ).values(),
  ].filter((w) => w.family === family);
  const known = wars.filter((w) => w.start !== null && cowWarDays(w) !== null);
  if (known.length === 0) return null;
  const months = (days: number) => days / 30.4375;
  const rows = ERAS.map(([label, lo, hi]) => {
    const g = known.filter((w) => w.start !== null && w.start.year >= lo && w.start.year <= hi);
    return medianRow(
      `began ${label}`,
      g.map((w) => months(cowWarDays(w) ?? 0)),
      wars.filter((w) => w.start !== null && w.start.year >= lo && w.start.year <= hi).length,
      ctx.rng,
    );
  });
  const all = known.map((w) => months(cowWarDays(w) ?? 0));
  const m = median(all);
  const f = (x: number) => (x < 24 ? `${x.toFixed(1)} months` : `${(x / 12).toFixed(1)} years`);
  return {
    id: meta.id,
    topic: meta.topic,
    title: meta.title,
    finding: `The median ${noun} lasted ${f(m)} (${known.length} wars); by era of onset: ${rows.map((r) => `${r.label} ${r.numerator > 0 ? f(r.estimate) : 'none'} (n = ${r.numerator})`).join(', ')}.`,
    measure: 'median',
    compares: false,
    numerator: known.length,
    denominator: wars.length,
    estimate: m,
    interval: bootstrapMedian(all, ctx.rng),
    breakdown: rows,
    caseIds: [],
    caveats: [
      ...sizeCaveats(known.length, 'wars'),
      'COW stops at 2007; wars ongoing then are left out',
      'duration runs from first to last day of fighting, including pauses between spells; unknown days are taken as mid-month',
    ],
    source: COW_SOURCE,
  };
}

export const interstateDurations = defineInsight(
  {
    id: 'interstate-war-durations-by-era',
    topic: 'durations',
    title: 'How long inter-state wars lasted, by era (COW)',
    needs: ['cow-interstate'],
  },
  (ctx, meta) => durationsByEra(ctx, meta, 'inter-state', 'inter-state war'),
);

export const civilDurations = defineInsight(
  {
    id: 'civil-war-durations-by-era',
    topic: 'durations',
    title: 'How long intra-state wars lasted, by era (COW)',
    needs: ['cow-intrastate'],
  },
  (ctx, meta) => durationsByEra(ctx, meta, 'intra-state', 'intra-state war'),
);

export const civilWarsMediated = defineInsight(
  {
    id: 'civil-war-episodes-mediated',
    topic: 'mediation',
    title: 'Civil-war episodes that saw mediation, before and after 1990 (CWM)',
    needs: ['cwm'],
  },
  ({ datasets }, meta) => {
    const rows = (datasets.cwm ?? []).filter((r) => r.mediated !== null && r.yearTerm !== null);
    if (rows.length === 0) return null;
    const post = rows.filter((r) => (r.yearTerm ?? 0) >= 1990);
    const cold = rows.filter((r) => (r.yearTerm ?? 0) < 1990);
    const a = countRow(
      'of episodes observed 1990-2009',
      post.filter((r) => r.mediated === 1).length,
      post.length,
    );
    const b = countRow(
      'of episodes observed 1946-1989',
      cold.filter((r) => r.mediated === 1).length,
      cold.length,
    );
    const all = countRow('all episodes', rows.filter((r) => r.mediated === 1).length, rows.length);
    return comparisonInsight(
      meta,
      a,
      b,
      (t) => `Mediation took place in ${t} (CWM; ${all.numerator} of ${all.denominator} overall).`,
      {
        source: CWM_SOURCE,
        more: [all],
        caveats: [
          'rows in the extract are episodes or mediation spells as in the source, so an episode can count more than once',
          'year is the episode end or observation year (year_term)',
        ],
      },
    );
  },
);
