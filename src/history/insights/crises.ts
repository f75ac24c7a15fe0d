/**
 * International crises and mediation: ICB v14 (Brecher & Wilkenfeld 2000; Brecher et al. 2021).
 * Codes used (see the ICB codebook): mediate = 4 means mediation took place (1-3 none);
 * viol 1 no violence … 4 full-scale war; forout = 1 formal agreement.
 */
import type { IcbCrisisRow } from '../datasetRows.ts';
import {
  comparisonInsight,
  countRow,
  defineInsight,
  pct,
  sizeCaveats,
  type Insight,
} from './insight.ts';

export const ICB_SOURCE =
  'International Crisis Behavior data v14, crisis level (Brecher & Wilkenfeld 2000; Brecher et al. 2021)';
const mediated = (r: IcbCrisisRow) => r.mediate === 4;
const VIOL = ['no violence', 'minor clashes', 'serious clashes', 'full-scale war'];

export const crisesMediated = defineInsight(
  {
    id: 'crises-mediated',
    topic: 'crises',
    title: 'International crises that saw mediation, by level of violence',
    needs: ['icb-crises'],
  },
  ({ datasets }, meta): Insight | null => {
    const rows = (datasets['icb-crises'] ?? []).filter((r) => r.mediate !== null);
    if (rows.length === 0) return null;
    const k = rows.filter(mediated).length;
    const head = countRow('all crises', k, rows.length);
    const by = [1, 2, 3, 4].map((v) => {
      const g = rows.filter((r) => r.viol === v);
      return countRow(VIOL[v - 1], g.filter(mediated).length, g.length);
    });
    return {
      id: meta.id,
      topic: meta.topic,
      title: meta.title,
      finding: `${k} of ${rows.length} international crises 1918-2017 (${pct(k / rows.length)}) were mediated; ${by.map((b) => `${b.label} ${pct(b.estimate)} (n = ${b.denominator})`).join(', ')}.`,
      measure: 'share',
      compares: false,
      numerator: k,
      denominator: rows.length,
      estimate: head.estimate,
      interval: head.interval,
      breakdown: by,
      caseIds: [],
      caveats: [
        ...sizeCaveats(rows.length, 'crises'),
        'mediate = 4 is read as "mediated" from the pattern of the mediator variables; check the codebook',
      ],
      source: ICB_SOURCE,
    };
  },
);

export const crisisMediationAgreements = defineInsight(
  {
    id: 'crisis-mediation-and-formal-agreements',
    topic: 'crises',
    title: 'Crises ending in a formal agreement, mediated vs not',
    needs: ['icb-crises'],
  },
  ({ datasets }, meta) => {
    const rows = (datasets['icb-crises'] ?? []).filter(
      (r) => r.mediate !== null && r.forout !== null,
    );
    if (rows.length === 0) return null;
    const med = rows.filter(mediated);
    const un = rows.filter((r) => !mediated(r));
    const a = countRow('of mediated crises', med.filter((r) => r.forout === 1).length, med.length);
    const b = countRow('of unmediated crises', un.filter((r) => r.forout === 1).length, un.length);
    return comparisonInsight(meta, a, b, (t) => `A formal agreement ended ${t} (ICB 1918-2017).`, {
      source: ICB_SOURCE,
    });
  },
);
