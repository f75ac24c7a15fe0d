/**
 * Sensitivity of the outcomes to the inputs.
 *
 * Tornado (one at a time): each factor is fixed at its low and then its high value while every
 * other input keeps what the scenario says (its distribution, sampled per run); the swing is
 * high − low on each outcome. All points share the baseline's seed: common random numbers, so an
 * input that does not enter the model has a swing of exactly zero.
 *
 * Morris screening (Morris 1991; μ* of Campolongo, Cariboni & Saltelli 2007,
 * doi:10.1016/j.envsoft.2006.10.004): r random one-at-a-time trajectories on a p-level grid of
 * the unit cube, one step Δ = p / (2(p − 1)) per factor; μ* is the mean absolute elementary
 * effect, σ their spread (interactions, non-linearity). The design is drawn from a seeded
 * generator passed in. Pure: points are planned here, simulated by the caller, analysed here.
 */
import type { Result, Scenario, InputIssue } from '../model/index.ts';
import type { Uniform } from './compare.ts';
import type { Factor } from './factors.ts';
import { METRIC_IDS, type MetricId } from './outcomes.ts';
import { scenarioWith, valueAt } from './points.ts';

export type Outcomes = Record<MetricId, number | null>;

export interface TornadoPoint {
  factor: number;
  level: 'low' | 'high';
  value: number;
  scenario: Scenario;
}

export interface TornadoBar {
  path: string;
  label: string;
  low: number;
  high: number;
  /** outcome with the factor at its low / high value */
  atLow: Outcomes;
  atHigh: Outcomes;
  /** high − low per outcome (null when undefined) */
  swing: Record<MetricId, number | null>;
}

export interface Tornado {
  method: 'tornado';
  base: Outcomes;
  /** the outcome bars are ranked by */
  rankedBy: MetricId;
  bars: TornadoBar[];
}

/** The 2·k scenarios of a tornado, validated (problems name the factor and value). */
export function planTornado(
  scenario: Scenario,
  factors: readonly Factor[],
): Result<TornadoPoint[]> {
  const points: TornadoPoint[] = [];
  const issues: InputIssue[] = [];
  factors.forEach((f, k) => {
    for (const level of ['low', 'high'] as const) {
      const value = f[level];
      const r = scenarioWith(scenario, [{ path: f.path, value }]);
      if (r.ok) points.push({ factor: k, level, value, scenario: r.value });
      else issues.push(...r.issues);
    }
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: points };
}

const swingOf = (lo: number | null, hi: number | null) =>
  lo === null || hi === null ? null : hi - lo;

/** Bars from the outcomes of planTornado's points (same order), ranked by |swing| on `rankedBy`. */
export function tornadoFromOutcomes(
  factors: readonly Factor[],
  points: readonly TornadoPoint[],
  outcomes: readonly Outcomes[],
  base: Outcomes,
  rankedBy: MetricId = 'settlement24',
): Tornado {
  const bars: TornadoBar[] = factors.map((f, k) => {
    const lo = points.findIndex((p) => p.factor === k && p.level === 'low');
    const hi = points.findIndex((p) => p.factor === k && p.level === 'high');
    const atLow = outcomes[lo];
    const atHigh = outcomes[hi];
    const swing = {} as Record<MetricId, number | null>;
    for (const id of METRIC_IDS) swing[id] = swingOf(atLow[id], atHigh[id]);
    return { path: f.path, label: f.label, low: f.low, high: f.high, atLow, atHigh, swing };
  });
  const size = (b: TornadoBar) => Math.abs(b.swing[rankedBy] ?? 0);
  bars.sort((x, y) => size(y) - size(x) || x.path.localeCompare(y.path));
  return { method: 'tornado', base, rankedBy, bars };
}

/** A tornado in one call, with a synchronous evaluator (tests, small scenarios). */
export function tornado(
  scenario: Scenario,
  factors: readonly Factor[],
  evaluate: (s: Scenario) => Outcomes,
  rankedBy: MetricId = 'settlement24',
): Result<Tornado> {
  const plan = planTornado(scenario, factors);
  if (!plan.ok) return plan;
  const outcomes = plan.value.map((p) => evaluate(p.scenario));
  return {
    ok: true,
    value: tornadoFromOutcomes(factors, plan.value, outcomes, evaluate(scenario), rankedBy),
  };
}

export interface MorrisDesign {
  levels: number;
  delta: number;
  trajectories: number;
  /** points in the unit cube, trajectory after trajectory (k + 1 points each) */
  unit: number[][];
  /** for each trajectory, the factor moved at each of its k steps and the sign of the move */
  moves: { factor: number; sign: 1 | -1 }[][];
}

/** r random trajectories on a p-level grid (p even). */
export function morrisDesign(k: number, r: number, rng: Uniform, levels = 4): MorrisDesign {
  const p = levels;
  const delta = p / (2 * (p - 1));
  const grid = (j: number) => j / (p - 1);
  const unit: number[][] = [];
  const moves: { factor: number; sign: 1 | -1 }[][] = [];
  for (let t = 0; t < r; t++) {
    // a base point whose +Δ or −Δ moves stay on the grid
    const x = Array.from({ length: k }, () => grid(Math.floor(rng() * (p / 2))));
    const order = Array.from({ length: k }, (_, i) => i);
    for (let i = k - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    // start at the low or high end at random per factor
    const up = Array.from({ length: k }, () => rng() < 0.5);
    for (let i = 0; i < k; i++) if (!up[i]) x[i] = round(x[i] + delta);
    unit.push([...x]);
    const steps: { factor: number; sign: 1 | -1 }[] = [];
    for (const i of order) {
      const sign: 1 | -1 = up[i] ? 1 : -1;
      x[i] = round(x[i] + sign * delta);
      unit.push([...x]);
      steps.push({ factor: i, sign });
    }
    moves.push(steps);
  }
  return { levels: p, delta, trajectories: r, unit, moves };
}

const round = (x: number) => Math.round(x * 1e9) / 1e9;

/** The scenarios at the points of a Morris design. */
export function planMorris(
  scenario: Scenario,
  factors: readonly Factor[],
  design: MorrisDesign,
): Result<Scenario[]> {
  const out: Scenario[] = [];
  for (const x of design.unit) {
    const r = scenarioWith(
      scenario,
      factors.map((f, i) => ({ path: f.path, value: valueAt(f, x[i]) })),
    );
    if (!r.ok) return r;
    out.push(r.value);
  }
  return { ok: true, value: out };
}

export interface MorrisEffect {
  path: string;
  label: string;
  /** per outcome: mean elementary effect, mean absolute effect, standard deviation */
  mu: Record<MetricId, number | null>;
  muStar: Record<MetricId, number | null>;
  sigma: Record<MetricId, number | null>;
}

export interface Morris {
  method: 'morris';
  trajectories: number;
  levels: number;
  rankedBy: MetricId;
  effects: MorrisEffect[];
}

/**
 * Elementary effects per factor and outcome, in outcome units per full range of the factor
 * (EE = Δy / Δ with x scaled to [0, 1]), ranked by μ* on `rankedBy`.
 */
export function morrisEffects(
  factors: readonly Factor[],
  design: MorrisDesign,
  outcomes: readonly Outcomes[],
  rankedBy: MetricId = 'settlement24',
): Morris {
  const k = factors.length;
  const ee: Record<MetricId, number[]>[] = factors.map(() => {
    const o = {} as Record<MetricId, number[]>;
    for (const id of METRIC_IDS) o[id] = [];
    return o;
  });
  design.moves.forEach((steps, t) => {
    const start = t * (k + 1);
    steps.forEach((m, s) => {
      const y0 = outcomes[start + s];
      const y1 = outcomes[start + s + 1];
      for (const id of METRIC_IDS) {
        const a = y0[id],
          b = y1[id];
        if (a !== null && b !== null) ee[m.factor][id].push((m.sign * (b - a)) / design.delta);
      }
    });
  });
  const effects: MorrisEffect[] = factors.map((f, i) => {
    const mu = {} as Record<MetricId, number | null>;
    const muStar = {} as Record<MetricId, number | null>;
    const sigma = {} as Record<MetricId, number | null>;
    for (const id of METRIC_IDS) {
      const xs = ee[i][id];
      if (xs.length === 0) {
        mu[id] = muStar[id] = sigma[id] = null;
        continue;
      }
      const m = xs.reduce((s, x) => s + x, 0) / xs.length;
      mu[id] = m;
      muStar[id] = xs.reduce((s, x) => s + Math.abs(x), 0) / xs.length;
      sigma[id] =
        xs.length > 1 ? Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1)) : 0;
    }
    return { path: f.path, label: f.label, mu, muStar, sigma };
  });
  effects.sort(
    (x, y) => (y.muStar[rankedBy] ?? 0) - (x.muStar[rankedBy] ?? 0) || x.path.localeCompare(y.path),
  );
  return {
    method: 'morris',
    trajectories: design.trajectories,
    levels: design.levels,
    rankedBy,
    effects,
  };
}
