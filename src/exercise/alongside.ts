/**
 * The model's distribution alongside an exercise: where the played path stands against the
 * model's own runs from the same starting point (the scenario as given, same seed), month by
 * month and at the end, and which decisions moved the path most.
 * - Month by month: the share of model runs in which talks had opened / the war had ended by
 *   that month (one Monte Carlo simulation of the scenario, kept per-run records).
 * - At the end: the percentile of the played path's months of war, deaths and (if settled) side
 *   A's share among the model's runs (ties count half).
 * - Decisions that moved it most: each decision is dropped in turn (the model chooses in its
 *   place) and the exercise replayed on the same random numbers: on the played run and on
 *   `paths` other runs of the seed with the same decision log (decisions a path cannot take,
 *   e.g. after its war ended, fall to the model). Approximate: later decisions are replayed as
 *   they were taken, not re-decided, and the other paths are few.
 */
import {
  compile,
  createRunRecords,
  simulateBlock,
  Outcome,
  type RunRecords,
} from '../engine/index.ts';
import type { Scenario } from '../model/index.ts';
import type { Decision, ExerciseSetup, LogEntry } from './decision.ts';
import { Exercise } from './exercise.ts';
import type { Injection } from './injection.ts';
import type { RoleView } from './view.ts';

export interface ModelDistribution {
  runs: number;
  horizonMonths: number;
  /** Share of runs in which talks had opened by the end of month t. */
  talksOpenedBy: number[];
  /** Share of runs in which the war had ended by the end of month t. */
  endedBy: number[];
  records: RunRecords;
}

/** Simulate `runs` runs of the scenario (its own seed) and keep what the comparison needs. */
export function modelDistribution(scenario: Scenario, runs: number): ModelDistribution {
  const c = compile(scenario);
  const records = createRunRecords(runs);
  simulateBlock(c, 0, runs, { records, diagnostics: false });
  const H = c.horizonMonths;
  const talks = new Array<number>(H).fill(0);
  const ended = new Array<number>(H).fill(0);
  for (let r = 0; r < runs; r++) {
    const first = records.firstTalk[4 * r];
    if (first >= 0) for (let t = first; t < H; t++) talks[t]++;
    if (records.outcome[r] !== Outcome.ongoing)
      for (let t = Math.max(0, records.endMonth[r]); t < H; t++) ended[t]++;
  }
  return {
    runs,
    horizonMonths: H,
    talksOpenedBy: talks.map((n) => n / runs),
    endedBy: ended.map((n) => n / runs),
    records,
  };
}

export interface Standing {
  month: number;
  path: { talksOpened: boolean; ended: boolean };
  model: { talksOpened: number; ended: number };
}

/** The played path against the model after the last month played. */
export function standing(ex: Exercise, dist: ModelDistribution): Standing {
  const t = Math.max(0, Math.min(dist.horizonMonths - 1, ex.month - 1));
  const s = ex.state;
  return {
    month: t,
    path: {
      talksOpened: s.firstTalk[0] >= 0 && s.firstTalk[0] <= t,
      ended: s.outcome[0] !== Outcome.ongoing,
    },
    model: { talksOpened: dist.talksOpenedBy[t], ended: dist.endedBy[t] },
  };
}

/** Months at war of a path: to its end, or the whole horizon. */
const warMonths = (outcome: number, endMonth: number, horizonMonths: number) =>
  outcome === Outcome.ongoing ? horizonMonths : endMonth + 1;

function percentile(values: ArrayLike<number>, x: number, keep = (_: number) => true): number {
  let below = 0,
    ties = 0,
    n = 0;
  for (let r = 0; r < values.length; r++) {
    if (!keep(r)) continue;
    n++;
    if (values[r] < x) below++;
    else if (values[r] === x) ties++;
  }
  return n === 0 ? NaN : (100 * (below + ties / 2)) / n;
}

export interface OutcomePercentiles {
  warMonths: { path: number; percentile: number };
  deaths: { path: number; percentile: number };
  /** Side A's share if the path settled (among the model's settled runs), else null. */
  termsA: { path: number; percentile: number } | null;
}

export function outcomePercentiles(ex: Exercise, dist: ModelDistribution): OutcomePercentiles {
  const s = ex.state;
  const H = dist.horizonMonths;
  const rec = dist.records;
  const months = Float64Array.from({ length: dist.runs }, (_, r) =>
    warMonths(rec.outcome[r], rec.endMonth[r], H),
  );
  const path = warMonths(s.outcome[0], s.endMonth[0], H);
  const deaths = s.casualties[0] + s.casualties[1];
  const settled = s.outcome[0] === Outcome.settlement;
  return {
    warMonths: { path, percentile: percentile(months, path) },
    deaths: { path: Math.round(deaths), percentile: percentile(rec.casualties, deaths) },
    termsA: settled
      ? {
          path: s.terms[0],
          percentile: percentile(
            rec.terms,
            s.terms[0],
            (r) => rec.outcome[r] === Outcome.settlement,
          ),
        }
      : null,
  };
}

/**
 * Replay a log leniently: a decision the path cannot take falls to the model, an injected event
 * it cannot take (a leak without secret talks) is left out.
 */
function replayLenient(
  scenario: Scenario,
  setup: ExerciseSetup,
  log: readonly LogEntry[],
  injections: readonly Injection[],
) {
  const ex = new Exercise(scenario, setup);
  const byMonth = new Map<number, LogEntry[]>();
  for (const e of log) byMonth.set(e.month, [...(byMonth.get(e.month) ?? []), e]);
  const last = log.reduce((m, e) => Math.max(m, e.month), -1);
  for (let t = 0; t <= last && !ex.finished; t++) {
    for (const e of injections)
      if (e.month === t && ex.checkInjection(e).length === 0) ex.inject(e);
    const month: Record<string, Decision> = {};
    for (const e of byMonth.get(t) ?? [])
      if (e.decision !== null && ex.check(e.role, e.decision).length === 0)
        month[e.role] = e.decision;
    ex.advance(month);
  }
  while (!ex.finished) ex.advance({});
  return ex;
}

export interface DecisionEffect {
  month: number;
  role: string;
  decision: Decision;
  /** Months of war the decision added (+) or saved (−) on the played path. */
  warMonthsOnPath: number;
  /** The same, averaged over the played path and the other paths. */
  warMonthsMean: number;
  /** Change in deaths on the played path. */
  deathsOnPath: number;
  /** How the played path would have ended without it. */
  outcomeWithout: string;
}

/**
 * Each decision's effect (the first `maxDecisions` of them) on the path played to its end (the
 * model continues an unfinished exercise), largest first (by |warMonthsMean|, then
 * |deathsOnPath|). Cost: one replay per decision and path, (decisions × (paths + 1)) exercises.
 */
export function decisionEffects(
  ex: Exercise,
  paths = 10,
  top = 5,
  /** Decisions examined at most (the earliest first), to bound the work of a long exercise. */
  maxDecisions = 200,
): DecisionEffect[] {
  const H = ex.c.horizonMonths;
  const runs = [ex.setup.run, ...Array.from({ length: paths }, (_, k) => ex.setup.run + 1 + k)];
  const play = (run: number, log: readonly LogEntry[]) =>
    replayLenient(ex.scenario, { ...ex.setup, run }, log, ex.injections);
  const months = (e: Exercise) => warMonths(e.state.outcome[0], e.state.endMonth[0], H);
  // the played path too is played to the horizon's end (the model continues an unfinished one)
  const withAll = runs.map((run) => play(run, ex.log));
  const played = withAll[0];
  const effects: DecisionEffect[] = [];
  let examined = 0;
  ex.log.forEach((entry, k) => {
    if (entry.decision === null || examined >= maxDecisions) return;
    examined++;
    const without = ex.log.map((e, j) => (j === k ? { ...e, decision: null } : e));
    let sum = 0;
    let onPath: Exercise | undefined;
    runs.forEach((run, x) => {
      const alt = play(run, without);
      if (x === 0) onPath = alt;
      sum += months(withAll[x]) - months(alt);
    });
    const alt = onPath!;
    effects.push({
      month: entry.month,
      role: entry.role,
      decision: entry.decision,
      warMonthsOnPath: months(played) - months(alt),
      warMonthsMean: sum / runs.length,
      deathsOnPath: Math.round(
        played.state.casualties[0] +
          played.state.casualties[1] -
          alt.state.casualties[0] -
          alt.state.casualties[1],
      ),
      outcomeWithout: alt.outcome(),
    });
  });
  return effects
    .sort(
      (a, b) =>
        Math.abs(b.warMonthsMean) - Math.abs(a.warMonthsMean) ||
        Math.abs(b.deathsOnPath) - Math.abs(a.deathsOnPath),
    )
    .slice(0, top);
}

/** Everything an after-action report shows (the API's report answer). */
export interface ExerciseReport {
  outcome: string;
  finished: boolean;
  month: number;
  standing: Standing[];
  model: { runs: number; talksOpenedBy: number[]; endedBy: number[] };
  percentiles: OutcomePercentiles | null;
  effects: DecisionEffect[];
  view: RoleView;
}
