/**
 * The shape of an insight and the helpers every insight query uses: proportions with Wilson
 * intervals, medians with seeded bootstrap intervals, comparisons of groups, caveats, and the
 * sentence formatting. An insight is computed, never written: change the data, the text changes.
 */
import type { Case } from '../caseSchema.ts';
import type { Datasets } from '../datasetRows.ts';
import { bootstrapMedian, median, wilson, type Interval, type Uniform } from '../stats.ts';

export const TOPICS = [
  'back-channels',
  'time-to-talks',
  'momentum',
  'mediation',
  'leverage-guarantees',
  'failed-talks',
  'ceasefires',
  'termination',
  'crises',
  'durations',
] as const;
export type Topic = (typeof TOPICS)[number];

export type Breakdown = {
  label: string;
  /** cases/rows meeting the condition (for medians: number of values) */
  numerator: number;
  /** cases/rows in scope */
  denominator: number;
  /** the share k/n, or the median for median insights */
  estimate: number;
  interval: Interval | null;
  caseIds?: string[];
};

export type Insight = {
  id: string;
  topic: Topic;
  title: string;
  /** one sentence generated from the numbers */
  finding: string;
  measure: 'share' | 'median';
  /** true when the headline compares two groups (breakdown[0] vs breakdown[1]) */
  compares: boolean;
  /** headline numerator (for medians: the number of values) */
  numerator: number;
  /** headline denominator (cases or rows in scope) */
  denominator: number;
  /** headline share or median */
  estimate: number;
  /** Wilson 95% for shares, bootstrap 95% for medians; null when undefined (n = 0) */
  interval: Interval | null;
  breakdown: Breakdown[];
  /** the cases behind the headline number (empty for dataset insights) */
  caseIds: string[];
  caveats: string[];
  /** where the numbers come from */
  source: string;
};

export type InsightContext = {
  cases: readonly Case[];
  datasets: Datasets;
  /** seeded generator for bootstrap intervals (the edge seeds it; same seed, same intervals) */
  rng: Uniform;
};

export type DatasetKey = keyof Datasets;

export type InsightQuery = {
  id: string;
  topic: Topic;
  title: string;
  /** datasets required; an empty list means the query uses only the case base */
  needs: readonly DatasetKey[];
  /** returns null when there is nothing to report (e.g. no case in scope) */
  run: (ctx: InsightContext) => Insight | null;
};

export const CASE_SOURCE = 'Parley case base (data/cases)';
export const SELECTION_CAVEAT =
  'The case base is a curated sample of well-documented wars and peace processes, not a random sample; shares describe these cases.';

/** Percent with no decimals. */
export const pct = (x: number): string => `${Math.round(x * 100)}%`;

/** "47% (95% CI 30–64%)" */
export function shareText(k: number, n: number): string {
  if (n === 0) return 'no cases';
  const w = wilson(k, n);
  return `${k} of ${n} (${pct(k / n)}, 95% CI ${Math.round(w.low * 100)}–${Math.round(w.high * 100)}%)`;
}

/** A share as a breakdown row. */
export function shareRow(
  label: string,
  ids: readonly string[],
  inScope: readonly string[],
): Breakdown {
  const n = inScope.length;
  const k = ids.length;
  return {
    label,
    numerator: k,
    denominator: n,
    estimate: n > 0 ? k / n : Number.NaN,
    interval: n > 0 ? wilson(k, n) : null,
    caseIds: [...ids].sort(),
  };
}

/** Counts-based share row (datasets). */
export function countRow(label: string, k: number, n: number): Breakdown {
  return {
    label,
    numerator: k,
    denominator: n,
    estimate: n > 0 ? k / n : Number.NaN,
    interval: n > 0 ? wilson(k, n) : null,
  };
}

/** A median with bootstrap interval as a breakdown row. */
export function medianRow(
  label: string,
  values: readonly number[],
  inScope: number,
  rng: Uniform,
  caseIds?: readonly string[],
): Breakdown {
  const row: Breakdown = {
    label,
    numerator: values.length,
    denominator: inScope,
    estimate: median(values),
    interval: values.length > 0 ? bootstrapMedian(values, rng) : null,
  };
  if (caseIds) row.caseIds = [...caseIds].sort();
  return row;
}

/** Caveats common to every insight over n units. */
export function sizeCaveats(n: number, unit = 'cases'): string[] {
  if (n === 0) return [`no ${unit} in scope`];
  if (n < 10) return [`very small sample (n = ${n} ${unit}): treat as anecdote`];
  if (n < 30) return [`small sample (n = ${n} ${unit}): the interval is wide`];
  return [];
}

/** Builds a share insight from the ids meeting a condition and the ids in scope. */
export function shareInsight(
  meta: InsightMeta,
  hits: readonly string[],
  scope: readonly string[],
  finding: (text: string) => string,
  extra: { breakdown?: Breakdown[]; caveats?: string[]; source?: string } = {},
): Insight {
  const n = scope.length;
  const k = hits.length;
  return {
    id: meta.id,
    topic: meta.topic,
    title: meta.title,
    finding: finding(shareText(k, n)),
    measure: 'share',
    compares: false,
    numerator: k,
    denominator: n,
    estimate: n > 0 ? k / n : Number.NaN,
    interval: n > 0 ? wilson(k, n) : null,
    breakdown: extra.breakdown ?? [],
    caseIds: [...hits].sort(),
    caveats: [
      ...sizeCaveats(n),
      ...(extra.caveats ?? []),
      ...(extra.source === undefined ? [SELECTION_CAVEAT] : []),
    ],
    source: extra.source ?? CASE_SOURCE,
  };
}

/** "30 of 40 (75%) vs 5 of 20 (25%)" from two breakdown rows. */
export function compareText(a: Breakdown, b: Breakdown): string {
  const one = (r: Breakdown) =>
    r.denominator === 0
      ? `no cases (${r.label})`
      : `${r.numerator} of ${r.denominator} (${pct(r.estimate)}) ${r.label}`;
  return `${one(a)} vs ${one(b)}`;
}

/** Builds a two-group comparison insight: the headline is group a. */
export function comparisonInsight(
  meta: InsightMeta,
  a: Breakdown,
  b: Breakdown,
  finding: (text: string) => string,
  extra: { caveats?: string[]; source?: string; more?: Breakdown[] } = {},
): Insight {
  const n = a.denominator + b.denominator;
  return {
    id: meta.id,
    topic: meta.topic,
    title: meta.title,
    finding: finding(compareText(a, b)),
    measure: 'share',
    compares: true,
    numerator: a.numerator,
    denominator: a.denominator,
    estimate: a.estimate,
    interval: a.interval,
    breakdown: [a, b, ...(extra.more ?? [])],
    caseIds: [...new Set([...(a.caseIds ?? []), ...(b.caseIds ?? [])])].sort(),
    caveats: [
      ...sizeCaveats(Math.min(a.denominator, b.denominator), 'cases in the smaller group'),
      ...(n > 0 &&
      a.interval &&
      b.interval &&
      a.interval.low <= b.interval.high &&
      b.interval.low <= a.interval.high
        ? ['the two intervals overlap: the difference may be chance']
        : []),
      'association, not effect: the groups differ in other ways too',
      ...(extra.caveats ?? []),
      ...(extra.source === undefined ? [SELECTION_CAVEAT] : []),
    ],
    source: extra.source ?? CASE_SOURCE,
  };
}

export type InsightMeta = Pick<InsightQuery, 'id' | 'topic' | 'title' | 'needs'>;

/** Declares a query: `compute` gets the context and the meta (for the builders) and returns an insight or null. */
export function defineInsight(
  meta: InsightMeta,
  compute: (ctx: InsightContext, meta: InsightMeta) => Insight | null,
): InsightQuery {
  return { ...meta, run: (ctx) => compute(ctx, meta) };
}

export const idsOf = (xs: readonly { id: string }[]): string[] => xs.map((c) => c.id);
