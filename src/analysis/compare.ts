/**
 * Compares variants of a scenario run on common random numbers: run i of every variant draws the
 * same random streams, so the per-run (paired) differences isolate the effect of the variant.
 * Shares get a paired normal interval (mean ± 1.96·sd/√n of the per-run differences); medians,
 * conditional means and durability get a paired percentile bootstrap that resamples run indices
 * once for all variants (Efron & Tibshirani 1993). Pure: the seeded generator is passed in.
 * A variant compared with itself therefore gives a difference of exactly zero.
 */
import {
  METRICS,
  shareValue,
  statistic,
  type MetricId,
  type MetricSpec,
  type RecordSet,
} from './outcomes.ts';

export type Uniform = () => number;

export interface Difference {
  estimate: number;
  low: number;
  high: number;
  method: 'paired-normal' | 'paired-bootstrap';
}

export interface VariantOutcome {
  id: string;
  name: string;
  description?: string;
  /** the variant's edits to the scenario, `path: before → after` (edits.ts); [] for the baseline */
  edits?: string[];
  /** the variant's own value of each metric (null when undefined, e.g. no settlement) */
  values: Record<MetricId, number | null>;
  /** variant − baseline, paired; null for the baseline or when undefined */
  differences: Record<MetricId, Difference | null>;
}

export interface RankedEntry {
  id: string;
  name: string;
  /** the improvement toward the goal (positive is better) */
  gain: number;
  low: number;
  high: number;
  /** the whole 95% interval lies on the better side of zero (verdict 'gain') */
  clear: boolean;
  /** gain: the 95% interval lies on the better side of zero; harm: on the worse side; else unclear */
  verdict: 'gain' | 'harm' | 'unclear';
}

export interface Goal {
  id: string;
  label: string;
  metric: MetricId;
  /** +1: higher is better; −1: lower is better */
  sign: 1 | -1;
}

export interface Comparison {
  baselineId: string;
  runs: number;
  horizonMonths: number;
  bootstrap: number;
  metrics: readonly MetricSpec[];
  variants: VariantOutcome[];
  ranking: { goal: Goal; entries: RankedEntry[] }[];
}

export interface CompareInput {
  id: string;
  name: string;
  description?: string;
  /** the variant's edits, shown with its results (edits.ts formatEdit lines) */
  edits?: string[];
  records: RecordSet;
}

export interface CompareOptions {
  /** bootstrap replicates (default 400) */
  bootstrap?: number;
  /** seeded uniform generator on [0, 1) for the bootstrap */
  rng: Uniform;
  /** party names for the terms goals (side A, side B) */
  sides?: [string, string];
}

const Z = 1.959963984540054;

/** Goals the ranked table answers; terms are ranked once for each side. */
export function goals(sides: [string, string] = ['side A', 'side B']): Goal[] {
  return [
    { id: 'talks6', label: 'talks opened by month 6', metric: 'talks6', sign: 1 },
    { id: 'talks12', label: 'talks opened by month 12', metric: 'talks12', sign: 1 },
    { id: 'settlement24', label: 'settlement by month 24', metric: 'settlement24', sign: 1 },
    { id: 'shorter', label: 'a shorter war (median months)', metric: 'medianDuration', sign: -1 },
    {
      id: 'termsA',
      label: `better terms for ${sides[0]} (mean)`,
      metric: 'terms',
      sign: 1,
    },
    {
      id: 'termsB',
      label: `better terms for ${sides[1]} (mean)`,
      metric: 'terms',
      sign: -1,
    },
    { id: 'casualties', label: 'fewer battle deaths (median)', metric: 'casualties', sign: -1 },
    { id: 'durable5y', label: 'a peace that holds 5 years', metric: 'durable5y', sign: 1 },
  ];
}

/** Paired comparison of every input with the first (the baseline). */
export function compareVariants(inputs: readonly CompareInput[], opts: CompareOptions): Comparison {
  if (inputs.length === 0) throw new Error('compareVariants: no variants');
  const base = inputs[0].records;
  for (const v of inputs)
    if (v.records.runs !== base.runs || v.records.horizonMonths !== base.horizonMonths)
      throw new Error(
        `compareVariants: variant ${v.id} has different runs or horizon (no pairing)`,
      );
  const n = base.runs;
  const B = Math.max(0, Math.min(opts.bootstrap ?? 400, Math.floor(2e7 / Math.max(1, n))));
  // one resample of run indices per replicate, shared by every variant (paired)
  const idx = new Uint32Array(B * n);
  for (let k = 0; k < idx.length; k++) idx[k] = Math.floor(opts.rng() * n);
  const scratch = new Float64Array(n);
  const stats = METRICS.filter((m) => m.kind === 'statistic').map((m) => m.id);
  const baseBoot = new Map<MetricId, Float64Array>();
  for (const id of stats) baseBoot.set(id, bootstrapStat(id, base, idx, B, n, scratch));

  const variants: VariantOutcome[] = inputs.map((v, k) => {
    const values = {} as Record<MetricId, number | null>;
    const differences = {} as Record<MetricId, Difference | null>;
    for (const m of METRICS) {
      const own = statistic(m.id, v.records, null, scratch);
      values[m.id] = Number.isNaN(own) ? null : own;
      if (k === 0) {
        differences[m.id] = null;
        continue;
      }
      if (m.kind === 'share') differences[m.id] = pairedShare(m.id, base, v.records);
      else {
        const b0 = statistic(m.id, base, null, scratch);
        const boot = bootstrapStat(m.id, v.records, idx, B, n, scratch);
        differences[m.id] = pairedBootstrap(own - b0, boot, baseBoot.get(m.id)!);
      }
    }
    return {
      id: v.id,
      name: v.name,
      description: v.description,
      ...(v.edits ? { edits: v.edits } : {}),
      values,
      differences,
    };
  });

  const ranking = goals(opts.sides).map((goal) => {
    const entries: RankedEntry[] = [];
    for (const v of variants.slice(1)) {
      const d = v.differences[goal.metric];
      if (!d) continue;
      const [low, high] = goal.sign === 1 ? [d.low, d.high] : [-d.high, -d.low];
      entries.push({
        id: v.id,
        name: v.name,
        gain: goal.sign * d.estimate,
        low,
        high,
        clear: low > 0,
        verdict: low > 0 ? 'gain' : high < 0 ? 'harm' : 'unclear',
      });
    }
    entries.sort((x, y) => y.gain - x.gain || x.id.localeCompare(y.id));
    return { goal, entries };
  });
  return {
    baselineId: inputs[0].id,
    runs: n,
    horizonMonths: base.horizonMonths,
    bootstrap: B,
    metrics: METRICS,
    variants,
    ranking,
  };
}

function pairedShare(id: MetricId, a: RecordSet, b: RecordSet): Difference {
  const n = a.runs;
  let s = 0,
    ss = 0;
  for (let r = 0; r < n; r++) {
    const d = shareValue(id, b, r) - shareValue(id, a, r);
    s += d;
    ss += d * d;
  }
  const mean = s / n;
  const variance = n > 1 ? Math.max(0, (ss - n * mean * mean) / (n - 1)) : 0;
  const half = Z * Math.sqrt(variance / n);
  return { estimate: mean, low: mean - half, high: mean + half, method: 'paired-normal' };
}

function bootstrapStat(
  id: MetricId,
  r: RecordSet,
  idx: Uint32Array,
  B: number,
  n: number,
  scratch: Float64Array,
): Float64Array {
  const out = new Float64Array(B);
  for (let b = 0; b < B; b++) out[b] = statistic(id, r, idx.subarray(b * n, (b + 1) * n), scratch);
  return out;
}

function pairedBootstrap(estimate: number, v: Float64Array, base: Float64Array): Difference | null {
  if (Number.isNaN(estimate)) return null;
  const diffs: number[] = [];
  for (let b = 0; b < v.length; b++) {
    const d = v[b] - base[b];
    if (!Number.isNaN(d)) diffs.push(d);
  }
  if (diffs.length < Math.max(20, v.length / 2))
    return { estimate, low: NaN, high: NaN, method: 'paired-bootstrap' };
  diffs.sort((x, y) => x - y);
  const q = (p: number) =>
    diffs[Math.min(diffs.length - 1, Math.max(0, Math.floor(p * diffs.length)))];
  return {
    estimate,
    low: Math.min(q(0.025), estimate),
    high: Math.max(q(0.975), estimate),
    method: 'paired-bootstrap',
  };
}

/**
 * The entries a ranking may call "does most": those whose estimate improves on the baseline, best
 * first; a variant that makes things worse is never among them, whatever the order.
 */
export function helping(entries: readonly RankedEntry[]): RankedEntry[] {
  return entries.filter((e) => e.gain > 0);
}

/** The entries whose whole interval lies on the worse side: clear harms. */
export function harming(entries: readonly RankedEntry[]): RankedEntry[] {
  return entries.filter((e) => e.verdict === 'harm');
}
