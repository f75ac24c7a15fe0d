/**
 * Ceasefires and mediators: ETH/PRIO Civil Conflict Ceasefire Dataset 1989-2020 (Clayton,
 * Nygård, Rustad & Strand 2023), and the ceasefires coded in the case base.
 * Unit in the dataset: one ceasefire (uniq_id); rows are per declaring actor, so a ceasefire counts
 * as mediated if any of its rows says a mediator took part, unknown if all rows say unknown.
 */
import type { CeasefireRow } from '../datasetRows.ts';
import type { NegotiationEvent } from '../caseSchema.ts';
import {
  comparisonInsight,
  countRow,
  defineInsight,
  pct,
  sizeCaveats,
  type Breakdown,
  type Insight,
} from './insight.ts';

export const CEASEFIRE_SOURCE =
  'ETH/PRIO Civil Conflict Ceasefire Dataset 1989-2020 (Clayton et al. 2023)';

type Cf = {
  id: number;
  year: number | null;
  mediated: boolean | null;
  written: boolean | null;
  peaceProcess: boolean;
};

export function groupCeasefires(rows: readonly CeasefireRow[]): Cf[] {
  const map = new Map<number, Cf>();
  for (const r of rows) {
    let c = map.get(r.uniqId);
    if (!c) {
      c = { id: r.uniqId, year: r.cfDecYr, mediated: null, written: null, peaceProcess: false };
      map.set(r.uniqId, c);
    }
    if (r.mediatorNego === 1) c.mediated = true;
    else if (r.mediatorNego === 0 && c.mediated === null) c.mediated = false;
    if (r.written !== null) c.written = (c.written ?? false) || r.written >= 1;
    if (r.pPeaceprocess === 1) c.peaceProcess = true;
    if (c.year === null) c.year = r.cfDecYr;
  }
  return [...map.values()].sort((a, b) => a.id - b.id);
}

const PERIODS: [string, number, number][] = [
  ['1989-1999', 1989, 1999],
  ['2000-2009', 2000, 2009],
  ['2010-2020', 2010, 2020],
];

export const ceasefiresMediated = defineInsight(
  {
    id: 'ceasefires-with-mediators',
    topic: 'ceasefires',
    title: 'Civil-war ceasefires negotiated with a mediator',
    needs: ['ceasefires'],
  },
  ({ datasets }, meta): Insight | null => {
    const cfs = groupCeasefires(datasets.ceasefires ?? []).filter((c) => c.mediated !== null);
    if (cfs.length === 0) return null;
    const k = cfs.filter((c) => c.mediated).length;
    const head = countRow('all', k, cfs.length);
    const rows: Breakdown[] = PERIODS.map(([label, lo, hi]) => {
      const g = cfs.filter((c) => c.year !== null && c.year >= lo && c.year <= hi);
      return countRow(label, g.filter((c) => c.mediated).length, g.length);
    });
    const pp = cfs.filter((c) => c.peaceProcess);
    rows.push(
      countRow(
        'ceasefires meant to start or support a peace process',
        pp.filter((c) => c.mediated).length,
        pp.length,
      ),
    );
    return {
      id: meta.id,
      topic: meta.topic,
      title: meta.title,
      finding: `A mediator helped negotiate ${k} of ${cfs.length} civil-war ceasefires 1989-2020 (${pct(k / cfs.length)}); ${rows
        .slice(0, 3)
        .map((r) => `${r.label}: ${pct(r.estimate)}`)
        .join(', ')}; among peace-process ceasefires ${pct(rows[3].estimate)}.`,
      measure: 'share',
      compares: false,
      numerator: k,
      denominator: cfs.length,
      estimate: head.estimate,
      interval: head.interval,
      breakdown: rows,
      caseIds: [],
      caveats: [
        ...sizeCaveats(cfs.length, 'ceasefires'),
        'ceasefires with unknown mediator involvement are left out',
        'many ceasefires are unilateral declarations, which rarely involve mediators',
      ],
      source: CEASEFIRE_SOURCE,
    };
  },
);

export const mediatedCeasefiresWritten = defineInsight(
  {
    id: 'mediated-ceasefires-written',
    topic: 'ceasefires',
    title: 'Written ceasefires, mediated vs not',
    needs: ['ceasefires'],
  },
  ({ datasets }, meta) => {
    const cfs = groupCeasefires(datasets.ceasefires ?? []).filter(
      (c) => c.mediated !== null && c.written !== null,
    );
    if (cfs.length === 0) return null;
    const med = cfs.filter((c) => c.mediated);
    const un = cfs.filter((c) => !c.mediated);
    const a = countRow('of mediated ceasefires', med.filter((c) => c.written).length, med.length);
    const b = countRow('of unmediated ones', un.filter((c) => c.written).length, un.length);
    return comparisonInsight(
      meta,
      a,
      b,
      (t) => `Ceasefires were put in writing in ${t} (ETH/PRIO, 1989-2020).`,
      {
        source: CEASEFIRE_SOURCE,
        caveats: [
          'written status is coded from news sources; the codebook distinguishes two kinds of written text, merged here',
        ],
      },
    );
  },
);

export const caseCeasefiresHeld = defineInsight(
  {
    id: 'case-ceasefires-held',
    topic: 'ceasefires',
    title: 'Ceasefires in the case base that held a year, mediated vs not',
    needs: [],
  },
  ({ cases }, meta) => {
    type C = { caseId: string; e: Extract<NegotiationEvent, { kind: 'ceasefire' }> };
    const all: C[] = cases.flatMap((c) =>
      c.timeline.flatMap((e) =>
        e.kind === 'ceasefire' && e.held !== null ? [{ caseId: c.id, e }] : [],
      ),
    );
    if (all.length === 0) return null;
    const row = (label: string, xs: C[]): Breakdown => ({
      ...countRow(label, xs.filter((x) => x.e.held).length, xs.length),
      caseIds: [...new Set(xs.map((x) => x.caseId))].sort(),
    });
    const a = row(
      'mediated ceasefires',
      all.filter((x) => x.e.mediated),
    );
    const b = row(
      'unmediated ones',
      all.filter((x) => !x.e.mediated),
    );
    return comparisonInsight(meta, a, b, (t) => `A ceasefire held at least a year for ${t}.`, {
      caveats: ['unit is the ceasefire; several come from the same war'],
    });
  },
);
