/**
 * Back-test of whether peace holds: for each ended case of the case base with a known outcome
 * five years on, the engine's probability that war resumes within 60 months of an ending of the
 * case's kind (victory, negotiated settlement, ceasefire; "petered out" is left out: the engine
 * has no such ending), against the training fold's share by kind. The engine's durability
 * parameters (the base relapse hazard and the effects of a victory and a settlement, relative
 * to a ceasefire) are chosen on the training fold by likelihood on a grid; the literature values
 * (Fortna 2004) are scored too. Splits: the case base's time split (wars begun before the cut
 * year train) and leave-one-out.
 */
import type { Case } from '../history/caseSchema.ts';
import { createRunRecords, compile, simulateBlock } from '../engine/index.ts';
import { scenarioFromCaseBase, type CaseScenarioParams } from './caseScenario.ts';
import { DEFAULT_CASE_SCENARIO } from './caseScenario.ts';
import { caseBaseYear, observeContact, timeSplit } from './contactBacktest.ts';

export const ENDING_KINDS = ['victory', 'settlement', 'ceasefire'] as const;
export type EndingKind = (typeof ENDING_KINDS)[number];

const KIND_OF: Record<string, EndingKind | undefined> = {
  'victory-side-a': 'victory',
  'victory-side-b': 'victory',
  'negotiated-settlement': 'settlement',
  'ceasefire-frozen': 'ceasefire',
};

/** Engine outcome codes (state.ts Outcome) by ending kind; collapses count as victories. */
const ENGINE_CODES: Record<EndingKind, number[]> = {
  settlement: [1],
  ceasefire: [2],
  victory: [3, 4, 5, 6],
};

export type RelapseObservation = {
  id: string;
  kind: EndingKind;
  resumed: boolean;
  startYear: number;
};

export function observeRelapse(cases: readonly Case[]): RelapseObservation[] {
  const asOf = caseBaseYear(cases);
  return cases.flatMap((c) => {
    const kind = KIND_OF[c.outcome];
    const r = c.durability?.resumedWithin5y;
    if (!kind || r === null || r === undefined) return [];
    return [{ id: c.id, kind, resumed: r, startYear: observeContact(c, asOf).startYear }];
  });
}

type Point = { baseRelapseHazard: number; victoryEffect: number; settlementEffect: number };

/**
 * The grid searched on each training fold. The effects keep the literature's signs (victories and
 * settlements hold at least as well as bare ceasefires, Fortna 2004) so that the documented
 * directions survive the fit; the data choose the sizes and the base hazard.
 */
export const RELAPSE_GRID = {
  baseRelapseHazard: [0.003, 0.0045, 0.006, 0.009, 0.012, 0.018, 0.024],
  victoryEffect: [-1.9, -1.2, -0.6, -0.3, -0.1],
  settlementEffect: [-1.5, -0.92, -0.6, -0.3, -0.1],
};
const LITERATURE: Point = {
  baseRelapseHazard: 0.012,
  victoryEffect: -1.9,
  settlementEffect: -0.92,
};

/** The engine's P(resumed within 60 months | ending of each kind) for one case. */
export function engineRelapse(
  c: Case,
  point: Point,
  p: Omit<CaseScenarioParams, 'engine'> = {
    ...DEFAULT_CASE_SCENARIO,
    runs: 200,
    horizonMonths: 240,
    seed: 11,
  },
): Record<EndingKind, number | null> {
  const scenario = scenarioFromCaseBase(c, {
    ...p,
    engine: { durability: { ...point, followUpMonths: 60 } },
  });
  const rec = createRunRecords(p.runs);
  simulateBlock(compile(scenario), 0, p.runs, { records: rec, diagnostics: false });
  const out = {} as Record<EndingKind, number | null>;
  for (const k of ENDING_KINDS) {
    let n = 0,
      y = 0;
    for (let r = 0; r < p.runs; r++)
      if (ENGINE_CODES[k].includes(rec.outcome[r])) {
        n++;
        if (rec.relapseMonth[r] >= 0 && rec.relapseMonth[r] < 60) y++;
      }
    out[k] = n > 0 ? y / n : null;
  }
  return out;
}

const clamp = (x: number) => Math.min(0.99, Math.max(0.01, x));
const logLik = (p: number, y: boolean) => Math.log(y ? clamp(p) : 1 - clamp(p));

export type RelapseRow = {
  model: string;
  n: number;
  logScore: number;
  brier: number;
  /** mean forecast and observed share of resumption, by ending kind */
  byKind: Record<EndingKind, { n: number; forecast: number; observed: number }>;
};

export type RelapseBacktestResult = {
  split: 'time' | 'loo';
  cutYear?: number;
  train: number;
  test: number;
  chosen: Record<string, number>[];
  rows: RelapseRow[];
};

export function runRelapseBacktest(
  cases: readonly Case[],
  split: 'time' | 'loo',
  runs = 200,
): RelapseBacktestResult {
  const obs = observeRelapse(cases);
  const byId = new Map(cases.map((c) => [c.id, c]));
  const folds: { train: RelapseObservation[]; test: RelapseObservation[]; cutYear?: number }[] =
    split === 'time'
      ? [timeSplit(obs)]
      : obs.map((o, i) => ({ train: obs.filter((_, j) => j !== i), test: [o] }));
  const points: Point[] = RELAPSE_GRID.baseRelapseHazard.flatMap((baseRelapseHazard) =>
    RELAPSE_GRID.victoryEffect.flatMap((victoryEffect) =>
      RELAPSE_GRID.settlementEffect.map((settlementEffect) => ({
        baseRelapseHazard,
        victoryEffect,
        settlementEffect,
      })),
    ),
  );
  // one simulation per case and grid point serves every fold (nothing in it depends on the fold)
  const sims = new Map<string, Record<EndingKind, number | null>>();
  const sim = (id: string, pt: Point) => {
    const k = `${id}|${pt.baseRelapseHazard},${pt.victoryEffect},${pt.settlementEffect}`;
    let v = sims.get(k);
    if (!v)
      sims.set(
        k,
        (v = engineRelapse(byId.get(id)!, pt, {
          ...DEFAULT_CASE_SCENARIO,
          runs,
          horizonMonths: 240,
          seed: 11,
        })),
      );
    return v;
  };
  const fallback = (train: readonly RelapseObservation[], k: EndingKind) => {
    const t = train.filter((o) => o.kind === k);
    return (t.filter((o) => o.resumed).length + 1) / (t.length + 2); // Laplace: never 0 or 1
  };
  const forecast = (o: RelapseObservation, pt: Point, train: readonly RelapseObservation[]) =>
    sim(o.id, pt)[o.kind] ?? fallback(train, o.kind);
  const held: { o: RelapseObservation; f: Record<string, number> }[] = [];
  const chosen: Record<string, number>[] = [];
  for (const fold of folds) {
    const ll = points.map((pt) =>
      fold.train.reduce((s, o) => s + logLik(forecast(o, pt, fold.train), o.resumed), 0),
    );
    const best = points[ll.indexOf(Math.max(...ll))];
    chosen.push(best);
    for (const o of fold.test)
      held.push({
        o,
        f: {
          'engine (fitted on train)': forecast(o, best, fold.train),
          'engine (literature values)': forecast(o, LITERATURE, fold.train),
          'share by ending (train)': fallback(fold.train, o.kind),
        },
      });
  }
  const models = [
    'engine (fitted on train)',
    'engine (literature values)',
    'share by ending (train)',
  ];
  const rows: RelapseRow[] = models.map((model) => {
    const byKind = {} as RelapseRow['byKind'];
    for (const k of ENDING_KINDS) {
      const h = held.filter((x) => x.o.kind === k);
      byKind[k] = {
        n: h.length,
        forecast: h.reduce((s, x) => s + x.f[model], 0) / Math.max(1, h.length),
        observed: h.filter((x) => x.o.resumed).length / Math.max(1, h.length),
      };
    }
    return {
      model,
      n: held.length,
      logScore: held.reduce((s, x) => s + logLik(x.f[model], x.o.resumed), 0) / held.length,
      brier: held.reduce((s, x) => s + (x.f[model] - (x.o.resumed ? 1 : 0)) ** 2, 0) / held.length,
      byKind,
    };
  });
  return {
    split,
    cutYear: folds[0].cutYear,
    train: folds[0].train.length,
    test: held.length,
    chosen,
    rows,
  };
}

export function formatRelapseTable(r: RelapseBacktestResult): string {
  const head = ['model', 'n', 'logS', 'Brier', ...ENDING_KINDS.map((k) => `${k} f→o (n)`)];
  const lines = [head];
  for (const x of r.rows)
    lines.push([
      x.model,
      String(x.n),
      x.logScore.toFixed(3),
      x.brier.toFixed(3),
      ...ENDING_KINDS.map(
        (k) =>
          `${x.byKind[k].forecast.toFixed(2)}→${x.byKind[k].observed.toFixed(2)} (${x.byKind[k].n})`,
      ),
    ]);
  const w = head.map((_, i) => Math.max(...lines.map((l) => l[i].length)));
  return lines
    .map((l) => l.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  '))
    .join('\n');
}
