/**
 * The Monte Carlo engine: simulates runs [firstRun, firstRun + runs) of a scenario month by month
 * and returns their mergeable Aggregate. Pure and deterministic: the same scenario, seed and run
 * range give the same bytes on any thread or machine.
 */
import type { Scenario } from '../model/index.ts';
import { Aggregate, CASUALTY_BINS, ENDING_CLASSES, TERMS_BINS } from './aggregate.ts';
import { recordAtWar, recordMonth } from './probe.ts';
import { finishTraces, recordTraces, type RunTrace } from './trace.ts';
import { Outcome, State, Status, compile, type Compiled } from './state.ts';

export interface BlockOptions {
  /** Month of the "why" explanation (defaults to the scenario's settings.explainMonth). */
  explainMonth?: number;
  /** Called after each cache block with the number of runs done so far (progress reporting). */
  onRuns?: (done: number) => void;
  /** Month-by-month traces of runs 0 … traces.length − 1 (see trace.ts: emptyTraces(n)). */
  traces?: RunTrace[];
  /** Fill with one record per run (for paired comparisons across variants on common random numbers). */
  records?: RunRecords;
  /**
   * false: record only what the outcome curves need (runs at war each month), not the per-month
   * diagnostics, fans and the "why" explanation; about 15% less work on long wars. For answers
   * that show outcomes only (the web UI's what-if panel); the result says so in meta.diagnostics.
   */
  diagnostics?: boolean;
}

/**
 * One row per run, for paired analysis: variants simulated with the same seed share each run's
 * random streams, so per-run differences isolate the effect of the variant.
 */
export interface RunRecords {
  /** Outcome code per run (state.ts Outcome; 0 = still fighting at the horizon). */
  outcome: Uint8Array;
  /** Month the war ended, −1 if it did not. */
  endMonth: Int16Array;
  /** [4·run + channel] first month talks opened (channel 0 = any, 1 secret, 2 mediated, 3 public), −1 never. */
  firstTalk: Int16Array;
  /** Side A's share at settlement, NaN otherwise. */
  terms: Float64Array;
  /** Battle deaths of both sides until the end or the horizon. */
  casualties: Float64Array;
  /** Months from the end of the war to relapse, −1 none within the follow-up. */
  relapseMonth: Int16Array;
}

export function createRunRecords(runs: number): RunRecords {
  return {
    outcome: new Uint8Array(runs),
    endMonth: new Int16Array(runs),
    firstTalk: new Int16Array(4 * runs),
    terms: new Float64Array(runs),
    casualties: new Float64Array(runs),
    relapseMonth: new Int16Array(runs),
  };
}

/**
 * Runs per cache block: the state of 512 runs (about 100 arrays) stays in the CPU cache, which
 * roughly halves the time per run-month against one block of 10,000 (measured with bench/).
 * Blocks are merged exactly, so the block size never changes a result.
 */
export const CACHE_BLOCK = 512;

/** Simulate runs [firstRun, firstRun + runs) of an already compiled scenario. */
export function simulateBlock(
  c: Compiled,
  firstRun: number,
  runs: number,
  opts: BlockOptions = {},
): Aggregate {
  const runner = new BlockRunner(c, opts, firstRun);
  runner.add(firstRun, runs);
  return runner.agg;
}

/**
 * Simulates runs slice by slice into one Aggregate, reusing one State: for callers that take
 * their work piece by piece (worker threads claiming runs from a shared counter, the browser
 * worker checking for a newer request between slices). Every aggregate field is an integer sum,
 * so which slices a runner gets never changes the merged result.
 */
export class BlockRunner {
  readonly agg: Aggregate;
  private state: State | undefined;

  /** `recordsFrom`: the run stored at index 0 of opts.records. */
  constructor(
    readonly c: Compiled,
    private readonly opts: BlockOptions = {},
    private readonly recordsFrom = 0,
  ) {
    this.agg = new Aggregate(c.horizonMonths, c.params.durability.followUpMonths);
    this.agg.diagnostics = opts.diagnostics !== false;
  }

  /** Simulate runs [firstRun, firstRun + runs) into `agg`, a cache block at a time. */
  add(firstRun: number, runs: number): void {
    for (let start = 0; start < runs; start += CACHE_BLOCK) {
      const count = Math.min(CACHE_BLOCK, runs - start);
      if (this.state && count <= this.state.active.length)
        this.state.reset(firstRun + start, count);
      else this.state = new State(this.c, firstRun + start, count);
      simulateInto(this.agg, this.state, this.opts, firstRun + start - this.recordsFrom);
      this.opts.onRuns?.(Math.min(runs, start + CACHE_BLOCK));
    }
  }
}

/** Simulate the runs `s` holds (fresh or reset) into `agg`; records go to index `offset` on. */
export function simulateInto(agg: Aggregate, s: State, opts: BlockOptions, offset: number): void {
  const c = s.c;
  const firstRun = s.firstRun;
  const runs = s.n;
  agg.runs += runs;
  const explainMonth = opts.explainMonth ?? c.scenario.settings.explainMonth;
  const traced = opts.traces !== undefined && firstRun < opts.traces.length;
  const diagnostics = opts.diagnostics !== false;
  for (let r = 0; r < runs; r++) s.active[r] = r;
  s.nActive = runs;
  for (let t = 0; t < c.horizonMonths && s.nActive > 0; t++) {
    s.t = t;
    s.nEndedNow = 0;
    // runs that start from a ceasefire or agreement in force end in month 0 (durability follows)
    if (t === 0 && c.inForceAtStart !== 0) compact(s);
    const mechanisms = c.mechanisms;
    for (let m = 0; m < mechanisms.length; m++) {
      const mech = mechanisms[m];
      mech.step(s);
      if (mech.endsWars) compact(s);
      if (mech.observedAfter) {
        if (diagnostics) recordMonth(s, agg, explainMonth);
        else recordAtWar(s, agg);
        if (traced) recordTraces(s, opts.traces!);
      }
    }
  }
  collect(s, agg);
  if (traced) finishTraces(s, opts.traces!);
  if (opts.records) copyRecords(s, opts.records, offset);
}

function copyRecords(s: State, rec: RunRecords, offset: number): void {
  for (let r = 0; r < s.n; r++) {
    const o = offset + r;
    rec.outcome[o] = s.outcome[r];
    rec.endMonth[o] = s.endMonth[r];
    for (let ch = 0; ch < 4; ch++) rec.firstTalk[4 * o + ch] = s.firstTalk[4 * r + ch];
    rec.terms[o] = s.terms[r];
    rec.casualties[o] = s.casualties[2 * r] + s.casualties[2 * r + 1];
    rec.relapseMonth[o] = s.relapseMonth[r];
  }
}

/** Convenience: compile and simulate runs [firstRun, firstRun + runs). */
export function simulate(
  scenario: Scenario,
  firstRun = 0,
  runs = scenario.settings.runs,
  opts: BlockOptions = {},
): Aggregate {
  return simulateBlock(compile(scenario), firstRun, runs, opts);
}

/** Moves runs that ended from the active list to this month's ended list. */
export function compact(s: State): void {
  let w = 0;
  for (let a = 0; a < s.nActive; a++) {
    const r = s.active[a];
    if (s.status[r] === Status.war) s.active[w++] = r;
    else s.endedNow[s.nEndedNow++] = r;
  }
  s.nActive = w;
}

/** Per-run end states into the aggregate's counters. */
function collect(s: State, agg: Aggregate): void {
  const H = s.c.horizonMonths;
  const F = agg.followUp;
  for (let r = 0; r < s.n; r++) {
    const o = s.outcome[r];
    if (s.status[r] !== Status.war) agg.outcomeByMonth[o * H + s.endMonth[r]] += 1;
    for (let ch = 0; ch < 4; ch++) {
      const m = s.firstTalk[4 * r + ch];
      if (m >= 0) agg.talksByMonth[ch * H + m] += 1;
    }
    if (o === Outcome.settlement && !Number.isNaN(s.terms[r]))
      agg.terms[Math.min(TERMS_BINS - 1, Math.floor(s.terms[r] * TERMS_BINS))] += 1;
    const total = s.casualties[2 * r] + s.casualties[2 * r + 1];
    agg.casualties[Math.min(CASUALTY_BINS - 1, Math.floor(20 * Math.log10(1 + total)))] += 1;
    if (o !== Outcome.ongoing) {
      // a war that faded is a bare cessation: its peace is followed with the ceasefires'
      const cls =
        o === Outcome.settlement ? 0 : o === Outcome.ceasefire || o === Outcome.faded ? 1 : 2;
      agg.endedByClass[cls] += 1;
      const m = s.relapseMonth[r];
      if (m >= 0) agg.relapse[cls * (F + 1) + m] += 1;
    }
    agg.counters[0] += s.secretTalkMonths[r];
    agg.counters[1] += s.leaks[r];
  }
}

export { ENDING_CLASSES };
