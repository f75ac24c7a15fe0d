/**
 * Mergeable aggregates of a block of runs: only integer counts and fixed-point integer sums, so
 * adding blocks in any order, split in any way (threads, machines), gives the same bytes as one
 * block of all runs. The finished RunResult (result.ts) is computed from a merged Aggregate.
 */
import { CHANNEL_COUNT, OUTCOME_COUNT } from './state.ts';

/** Fixed-point scale for sums of real-valued diagnostics (exact integer arithmetic up to 2^53). */
export const FIXED = 1e6;
export const TERMS_BINS = 100;
/** Total casualties histogram: bin = floor(20·log10(1 + casualties)), up to 10^10. */
export const CASUALTY_BINS = 200;
export const FAN_BINS = 20;

/** Per-month diagnostics: global series then per-party series. */
export const GLOBAL_SERIES = ['beliefGap', 'rangeWidth', 'ripeness', 'talksOpen'] as const;
export const PARTY_SERIES = [
  'pWin',
  'mhs',
  'wayOut',
  'readiness',
  'conversationCost',
  'inference',
  'capacityEffective',
  'talkAudienceCost',
  'talkBenefit',
  'support',
  'aid',
  'commitmentBlocked',
  'escalating',
  'postureClosed',
  'postureSecret',
  'postureMediated',
  'posturePublic',
] as const;
export const DIAG_WIDTH = GLOBAL_SERIES.length + 2 * PARTY_SERIES.length;

/** Series with fan-chart histograms over [0, scale]. */
export const FAN_SERIES = [
  { name: 'ripeness', scale: 1 },
  { name: 'beliefGap', scale: 1 },
  { name: 'conversationCostA', scale: 0.5 },
  { name: 'conversationCostB', scale: 0.5 },
  { name: 'readinessA', scale: 1 },
  { name: 'readinessB', scale: 1 },
] as const;

/** Conditions that can block an open posture (the "why" explanation). */
export const CONDITIONS = [
  'adverseInference',
  'enemyCapacity',
  'audienceCost',
  'noRange',
  'commitment',
] as const;
/** Primary blocker of a closed posture; `none` = the leader is open. */
export const PRIMARY = ['none', ...CONDITIONS] as const;
export const EXPLAIN_NUMBERS = [
  'inference',
  'capacityEffective',
  'conversationCost',
  'talkAudienceCost',
  'talkBenefit',
  'wayOut',
  'mhs',
  'commitmentGap',
  'pWin',
  'reservation',
  'support',
  // exploratory contact (contact.ts), over the runs without talks: their count, the month's
  // chance of contact, the chance at history's pace alone (the anchor), and the runs' openness
  // (their contact frailty, below 1 on average when months without contact say the war is closed)
  'contactRuns',
  'contactChance',
  'contactAnchor',
  'contactOpenness',
] as const;
export const EXPLAIN_WIDTH = 1 + CONDITIONS.length + PRIMARY.length + EXPLAIN_NUMBERS.length;

export const ENDING_CLASSES = ['settlement', 'ceasefire', 'victory'] as const;

export class Aggregate {
  runs = 0;
  readonly outcomeByMonth: Float64Array;
  readonly talksByMonth: Float64Array;
  readonly terms: Float64Array;
  readonly casualties: Float64Array;
  readonly relapse: Float64Array;
  readonly endedByClass: Float64Array;
  readonly atWar: Float64Array;
  readonly diag: Float64Array;
  readonly fans: Float64Array;
  readonly explain: Float64Array;
  /** [secret talk months, leaks, live party-months simulated] */
  readonly counters: Float64Array;
  /** false when diagnostics, fans and the explanation were not recorded (BlockOptions.diagnostics) */
  diagnostics = true;

  constructor(
    readonly horizonMonths: number,
    readonly followUp: number,
  ) {
    const H = horizonMonths;
    this.outcomeByMonth = new Float64Array(OUTCOME_COUNT * H);
    this.talksByMonth = new Float64Array(CHANNEL_COUNT * H);
    this.terms = new Float64Array(TERMS_BINS);
    this.casualties = new Float64Array(CASUALTY_BINS);
    this.relapse = new Float64Array(ENDING_CLASSES.length * (followUp + 1));
    this.endedByClass = new Float64Array(ENDING_CLASSES.length);
    this.atWar = new Float64Array(H);
    this.diag = new Float64Array(H * DIAG_WIDTH);
    this.fans = new Float64Array(H * FAN_SERIES.length * FAN_BINS);
    this.explain = new Float64Array(2 * EXPLAIN_WIDTH);
    this.counters = new Float64Array(3);
  }

  /** Adds another aggregate of the same scenario (any block of runs) into this one. */
  merge(other: Aggregate): this {
    if (other.horizonMonths !== this.horizonMonths || other.followUp !== this.followUp)
      throw new Error('invalid merge: aggregates of different shapes');
    this.runs += other.runs;
    this.diagnostics &&= other.diagnostics;
    for (const key of ARRAY_KEYS) {
      const a = this[key],
        b = other[key];
      for (let i = 0; i < a.length; i++) a[i] += b[i];
    }
    return this;
  }

  /** Plain-data form for transfer between threads or machines. */
  toJSON(): AggregateData {
    const out: Partial<AggregateData> = {
      horizon: this.horizonMonths,
      followUp: this.followUp,
      runs: this.runs,
      ...(this.diagnostics ? {} : { diagnostics: false }),
    };
    for (const key of ARRAY_KEYS) out[key] = Array.from(this[key]);
    return out as AggregateData;
  }

  /** The same data as typed arrays, for structured cloning between worker threads (no copying into lists). */
  toArrays(): AggregateArrays {
    const out: Partial<AggregateArrays> = {
      horizon: this.horizonMonths,
      followUp: this.followUp,
      runs: this.runs,
      ...(this.diagnostics ? {} : { diagnostics: false }),
    };
    for (const key of ARRAY_KEYS) out[key] = this[key];
    return out as AggregateArrays;
  }

  /** From toJSON() or toArrays() data. */
  static fromJSON(d: AggregateData | AggregateArrays): Aggregate {
    const agg = new Aggregate(d.horizon, d.followUp);
    agg.runs = d.runs;
    agg.diagnostics = d.diagnostics !== false;
    for (const key of ARRAY_KEYS) agg[key].set(d[key]);
    return agg;
  }
}

const ARRAY_KEYS = [
  'outcomeByMonth',
  'talksByMonth',
  'terms',
  'casualties',
  'relapse',
  'endedByClass',
  'atWar',
  'diag',
  'fans',
  'explain',
  'counters',
] as const;
type ArrayKey = (typeof ARRAY_KEYS)[number];
interface AggregateShape {
  /**
   * The months simulated (Aggregate.horizonMonths). The key of the stored and pinned form
   * (test/engine/golden.json hashes it; results in stores carry it), hence not renamed.
   */
  horizon: number;
  followUp: number;
  runs: number;
  /** absent = true */
  diagnostics?: boolean;
}
export type AggregateData = AggregateShape & Record<ArrayKey, number[]>;
export type AggregateArrays = AggregateShape & Record<ArrayKey, Float64Array>;

export const fixed = (x: number): number => Math.round(x * FIXED);
