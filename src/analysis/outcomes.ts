/**
 * Per-run outcomes from the engine's run records, and the statistics Parley compares across
 * variants, sensitivity points and sweep cells: P(talks by 6 and 12 months), P(settlement by 24),
 * median duration, terms, casualties and durability at 5 years. Pure.
 */
import {
  compile,
  createRunRecords,
  Outcome,
  simulateBlock,
  type RunRecords,
} from '../engine/index.ts';
import type { Scenario } from '../model/index.ts';

/** Run records with the shape needed to read them. */
export interface RecordSet {
  runs: number;
  horizonMonths: number;
  followUp: number;
  records: RunRecords;
}

export const METRIC_IDS = [
  'talks6',
  'talks12',
  'settlement24',
  'medianDuration',
  'terms',
  'casualties',
  'durable5y',
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

export interface MetricSpec {
  id: MetricId;
  label: string;
  /** share: a per-run 0/1 mean (paired normal interval); statistic: bootstrap interval */
  kind: 'share' | 'statistic';
  /** which direction is better, when there is one */
  better: 'higher' | 'lower' | 'none';
  unit: 'share' | 'months' | 'people';
}

export const METRICS: readonly MetricSpec[] = [
  {
    id: 'talks6',
    label: 'P(talks opened by month 6)',
    kind: 'share',
    better: 'higher',
    unit: 'share',
  },
  {
    id: 'talks12',
    label: 'P(talks opened by month 12)',
    kind: 'share',
    better: 'higher',
    unit: 'share',
  },
  {
    id: 'settlement24',
    label: 'P(settlement by month 24)',
    kind: 'share',
    better: 'higher',
    unit: 'share',
  },
  {
    id: 'medianDuration',
    label: 'median duration of the war (months)',
    kind: 'statistic',
    better: 'lower',
    unit: 'months',
  },
  {
    id: 'terms',
    // the mean, where `parley run` and the UI give the median, and always labelled so: a
    // difference of means moves smoothly with the runs a variant changes, while the median of a
    // distribution with a spike at 0 can jump between the spike and the bulk
    label: "mean terms (side A's share of the stake in settlements)",
    kind: 'statistic',
    better: 'none',
    unit: 'share',
  },
  {
    id: 'casualties',
    label: 'median battle deaths until the end',
    kind: 'statistic',
    better: 'lower',
    unit: 'people',
  },
  {
    id: 'durable5y',
    label: 'peace holding 5 years (share of ended wars)',
    kind: 'statistic',
    better: 'higher',
    unit: 'share',
  },
];

/** Simulates a scenario on this thread and keeps one record per run. */
export function simulateRecords(scenario: Scenario): RecordSet {
  const runs = scenario.settings.runs;
  const c = compile(scenario);
  const records = createRunRecords(runs);
  simulateBlock(c, 0, runs, { records });
  return {
    runs,
    horizonMonths: c.horizonMonths,
    followUp: c.params.durability.followUpMonths,
    records,
  };
}

/** 1 if talks (any channel) opened before month m, per run. */
export function talksBy(r: RecordSet, m: number, run: number): number {
  const t = r.records.firstTalk[4 * run];
  return t >= 0 && t < m ? 1 : 0;
}

export function settledBy(r: RecordSet, m: number, run: number): number {
  return r.records.outcome[run] === Outcome.settlement && r.records.endMonth[run] < m ? 1 : 0;
}

/** Months the war lasted, censored at the horizon. */
export function durationOf(r: RecordSet, run: number): number {
  const e = r.records.endMonth[run];
  return e >= 0 ? e + 1 : r.horizonMonths;
}

/** 1 if the per-run metric is a 0/1 share; the value for one run. */
export function shareValue(id: MetricId, r: RecordSet, run: number): number {
  switch (id) {
    case 'talks6':
      return talksBy(r, 6, run);
    case 'talks12':
      return talksBy(r, 12, run);
    case 'settlement24':
      return settledBy(r, 24, run);
    default:
      throw new Error(`not a share metric: ${id}`);
  }
}

/** Months of peace a durable ending must last. */
export const DURABLE_MONTHS = 60;

/**
 * A statistic over a subset of runs (`idx`, or all runs when null). NaN when undefined (no
 * settlement for terms, no ended war for durability).
 */
export function statistic(
  id: MetricId,
  r: RecordSet,
  idx: Uint32Array | null,
  scratch?: Float64Array,
): number {
  const n = idx ? idx.length : r.runs;
  const at = (k: number) => (idx ? idx[k] : k);
  const rec = r.records;
  switch (id) {
    case 'talks6':
    case 'talks12':
    case 'settlement24': {
      let s = 0;
      for (let k = 0; k < n; k++) s += shareValue(id, r, at(k));
      return n > 0 ? s / n : NaN;
    }
    case 'medianDuration': {
      const counts = new Uint32Array(r.horizonMonths + 1);
      for (let k = 0; k < n; k++) counts[durationOf(r, at(k))]++;
      let c = 0;
      for (let m = 0; m <= r.horizonMonths; m++) {
        c += counts[m];
        if (c >= n / 2) return m;
      }
      return r.horizonMonths;
    }
    case 'terms': {
      let s = 0,
        c = 0;
      for (let k = 0; k < n; k++) {
        const run = at(k);
        if (rec.outcome[run] === Outcome.settlement) {
          s += rec.terms[run];
          c++;
        }
      }
      return c > 0 ? s / c : NaN;
    }
    case 'casualties': {
      const xs = scratch && scratch.length >= n ? scratch.subarray(0, n) : new Float64Array(n);
      for (let k = 0; k < n; k++) xs[k] = rec.casualties[at(k)];
      xs.sort();
      if (n === 0) return NaN;
      return n % 2 === 1 ? xs[(n - 1) / 2] : (xs[n / 2 - 1] + xs[n / 2]) / 2;
    }
    case 'durable5y': {
      let ended = 0,
        held = 0;
      for (let k = 0; k < n; k++) {
        const run = at(k);
        if (rec.outcome[run] === Outcome.ongoing) continue;
        ended++;
        const m = rec.relapseMonth[run];
        if (m < 0 || m >= DURABLE_MONTHS) held++;
      }
      return ended > 0 ? held / ended : NaN;
    }
  }
}

/** Every metric over all runs. */
export function summariseRecords(r: RecordSet): Record<MetricId, number | null> {
  const out = {} as Record<MetricId, number | null>;
  for (const id of METRIC_IDS) {
    const v = statistic(id, r, null);
    out[id] = Number.isNaN(v) ? null : v;
  }
  return out;
}
