/**
 * Mediation: timing (early vs late; Greig 2001, Regan & Stam 2000), mediator bias (Kydd 2003;
 * Savun 2008; Svensson 2009), and mediator kind (Bercovitch & Schneider 2000).
 */
import type { Case, MediationEvent, MediatorKind } from '../caseSchema.ts';
import { monthsBetween } from '../caseSchema.ts';
import { endedNegotiated, mediations } from '../caseQueries.ts';
import {
  comparisonInsight,
  countRow,
  defineInsight,
  idsOf,
  pct,
  shareInsight,
  shareRow,
  type Breakdown,
} from './insight.ts';

export const EARLY_MONTHS = 12;

const success = (m: MediationEvent) => m.result === 'agreement' || m.result === 'ceasefire';

type Effort = { caseId: string; m: MediationEvent };
const efforts = (cases: readonly Case[]): Effort[] =>
  cases.flatMap((c) =>
    mediations(c)
      .filter((m) => m.result !== 'ongoing')
      .map((m) => ({ caseId: c.id, m })),
  );

function effortRow(label: string, xs: readonly Effort[]): Breakdown {
  const k = xs.filter((e) => success(e.m)).length;
  return {
    ...countRow(label, k, xs.length),
    caseIds: [...new Set(xs.map((e) => e.caseId))].sort(),
  };
}

export const earlyVsLateMediation = defineInsight(
  {
    id: 'early-vs-late-mediation',
    topic: 'mediation',
    title: `Mediation within ${EARLY_MONTHS} months of onset vs later, and how wars ended`,
    needs: [],
  },
  ({ cases }, meta) => {
    const mediated = cases.filter((c) => c.outcome !== 'ongoing' && mediations(c).length > 0);
    if (mediated.length === 0) return null;
    const early = mediated.filter(
      (c) => monthsBetween(c.start, mediations(c)[0].date) <= EARLY_MONTHS,
    );
    const late = mediated.filter((c) => !early.includes(c));
    const a = shareRow(
      `with mediation in the first ${EARLY_MONTHS} months`,
      idsOf(early.filter(endedNegotiated)),
      idsOf(early),
    );
    const b = shareRow(
      'with mediation only later',
      idsOf(late.filter(endedNegotiated)),
      idsOf(late),
    );
    return comparisonInsight(
      meta,
      a,
      b,
      (t) => `Mediated wars ended in a settlement or frozen ceasefire ${t}.`,
      {
        caveats: [
          'early mediation is more common in short, less intense wars (selection into mediation; Gartner & Bercovitch 2006)',
        ],
      },
    );
  },
);

export const neutralVsBiased = defineInsight(
  {
    id: 'neutral-vs-biased-mediators',
    topic: 'mediation',
    title: 'Agreements reached by neutral vs biased mediators',
    needs: [],
  },
  ({ cases }, meta) => {
    const all = efforts(cases);
    if (all.length === 0) return null;
    const a = effortRow(
      'efforts by neutral mediators',
      all.filter((e) => e.m.bias.toward === 'neutral'),
    );
    const b = effortRow(
      'by mediators leaning to one side',
      all.filter((e) => e.m.bias.toward !== 'neutral'),
    );
    return comparisonInsight(
      meta,
      a,
      b,
      (t) => `A mediation effort produced an agreement or ceasefire in ${t}.`,
      {
        caveats: ['unit is the mediation effort, and several efforts come from the same war'],
      },
    );
  },
);

const KINDS: MediatorKind[] = ['state', 'io', 'ngo', 'individual', 'religious'];

export const mediatorKinds = defineInsight(
  {
    id: 'mediator-kinds',
    topic: 'mediation',
    title: 'Success of mediation efforts by kind of mediator',
    needs: [],
  },
  ({ cases }, meta) => {
    const all = efforts(cases);
    if (all.length === 0) return null;
    const rows = KINDS.map((k) =>
      effortRow(
        k,
        all.filter((e) => e.m.mediatorKind === k),
      ),
    ).filter((r) => r.denominator > 0);
    const hits = all.filter((e) => success(e.m));
    const ins = shareInsight(
      meta,
      [...new Set(hits.map((e) => e.caseId))],
      [...new Set(all.map((e) => e.caseId))],
      () => '',
      { breakdown: rows },
    );
    const k = hits.length;
    const n = all.length;
    return {
      ...ins,
      numerator: k,
      denominator: n,
      estimate: k / n,
      interval: rows.length > 0 ? countRow('', k, n).interval : null,
      finding: `${k} of ${n} mediation efforts (${pct(k / n)}) produced an agreement or ceasefire; by kind: ${rows.map((r) => `${r.label} ${r.numerator}/${r.denominator}`).join(', ')}.`,
      caveats: [
        ...ins.caveats,
        'unit is the mediation effort, and several efforts come from the same war',
      ],
    };
  },
);

export const mediatedWarsSettle = defineInsight(
  {
    id: 'mediated-vs-unmediated-endings',
    topic: 'mediation',
    title: 'Negotiated endings in mediated vs unmediated wars',
    needs: [],
  },
  ({ cases }, meta) => {
    const ended = cases.filter((c) => c.outcome !== 'ongoing');
    if (ended.length === 0) return null;
    const med = ended.filter((c) => mediations(c).length > 0);
    const un = ended.filter((c) => mediations(c).length === 0);
    const a = shareRow('mediated wars', idsOf(med.filter(endedNegotiated)), idsOf(med));
    const b = shareRow('unmediated wars', idsOf(un.filter(endedNegotiated)), idsOf(un));
    return comparisonInsight(
      meta,
      a,
      b,
      (t) => `Ended wars closed with a settlement or frozen ceasefire in ${t}.`,
      {
        caveats: [
          'mediators pick hard cases and are invited into wars already heading for talks; both biases act here',
        ],
      },
    );
  },
);
