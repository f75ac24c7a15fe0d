/**
 * The charts of one run, listed once: the API serves each at /runs/{id}/charts/{id}, the HTML
 * reports (server and `parley report`) show them in this order under these titles, and the web's
 * Results page draws the same specs with the same ids, titles and glossary terms.
 */
import type { RunResult } from '../../engine/result.ts';
import { cumulativeIncidenceChart } from './cumulativeIncidence.ts';
import { durabilityCurveChart } from './durabilityCurve.ts';
import { fanChart } from './fans.ts';
import type { Spec } from './spec.ts';
import { termsHistogramChart } from './termsHistogram.ts';
import { timeToTalksChart } from './timeToTalks.ts';

export type RunChart = {
  id: string;
  title: string;
  spec: (r: RunResult) => Spec;
  /** glossary entries (src/model/glossary.ts) a reader of this chart may need */
  terms: readonly string[];
};

export const RUN_CHARTS = [
  {
    id: 'cumulative-incidence',
    title: 'How the war ends, month by month',
    spec: cumulativeIncidenceChart,
    terms: ['talks-opened', 'settlement', 'run'],
  },
  {
    id: 'time-to-talks',
    title: 'Time to talks by channel',
    spec: timeToTalksChart,
    terms: ['channel', 'talks-opened'],
  },
  {
    id: 'fans',
    title: 'Ripeness, belief gap and costs of conversation per party',
    spec: fanChart,
    terms: ['ripeness', 'belief-gap', 'cost-of-conversation', 'stake'],
  },
  {
    id: 'terms',
    title: 'Terms of settlement',
    spec: termsHistogramChart,
    terms: ['terms', 'share-of-the-stake'],
  },
  {
    id: 'durability',
    title: 'How long the peace lasts',
    spec: durabilityCurveChart,
    terms: ['settlement'],
  },
] as const satisfies readonly RunChart[];

export type RunChartId = (typeof RUN_CHARTS)[number]['id'];
export const RUN_CHART_IDS = RUN_CHARTS.map((c) => c.id) as [RunChartId, ...RunChartId[]];

export function runChart(id: RunChartId): RunChart {
  return RUN_CHARTS.find((c) => c.id === id)!;
}
