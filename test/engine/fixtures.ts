/**
 * Test fixtures for the engine: a minimal generic two-party interstate scenario (defaults
 * everywhere) with overrides, so each test states only what it varies.
 *
 *   build({ a: { military: { escalationCapacity: 0.9 } }, settings: { runs: 2000 } })
 *
 * `a` / `b` are deep-merged into the two belligerents (ids `alpha`, side A, and `beta`, side B);
 * `extraParties` appends patrons or mediators; every other key is deep-merged into the scenario
 * object before `ScenarioSchema.parse`. Arrays replace, they are not merged.
 */
import { ScenarioSchema, type Scenario } from '../../src/model/index.ts';
import { State, compile, runScenario, type RunResult } from '../../src/engine/index.ts';

export const A = 'alpha';
export const B = 'beta';

type Plain = Record<string, unknown>;
export interface Overrides {
  a?: Plain;
  b?: Plain;
  extraParties?: Plain[];
  front?: Plain;
  settings?: Plain;
  mechanisms?: Plain;
  backChannels?: Plain[];
  interventions?: Plain[];
  [key: string]: unknown;
}

/** Settings used unless a test overrides them: small, fast and seeded. */
export const TEST_SETTINGS = { runs: 2000, horizonMonths: 36, seed: 7 };

const isPlain = (x: unknown): x is Plain =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

export function deepMerge<T extends Plain>(base: T, patch: Plain | undefined): T {
  if (!patch) return base;
  const out: Plain = { ...base };
  for (const [k, v] of Object.entries(patch))
    out[k] = isPlain(v) && isPlain(out[k]) ? deepMerge(out[k], v) : v;
  return out as T;
}

/** The plain (unparsed) scenario object. */
export function scenarioObject(o: Overrides = {}): Plain {
  const { a, b, extraParties, settings, ...rest } = o;
  const base: Plain = {
    id: 'generic-two-party',
    name: 'Generic two-party interstate war',
    type: 'interstate',
    parties: [
      deepMerge({ id: A, name: 'Alpha', role: 'belligerent', side: 'A' }, a),
      deepMerge({ id: B, name: 'Beta', role: 'belligerent', side: 'B' }, b),
      ...(extraParties ?? []),
    ],
    settings: { ...TEST_SETTINGS, ...settings },
  };
  return deepMerge(base, rest);
}

/** A validated scenario. */
export function build(o: Overrides = {}): Scenario {
  return ScenarioSchema.parse(scenarioObject(o));
}

/** Build and run on this thread. */
export function run(o: Overrides = {}): RunResult {
  return runScenario(build(o));
}

/** A mediator party (defaults everywhere) with its `mediation` block overridden. */
export function mediator(mediation: Plain = {}, id = 'med'): Plain {
  return {
    id,
    name: `Mediator ${id}`,
    role: 'mediator',
    mediation: { offerMonth: 0, ...mediation },
  };
}

/** A patron party. */
export function patron(id: string, side: 'A' | 'B'): Plain {
  return { id, name: `Patron ${id}`, role: 'patron', side };
}

/** Mean of a series over months [from, to). */
export function meanOver(xs: number[], from = 0, to = xs.length): number {
  let s = 0;
  for (let t = from; t < to; t++) s += xs[t];
  return s / (to - from);
}

/** Share-weighted mean of a per-month diagnostic over months [from, to), weighted by runs at war. */
export function warWeightedMean(r: RunResult, xs: number[], from = 0, to = xs.length): number {
  let s = 0,
    w = 0;
  for (let t = from; t < to; t++) {
    s += xs[t] * r.diagnostics.atWar[t];
    w += r.diagnostics.atWar[t];
  }
  return w > 0 ? s / w : 0;
}

/** Open-posture share (any channel) of party p at month t. */
export function openShare(r: RunResult, p: 0 | 1, t: number): number {
  return 1 - r.diagnostics.parties[p].postureClosed[t];
}

/** Sum of the settlement + ceasefire cumulative incidences at month t (a negotiated end). */
export const negotiatedBy = (r: RunResult, t: number): number =>
  r.outcomes.settlement[t] + r.outcomes.ceasefire[t];

/** Compact one-line summary for logs. */
export function brief(r: RunResult, t = Math.min(11, r.meta.horizonMonths - 1)): string {
  const f = (x: number | null) => (x === null ? 'null' : x.toFixed(3));
  return `talks@${t + 1}=${f(r.talks.any[t])} settle@${t + 1}=${f(r.outcomes.settlement[t])} cease=${f(r.outcomes.ceasefire[t])} ongoing@end=${f(r.outcomes.ongoing[r.meta.horizonMonths - 1])} p50=${f(r.duration.quantiles.p50)} terms50=${f(r.terms.quantiles.p50)}`;
}

/** Hawkish leaders on both sides: public talks are costly, so channels and mediators matter. */
export const HAWKS: Overrides = {
  a: { leader: { hawkishness: 0.9 } },
  b: { leader: { hawkishness: 0.9 } },
};

/** Mean of A's share of the stake over all settlements (from the terms histogram, bin centres). */
export function meanTerms(r: RunResult): number {
  let s = 0,
    n = 0;
  r.terms.histogram.forEach((c, i) => {
    s += c * ((i + 0.5) / r.terms.histogram.length);
    n += c;
  });
  return n > 0 ? s / n : NaN;
}

/** A compiled block of `runs` runs with every run active, for stepping one mechanism by hand. */
export function stateFor(o: Overrides, runs: number): State {
  const s = new State(compile(build(o)), 0, runs);
  for (let r = 0; r < runs; r++) s.active[r] = r;
  s.nActive = runs;
  return s;
}
