/**
 * How armed conflicts end: UCDP Conflict Termination Dataset v3-2021 (Kreutz 2010), episodes
 * 1946-2020, by outcome, conflict type and era; and recurrence after each kind of ending.
 * Outcome codes: 1 peace agreement, 2 ceasefire, 3 victory side A (government), 4 victory side B,
 * 5 low activity, 6 actor ceased to exist.
 */
import type { UcdpTerminationRow } from '../datasetRows.ts';
import {
  comparisonInsight,
  countRow,
  defineInsight,
  pct,
  sizeCaveats,
  type Breakdown,
  type Insight,
} from './insight.ts';

export const TERMINATION_SOURCE = 'UCDP Conflict Termination Dataset v3-2021 (Kreutz 2010)';

export const OUTCOME_LABELS: Record<number, string> = {
  1: 'peace agreement',
  2: 'ceasefire',
  3: 'victory for the government / side A',
  4: 'victory for the rebels / side B',
  5: 'low activity',
  6: 'actor ceased to exist',
};

/** Terminated episodes: one row per episode (the row with confterm = 1). */
export function terminatedEpisodes(rows: readonly UcdpTerminationRow[]): UcdpTerminationRow[] {
  const seen = new Set<number>();
  const out: UcdpTerminationRow[] = [];
  for (const r of [...rows].sort((a, b) => a.conflictepId - b.conflictepId || a.year - b.year)) {
    if (r.confterm !== 1 || r.outcome === null || seen.has(r.conflictepId)) continue;
    seen.add(r.conflictepId);
    out.push(r);
  }
  return out;
}

const negotiated = (r: UcdpTerminationRow) => r.outcome === 1 || r.outcome === 2;
const endYear = (r: UcdpTerminationRow) => (r.ependdate ? Number(r.ependdate.slice(0, 4)) : r.year);

function outcomeRows(eps: readonly UcdpTerminationRow[]): Breakdown[] {
  return [1, 2, 3, 4, 5, 6].map((o) =>
    countRow(OUTCOME_LABELS[o], eps.filter((r) => r.outcome === o).length, eps.length),
  );
}

export const howConflictsEnd = defineInsight(
  {
    id: 'how-conflicts-end',
    topic: 'termination',
    title: 'How armed-conflict episodes ended, 1946-2020',
    needs: ['ucdp-termination'],
  },
  ({ datasets }, meta): Insight | null => {
    const eps = terminatedEpisodes(datasets['ucdp-termination'] ?? []);
    if (eps.length === 0) return null;
    const rows = outcomeRows(eps);
    const k = eps.filter(negotiated).length;
    const head = countRow('peace agreement or ceasefire', k, eps.length);
    const top = [...rows].sort((a, b) => b.numerator - a.numerator)[0];
    return {
      id: meta.id,
      topic: meta.topic,
      title: meta.title,
      finding: `Of ${eps.length} conflict episodes that ended 1946-2020, ${k} (${pct(k / eps.length)}) ended in a peace agreement or ceasefire; the most common ending was ${top.label} (${pct(top.estimate)}), and victories made up ${pct((rows[2].numerator + rows[3].numerator) / eps.length)}.`,
      measure: 'share',
      compares: false,
      numerator: k,
      denominator: eps.length,
      estimate: head.estimate,
      interval: head.interval,
      breakdown: rows,
      caseIds: [],
      caveats: [
        ...sizeCaveats(eps.length, 'episodes'),
        'UCDP counts conflicts from 25 battle deaths a year, so many episodes are small',
      ],
      source: TERMINATION_SOURCE,
    };
  },
);

const TYPE_LABEL: Record<number, string> = { 1: 'extrasystemic', 2: 'interstate', 3: 'intrastate' };

export const endingsByType = defineInsight(
  {
    id: 'negotiated-endings-by-conflict-type',
    topic: 'termination',
    title: 'Negotiated endings by conflict type (UCDP)',
    needs: ['ucdp-termination'],
  },
  ({ datasets }, meta) => {
    const eps = terminatedEpisodes(datasets['ucdp-termination'] ?? []);
    if (eps.length === 0) return null;
    const rows = [2, 3, 1].map((t) => {
      const g = eps.filter((r) => r.typeOfConflict2 === t);
      return countRow(`${TYPE_LABEL[t]} episodes`, g.filter(negotiated).length, g.length);
    });
    return comparisonInsight(
      meta,
      rows[0],
      rows[1],
      (t) => `A peace agreement or ceasefire ended ${t} (UCDP, 1946-2020).`,
      { source: TERMINATION_SOURCE, more: rows.slice(2) },
    );
  },
);

export const endingsByEra = defineInsight(
  {
    id: 'negotiated-endings-by-era',
    topic: 'termination',
    title: 'Negotiated endings during and after the Cold War (UCDP)',
    needs: ['ucdp-termination'],
  },
  ({ datasets }, meta) => {
    const eps = terminatedEpisodes(datasets['ucdp-termination'] ?? []);
    if (eps.length === 0) return null;
    const cold = eps.filter((r) => endYear(r) <= 1989);
    const post = eps.filter((r) => endYear(r) >= 1990);
    const a = countRow('episodes ending 1990-2020', post.filter(negotiated).length, post.length);
    const b = countRow('1946-1989', cold.filter(negotiated).length, cold.length);
    return comparisonInsight(meta, a, b, (t) => `A peace agreement or ceasefire ended ${t}.`, {
      source: TERMINATION_SOURCE,
    });
  },
);

export const RECURRENCE_YEARS = 10;

export const recurrenceByEnding = defineInsight(
  {
    id: 'recurrence-by-ending',
    topic: 'termination',
    title: `Conflicts that recurred within ${RECURRENCE_YEARS} years, by how the episode ended`,
    needs: ['ucdp-termination'],
  },
  ({ datasets }, meta) => {
    const rows = datasets['ucdp-termination'] ?? [];
    const eps = terminatedEpisodes(rows).filter(
      (r) => r.ependdate !== null && endYear(r) <= 2020 - RECURRENCE_YEARS,
    );
    if (eps.length === 0) return null;
    // episode start dates per conflict, from start_date2 of each episode's rows
    const starts = new Map<number, string[]>();
    for (const r of rows) {
      if (!r.startDate2) continue;
      const list = starts.get(r.conflictId) ?? [];
      if (!list.includes(r.startDate2)) list.push(r.startDate2);
      starts.set(r.conflictId, list);
    }
    const recurred = (r: UcdpTerminationRow) => {
      const end = r.ependdate ?? '';
      const limit = `${Number(end.slice(0, 4)) + RECURRENCE_YEARS}${end.slice(4)}`;
      return (starts.get(r.conflictId) ?? []).some((s) => s > end && s <= limit);
    };
    const group = (label: string, codes: number[]) => {
      const g = eps.filter((r) => r.outcome !== null && codes.includes(r.outcome));
      return countRow(label, g.filter(recurred).length, g.length);
    };
    const a = group('after peace agreements', [1]);
    const b = group('after victories', [3, 4]);
    return comparisonInsight(
      meta,
      a,
      b,
      (t) => `The same conflict restarted within ${RECURRENCE_YEARS} years ${t}.`,
      {
        source: TERMINATION_SOURCE,
        more: [group('after ceasefires', [2]), group('after low activity', [5])],
        caveats: [
          `episodes ending after ${2020 - RECURRENCE_YEARS} are left out (not yet observable)`,
          'recurrence is counted within the same UCDP conflict id',
        ],
      },
    );
  },
);
