/**
 * Time from onset to the first negotiation contact, by war type (cf. Greig & Regan 2008 on when
 * mediation is offered; Fearon 2004 on civil-war duration).
 */
import type { CaseType } from '../caseSchema.ts';
import { monthsToFirstContact } from '../caseQueries.ts';
import { bootstrapMedian, median } from '../stats.ts';
import {
  SELECTION_CAVEAT,
  CASE_SOURCE,
  defineInsight,
  idsOf,
  medianRow,
  shareInsight,
  sizeCaveats,
  type Breakdown,
} from './insight.ts';

const TYPES: CaseType[] = ['interstate', 'civil', 'internationalized-civil', 'extra-state'];
const fmt = (m: number) =>
  m < 24 ? `${m.toFixed(m < 10 ? 1 : 0)} months` : `${(m / 12).toFixed(1)} years`;

export const timeToTalksByType = defineInsight(
  {
    id: 'time-to-first-talks-by-type',
    topic: 'time-to-talks',
    title: 'Time from onset to the first contact, by war type',
    needs: [],
  },
  ({ cases, rng }, meta) => {
    const withTalks = cases.filter((c) => monthsToFirstContact(c) !== null);
    if (withTalks.length === 0) return null;
    const values = withTalks.map((c) => monthsToFirstContact(c) ?? 0);
    const rows: Breakdown[] = [];
    for (const t of TYPES) {
      const group = withTalks.filter((c) => c.type === t);
      if (group.length === 0) continue;
      rows.push(
        medianRow(
          t,
          group.map((c) => monthsToFirstContact(c) ?? 0),
          cases.filter((c) => c.type === t).length,
          rng,
          idsOf(group),
        ),
      );
    }
    const m = median(values);
    const parts = rows.map((r) => `${r.label} ${fmt(r.estimate)} (n = ${r.numerator})`).join(', ');
    return {
      id: meta.id,
      topic: meta.topic,
      title: meta.title,
      finding: `The first contact between the parties (secret, back-channel, public or mediated) came a median ${fmt(m)} after the war began (${withTalks.length} of ${cases.length} cases had any); by type: ${parts}.`,
      measure: 'median',
      compares: false,
      numerator: withTalks.length,
      denominator: cases.length,
      estimate: m,
      interval: bootstrapMedian(values, rng),
      breakdown: rows,
      caseIds: idsOf(withTalks).sort(),
      caveats: [
        ...sizeCaveats(withTalks.length),
        'dates of first secret contacts are often imprecise (year precision counts as mid-year)',
        SELECTION_CAVEAT,
      ],
      source: CASE_SOURCE,
    };
  },
);

export const talksInFirstYear = defineInsight(
  {
    id: 'talks-within-first-year',
    topic: 'time-to-talks',
    title: 'Wars with a first contact within a year of onset',
    needs: [],
  },
  ({ cases }, meta) => {
    const scope = cases.filter((c) => c.outcome !== 'ongoing' || monthsToFirstContact(c) !== null);
    if (scope.length === 0) return null;
    const hits = scope.filter((c) => {
      const m = monthsToFirstContact(c);
      return m !== null && m <= 12;
    });
    return shareInsight(
      meta,
      idsOf(hits),
      idsOf(scope),
      (t) => `The parties were in contact within the first twelve months in ${t} wars.`,
    );
  },
);
