/**
 * Historical analogues: rank cases by a weighted Gower distance to a query's features.
 * Source: Gower, J. C. (1971). A general coefficient of similarity and some of its properties.
 * Biometrics 27(4): 857-871. https://doi.org/10.2307/2528823
 * Deviations: (1) numeric features are compared after a log transform where noted (durations and
 * death rates span orders of magnitude); (2) war type uses a small dissimilarity table (civil vs
 * internationalized civil = 0.5) instead of plain 0/1 matching; (3) ranges are taken over the
 * case base plus the query, so the result does not depend on the order of either; (4) a feature
 * known for the query but not coded for a case counts as half different (0.5) instead of being
 * dropped, so sparsely coded cases are not favoured; features unknown for the query are dropped
 * as in Gower's coefficient.
 */
import type { Case } from './caseSchema.ts';
import { caseFeatures, type FeatureName, type Features } from './caseFeatures.ts';

export type FeatureSpec = {
  name: FeatureName;
  kind: 'numeric' | 'log' | 'categorical' | 'binary';
  weight: number;
  label: string;
};

/** The documented feature set and weights (design choice; see docs/history.md). */
export const FEATURE_SPECS: readonly FeatureSpec[] = [
  { name: 'warType', kind: 'categorical', weight: 2, label: 'war type' },
  { name: 'durationMonths', kind: 'log', weight: 1, label: 'duration before talks' },
  { name: 'momentum', kind: 'numeric', weight: 1.5, label: 'stalemate vs momentum' },
  { name: 'supportMax', kind: 'numeric', weight: 1, label: 'strongest outside support' },
  { name: 'supportMin', kind: 'numeric', weight: 0.5, label: 'weaker side’s outside support' },
  { name: 'regimePair', kind: 'categorical', weight: 1, label: 'regime types' },
  { name: 'territorial', kind: 'binary', weight: 1.5, label: 'territorial stakes' },
  { name: 'mediation', kind: 'binary', weight: 1, label: 'mediation present' },
  { name: 'deathsPerMonth', kind: 'log', weight: 1, label: 'battle deaths per month' },
];

const TYPE_DISTANCE: Record<string, number> = {
  'civil|internationalized-civil': 0.5,
  'internationalized-civil|civil': 0.5,
};

type Value = string | number | boolean | null;

const transform = (spec: FeatureSpec, v: Value): number | null => {
  if (v === null || typeof v !== 'number') return null;
  return spec.kind === 'log' ? Math.log1p(Math.max(0, v)) : v;
};

/** Per-feature dissimilarity in [0, 1], or null if either value is missing. */
function featureDistance(spec: FeatureSpec, a: Value, b: Value, range: number): number | null {
  if (a === null || b === null) return null;
  if (spec.kind === 'categorical') {
    if (a === b) return 0;
    return spec.name === 'warType' ? (TYPE_DISTANCE[`${String(a)}|${String(b)}`] ?? 1) : 1;
  }
  if (spec.kind === 'binary') return a === b ? 0 : 1;
  const x = transform(spec, a);
  const y = transform(spec, b);
  if (x === null || y === null) return null;
  return range > 0 ? Math.min(1, Math.abs(x - y) / range) : 0;
}

/** Ranges of the numeric features over a set of feature vectors (order-independent). */
export function featureRanges(
  all: readonly Features[],
  specs: readonly FeatureSpec[] = FEATURE_SPECS,
): Map<FeatureName, number> {
  const ranges = new Map<FeatureName, number>();
  for (const s of specs) {
    if (s.kind !== 'numeric' && s.kind !== 'log') continue;
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const f of all) {
      const v = transform(s, f[s.name]);
      if (v === null) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    ranges.set(s.name, hi > lo ? hi - lo : 0);
  }
  return ranges;
}

export type FeatureComparison = {
  name: FeatureName;
  label: string;
  distance: number | null;
  query: Value;
  analogue: Value;
};

/** Dissimilarity assumed for a feature the query has but the case lacks (deviation 4). */
export const MISSING_CASE_DISTANCE = 0.5;

/** Weighted Gower distance in [0, 1] from query `a` to case `b` (see deviation 4 for missing values). */
export function analogueDistance(
  a: Features,
  b: Features,
  ranges: Map<FeatureName, number>,
  specs: readonly FeatureSpec[] = FEATURE_SPECS,
): { distance: number; comparisons: FeatureComparison[] } {
  let num = 0;
  let den = 0;
  const comparisons: FeatureComparison[] = [];
  // Sum in a fixed order (by feature name) so that reordering the specs cannot change rounding.
  for (const s of [...specs].sort((x, y) => x.name.localeCompare(y.name))) {
    const known = featureDistance(s, a[s.name], b[s.name], ranges.get(s.name) ?? 0);
    comparisons.push({
      name: s.name,
      label: s.label,
      distance: known,
      query: a[s.name],
      analogue: b[s.name],
    });
    if (a[s.name] === null) continue;
    const d = known ?? MISSING_CASE_DISTANCE;
    num += s.weight * d;
    den += s.weight;
  }
  return { distance: den > 0 ? num / den : 1, comparisons };
}

export type Analogue = {
  caseId: string;
  name: string;
  distance: number;
  /** 1 - distance */
  similarity: number;
  /** labels of features that agree closely (distance ≤ 0.15) */
  matched: string[];
  /** labels of features that differ most (distance ≥ 0.5) */
  differed: string[];
  /** labels of features the query has but the case does not code */
  unknown: string[];
  comparisons: FeatureComparison[];
  /** how the analogue's negotiation went, in one line */
  negotiation: string;
  outcome: Case['outcome'];
};

export type AnalogueOptions = {
  top?: number;
  /** leave this case id out (when the query is itself a case) */
  excludeId?: string;
  specs?: readonly FeatureSpec[];
  /** decimal year closing ongoing wars */
  asOfYear: number;
};

/** One-line account of a case's negotiation: first contact, mediators, agreements, outcome. */
export function describeNegotiation(c: Case): string {
  const parts: string[] = [];
  const first = c.timeline.find((e) => e.kind !== 'other' && e.kind !== 'breakdown');
  if (first) parts.push(`first ${first.kind} ${first.date.date}`);
  else parts.push('no talks');
  const mediators = [
    ...new Set(c.timeline.flatMap((e) => (e.kind === 'mediation' ? [e.mediator] : []))),
  ];
  if (mediators.length > 0)
    parts.push(
      `mediated by ${mediators.slice(0, 3).join('; ')}${mediators.length > 3 ? ` +${mediators.length - 3}` : ''}`,
    );
  const agreements = c.timeline.filter((e) => e.kind === 'agreement');
  if (agreements.length > 0) {
    const last = agreements[agreements.length - 1];
    if (last.kind === 'agreement')
      parts.push(`${last.agreementType} agreement ${last.date.date} (${last.name})`);
  }
  const breakdowns = c.timeline.filter((e) => e.kind === 'breakdown').length;
  if (breakdowns > 0) parts.push(`${breakdowns} breakdown${breakdowns > 1 ? 's' : ''}`);
  let outcome: string = c.outcome;
  if (c.durability?.resumedWithin5y) outcome += ', fighting resumed within 5 years';
  else if (c.durability && c.durability.resumedWithin5y === false) outcome += ', held 5+ years';
  parts.push(`→ ${outcome}`);
  return parts.join('; ');
}

/** Ranks cases by distance to `query` (ties broken by case id, so the order of `cases` does not matter). */
export function findAnalogues(
  query: Features,
  cases: readonly Case[],
  opts: AnalogueOptions,
): Analogue[] {
  const specs = opts.specs ?? FEATURE_SPECS;
  const pool = cases.filter((c) => c.id !== opts.excludeId);
  const feats = pool.map((c) => caseFeatures(c, opts.asOfYear));
  const ranges = featureRanges([...feats, query], specs);
  const ranked = pool.map((c, i) => {
    const { distance, comparisons: raw } = analogueDistance(query, feats[i], ranges, specs);
    // report features in the canonical order of FEATURE_SPECS, whatever order `specs` came in
    const rank = (n: FeatureName) => FEATURE_SPECS.findIndex((s) => s.name === n);
    const comparisons = [...raw].sort((x, y) => rank(x.name) - rank(y.name));
    return {
      caseId: c.id,
      name: c.name,
      distance,
      similarity: 1 - distance,
      matched: comparisons
        .filter((x) => x.distance !== null && x.distance <= 0.15)
        .map((x) => x.label),
      differed: comparisons
        .filter((x) => x.distance !== null && x.distance >= 0.5)
        .map((x) => x.label),
      unknown: comparisons
        .filter((x) => x.query !== null && x.analogue === null)
        .map((x) => x.label),
      comparisons,
      negotiation: describeNegotiation(c),
      outcome: c.outcome,
    };
  });
  ranked.sort(
    (x, y) => x.distance - y.distance || (x.caseId < y.caseId ? -1 : x.caseId > y.caseId ? 1 : 0),
  );
  return ranked.slice(0, opts.top ?? 10);
}
