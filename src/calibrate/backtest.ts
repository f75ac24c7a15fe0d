/**
 * Back-test: forecasts for historical wars made with what was known at onset, and at later
 * checkpoints (the war is still on), scored against what happened, for the engine and for
 * statistical baselines fitted on the same training cases. Splits: train on earlier wars and
 * test on later ones ("time"), or k-fold with a seeded shuffle. Nothing is tuned on a test fold:
 * baselines and the engine's calibration see training cases only.
 * Scores: Gneiting & Raftery (2007) CRPS and log score; Brier skill against the base rate;
 * Bennett & Stam (1996) proportional reduction in error of the median forecast.
 */
import { calibrate, literatureEngine, targetsFrom, type CalibrationResult } from './calibrate.ts';
import { coxSurvival, fitCox, type CoxFit } from './coxPh.ts';
import { onsetCovariates, type HistoricalCase } from './historicalCases.ts';
import { kaplanMeier, survivalAt } from './kaplanMeier.ts';
import { fitLogistic, predictLogistic } from './logistic.ts';
import { DEFAULT_BUILDER, type BuilderParams, type EngineOverrides } from './scenarioFromCase.ts';
import {
  brier,
  cIndex,
  crpsDiscrete,
  pitShares,
  interval80,
  logScore,
  proportionalReductionInError,
  type ReliabilityBin,
  reliabilityTable,
} from './scores.ts';
import { simulateCase } from './simulateCases.ts';
import { fitWeibull, weibullSurvival, type WeibullFit } from './weibullAft.ts';

export const MODELS = [
  'engine (calibrated on train)',
  'engine (literature defaults)',
  'base rate',
  'Kaplan–Meier',
  'Weibull AFT',
  'Cox PH',
] as const;
export type ModelName = (typeof MODELS)[number];

export type BacktestOptions = {
  split: 'time' | 'kfold';
  folds: number;
  checkpoints: number[];
  horizons: number[];
  /** engine runs per test case */
  runs: number;
  horizonMonths: number;
  seed: number;
  /** engine calibration on each training fold */
  calibration: { runs: number; evaluations: number };
  /** fixed calibrated parameters to use instead of calibrating on each fold (tests only) */
  calibrated?: { engine: EngineOverrides; builder: BuilderParams };
  mediatedCeasefireShare: number | null;
};

/** A forecast for one case at one checkpoint. */
type Forecast = { remainingPmf: number[]; pVictory: number };

export type ScoreRow = {
  source: 'cow-interstate' | 'ucdp';
  checkpoint: number;
  model: ModelName;
  n: number;
  crps: number;
  maeMedian: number;
  pre: number;
  brier: Record<string, number>;
  brierSkill: Record<string, number>;
  cIndex: number;
  logScoreVictory: number;
  nOutcome: number;
  /** share of ended held-out wars whose remaining months fall in the central 80 % interval */
  coverage80: number;
  /** PIT histogram of the remaining duration, share of held-out wars per tenth (flat = calibrated; wars still on are censored) */
  pit: number[];
};

export type BacktestResult = {
  options: Omit<BacktestOptions, 'calibrated'>;
  rows: ScoreRow[];
  reliability: { source: string; model: ModelName; horizon: number; bins: ReliabilityBin[] }[];
  folds: { fold: number; train: number; test: number; calibration?: Record<string, number> }[];
};

/** Deterministic shuffle (mulberry32; no Math.random in core). */
export function shuffled<T>(xs: readonly T[], seed: number): T[] {
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = xs.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Train/test folds: "time" trains on the earliest two-thirds by start year. */
export function makeFolds(
  cases: readonly HistoricalCase[],
  split: 'time' | 'kfold',
  k: number,
  seed: number,
): { train: HistoricalCase[]; test: HistoricalCase[] }[] {
  if (split === 'time') {
    const sorted = [...cases].sort((a, b) => a.startYear - b.startYear || a.id.localeCompare(b.id));
    const cut = Math.round((sorted.length * 2) / 3);
    return [{ train: sorted.slice(0, cut), test: sorted.slice(cut) }];
  }
  const sh = shuffled(cases, seed);
  return Array.from({ length: k }, (_, f) => ({
    train: sh.filter((_, i) => i % k !== f),
    test: sh.filter((_, i) => i % k === f),
  }));
}

/**
 * The cases the calibration simulates: every COW war; every fourth UCDP episode, whatever its
 * ending or whether it is still on (their pooled durations meet the Kaplan–Meier curve; the
 * ending shares count only those that ended in agreement, ceasefire or victory).
 */
export function selectCalibrationCases(
  cow: readonly HistoricalCase[],
  ucdp: readonly HistoricalCase[],
): { cow: HistoricalCase[]; ucdp: HistoricalCase[] } {
  return { cow: [...cow], ucdp: ucdp.filter((_, i) => i % 4 === 0) };
}

/** Survival-function model → remaining-duration pmf given the war is on at checkpoint c (t = month index + ½). */
function pmfFromSurvival(S: (t: number) => number, c: number, H: number): number[] {
  const G = (k: number) => (k <= 0 ? 1 : S(k));
  const g0 = Math.max(G(c), 1e-12);
  return Array.from({ length: H - c }, (_, j) => Math.max(0, (G(c + j) - G(c + j + 1)) / g0));
}

const timeOf = (c: HistoricalCase) => c.months + 0.5;

type Baselines = {
  km: ReturnType<typeof kaplanMeier>;
  weibull: WeibullFit | null;
  cox: CoxFit | null;
  totalPmf: number[];
  victoryRate: number;
  logistic: ReturnType<typeof fitLogistic> | null;
};

function fitBaselines(train: HistoricalCase[], H: number): Baselines {
  const data = { time: train.map(timeOf), event: train.map((c) => (c.ended ? 1 : 0)) };
  const x = train.map(onsetCovariates);
  // drop covariates that do not vary in the training set (they make the information singular)
  const vary = x[0].map((_, j) => new Set(x.map((r) => r[j])).size > 1);
  const xs = x.map((r) => r.filter((_, j) => vary[j]));
  let weibull: WeibullFit | null = null;
  let cox: CoxFit | null = null;
  try {
    weibull = fitWeibull(xs, data);
  } catch {
    weibull = null;
  }
  try {
    cox = xs[0].length > 0 ? fitCox(xs, data) : null;
  } catch {
    cox = null;
  }
  const ended = train.filter((c) => c.ended);
  const totalPmf = new Array<number>(H).fill(0);
  for (const c of ended) totalPmf[Math.min(H - 1, c.months)] += 1 / ended.length;
  const known = train.filter((c) => c.ending !== null);
  const victoryRate =
    known.filter((c) => c.ending === 'victory').length / Math.max(1, known.length);
  let logistic: ReturnType<typeof fitLogistic> | null = null;
  try {
    logistic = fitLogistic(
      known.map((c) => onsetCovariates(c).filter((_, j) => vary[j])),
      known.map((c) => (c.ending === 'victory' ? 1 : 0)),
      { ridge: 0.1 },
    );
  } catch {
    logistic = null;
  }
  const fits: Baselines = { km: kaplanMeier(data), weibull, cox, totalPmf, victoryRate, logistic };
  (fits as Baselines & { vary: boolean[] }).vary = vary;
  return fits;
}

function baselineForecast(
  model: ModelName,
  b: Baselines,
  c: HistoricalCase,
  checkpoint: number,
  H: number,
): Forecast {
  const vary = (b as Baselines & { vary: boolean[] }).vary;
  const x = onsetCovariates(c).filter((_, j) => vary[j]);
  const pVictory = b.victoryRate;
  switch (model) {
    case 'base rate':
      // naive: the training distribution of total durations, ignoring how long the war has lasted
      return { remainingPmf: b.totalPmf.slice(0, H - checkpoint), pVictory };
    case 'Kaplan–Meier':
      return { remainingPmf: pmfFromSurvival((t) => survivalAt(b.km, t), checkpoint, H), pVictory };
    case 'Weibull AFT':
      return {
        remainingPmf: b.weibull
          ? pmfFromSurvival((t) => weibullSurvival(b.weibull!, x, t), checkpoint, H)
          : pmfFromSurvival((t) => survivalAt(b.km, t), checkpoint, H),
        pVictory: b.logistic ? predictLogistic(b.logistic, x) : pVictory,
      };
    case 'Cox PH':
      return {
        remainingPmf: b.cox
          ? pmfFromSurvival((t) => coxSurvival(b.cox!, x, t), checkpoint, H)
          : pmfFromSurvival((t) => survivalAt(b.km, t), checkpoint, H),
        pVictory: b.logistic ? predictLogistic(b.logistic, x) : pVictory,
      };
    default:
      throw new Error(`invalid baseline: ${model}`);
  }
}

function engineForecasts(
  cases: HistoricalCase[],
  p: { engine: EngineOverrides; builder: BuilderParams },
  opts: BacktestOptions,
): Map<string, (checkpoint: number) => Forecast> {
  const out = new Map<string, (checkpoint: number) => Forecast>();
  for (const c of cases) {
    const sim = simulateCase(c, {
      ...p,
      runs: opts.runs,
      horizonMonths: opts.horizonMonths,
      seed: opts.seed,
    });
    out.set(c.id, (checkpoint) => {
      const H = opts.horizonMonths;
      const pmf = new Array<number>(H - checkpoint).fill(0);
      let n = 0;
      let vic = 0;
      let ended = 0;
      for (let r = 0; r < sim.endMonth.length; r++) {
        const e = sim.endMonth[r];
        if (e >= 0 && e < checkpoint) continue;
        n++;
        if (e >= 0) {
          pmf[e - checkpoint]++;
          ended++;
          if (sim.ending[r] === 'victory') vic++;
        }
      }
      return { remainingPmf: pmf.map((v) => (n ? v / n : 0)), pVictory: ended ? vic / ended : 0.5 };
    });
  }
  return out;
}

const medianOf = (pmf: number[]) => {
  let acc = 0;
  for (let k = 0; k < pmf.length; k++) {
    acc += pmf[k];
    if (acc >= 0.5) return k;
  }
  return pmf.length;
};

type Collected = { y: number; ended: boolean; victory: number | null; f: Forecast };

export function runBacktest(
  all: { source: 'cow-interstate' | 'ucdp'; cases: HistoricalCase[] }[],
  opts: BacktestOptions,
  onProgress?: (msg: string, at: { source: string; fold: number; folds: number }) => void,
): BacktestResult {
  const H = opts.horizonMonths;
  const collected = new Map<string, Collected[]>(); // key source|checkpoint|model
  const key = (s: string, c: number, m: ModelName) => `${s}|${c}|${m}`;
  const folds: BacktestResult['folds'] = [];
  for (const { source, cases } of all) {
    const fs = makeFolds(cases, opts.split, opts.folds, opts.seed);
    fs.forEach((fold, fi) => {
      const baselines = fitBaselines(fold.train, H);
      let cal: { engine: EngineOverrides; builder: BuilderParams } | undefined = opts.calibrated;
      let calParams: Record<string, number> | undefined;
      if (!cal) {
        // calibrate on this training fold only: COW folds fit COW durations and victory share,
        // UCDP folds the episodes' durations (censored) and ending shares
        const trainCow = source === 'cow-interstate' ? fold.train : [];
        const trainUcdp = source === 'ucdp' ? fold.train : [];
        const targets = targetsFrom(trainCow, trainUcdp, opts.mediatedCeasefireShare);
        const sel = selectCalibrationCases(trainCow, trainUcdp);
        const r: CalibrationResult = calibrate({
          cow: sel.cow,
          ucdp: sel.ucdp,
          targets,
          runs: opts.calibration.runs,
          horizonMonths: H,
          seed: opts.seed,
          maxEvaluations: opts.calibration.evaluations,
          base: DEFAULT_BUILDER,
        });
        cal = { engine: r.engine, builder: r.builder };
        calParams = r.parameters;
      }
      folds.push({
        fold: fi,
        train: fold.train.length,
        test: fold.test.length,
        calibration: calParams,
      });
      onProgress?.(
        `${source} fold ${fi + 1}/${fs.length}: ${fold.train.length} train, ${fold.test.length} test`,
        { source, fold: fi + 1, folds: fs.length },
      );
      const calibrated = engineForecasts(fold.test, cal, opts);
      const literature = engineForecasts(
        fold.test,
        { engine: literatureEngine(), builder: DEFAULT_BUILDER },
        opts,
      );
      for (const c of fold.test)
        for (const checkpoint of opts.checkpoints) {
          if (c.months < checkpoint) continue;
          const y = c.months - checkpoint;
          const victory = c.ending === null ? null : c.ending === 'victory' ? 1 : 0;
          for (const model of MODELS) {
            const f =
              model === 'engine (calibrated on train)'
                ? calibrated.get(c.id)!(checkpoint)
                : model === 'engine (literature defaults)'
                  ? literature.get(c.id)!(checkpoint)
                  : baselineForecast(model, baselines, c, checkpoint, H);
            const k = key(source, checkpoint, model);
            collected.set(k, [...(collected.get(k) ?? []), { y, ended: c.ended, victory, f }]);
          }
        }
    });
  }
  const rows: ScoreRow[] = [];
  const reliability: BacktestResult['reliability'] = [];
  for (const { source } of all)
    for (const checkpoint of opts.checkpoints) {
      const naive = collected.get(key(source, checkpoint, 'base rate')) ?? [];
      const naiveEnded = naive.filter((c) => c.ended);
      const naiveMae =
        naiveEnded.reduce((s, c) => s + Math.abs(medianOf(c.f.remainingPmf) - c.y), 0) /
        Math.max(1, naiveEnded.length);
      for (const model of MODELS) {
        const cs = collected.get(key(source, checkpoint, model)) ?? [];
        if (cs.length === 0) continue;
        const ended = cs.filter((c) => c.ended);
        const crps =
          ended.reduce((s, c) => s + crpsDiscrete(c.f.remainingPmf, c.y), 0) /
          Math.max(1, ended.length);
        const mae =
          ended.reduce((s, c) => s + Math.abs(medianOf(c.f.remainingPmf) - c.y), 0) /
          Math.max(1, ended.length);
        const br: Record<string, number> = {};
        const bss: Record<string, number> = {};
        for (const h of opts.horizons) {
          const usable = cs.filter((c) => c.ended || c.y >= h);
          const p = usable.map((c) => c.f.remainingPmf.slice(0, h).reduce((s, v) => s + v, 0));
          const o = usable.map((c) => (c.ended && c.y < h ? 1 : 0));
          const nUsable = naive.filter((c) => c.ended || c.y >= h);
          const pn = nUsable.map((c) => c.f.remainingPmf.slice(0, h).reduce((s, v) => s + v, 0));
          br[h] = brier(p, o);
          bss[h] = 1 - br[h] / brier(pn, o);
          if (h === 12)
            reliability.push({ source, model, horizon: h, bins: reliabilityTable(p, o, 5) });
        }
        const risk = cs.map((c) => c.f.remainingPmf.slice(0, 12).reduce((s, v) => s + v, 0));
        const withOutcome = cs.filter((c) => c.victory !== null && c.ended);
        rows.push({
          source,
          checkpoint,
          model,
          n: cs.length,
          crps,
          maeMedian: mae,
          pre: proportionalReductionInError(mae, naiveMae),
          brier: br,
          brierSkill: bss,
          cIndex: cIndex(
            cs.map((c) => c.y),
            cs.map((c) => (c.ended ? 1 : 0)),
            risk,
          ),
          logScoreVictory: logScore(
            withOutcome.map((c) => [1 - c.f.pVictory, c.f.pVictory]),
            withOutcome.map((c) => c.victory!),
            0.01,
          ),
          nOutcome: withOutcome.length,
          pit: pitShares(cs.map((c) => ({ pmf: c.f.remainingPmf, month: c.y, event: c.ended }))),
          coverage80:
            ended.filter((c) => {
              const [lo, hi] = interval80(c.f.remainingPmf);
              return c.y >= lo && c.y <= hi;
            }).length / Math.max(1, ended.length),
        });
      }
    }
  const { calibrated: _c, ...options } = opts;
  return { options, rows, reliability, folds };
}

/** The printed table: one line per source, checkpoint and model. */
export function formatBacktestTable(r: BacktestResult): string {
  const hs = r.options.horizons;
  const head = [
    'source',
    'at',
    'model',
    'n',
    'CRPS',
    'MAE',
    'PRE',
    ...hs.map((h) => `BSS${h}`),
    'C',
    'logS(vic)',
    'cov80',
  ];
  const lines = [head];
  const f = (x: number, d = 3) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
  for (const row of r.rows)
    lines.push([
      row.source,
      `${row.checkpoint}m`,
      row.model,
      String(row.n),
      f(row.crps, 2),
      f(row.maeMedian, 1),
      f(row.pre, 2),
      ...hs.map((h) => f(row.brierSkill[h], 2)),
      f(row.cIndex, 2),
      f(row.logScoreVictory, 3),
      f(row.coverage80 ?? NaN, 2),
    ]);
  const widths = head.map((_, i) => Math.max(...lines.map((l) => l[i].length)));
  return lines
    .map((l) => l.map((c, i) => (i <= 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '))
    .join('\n');
}

/** Plain statements of where the engine loses to a baseline (lower CRPS, higher Brier skill or log score). */
export function engineLosses(r: BacktestResult): string[] {
  const out: string[] = [];
  for (const row of r.rows.filter((x) => x.model.startsWith('engine'))) {
    const peers = r.rows.filter(
      (x) =>
        x.source === row.source && x.checkpoint === row.checkpoint && !x.model.startsWith('engine'),
    );
    const better = (name: string, pick: (x: ScoreRow) => number, lowerIsBetter: boolean) => {
      const beats = peers
        .filter((p) => (lowerIsBetter ? pick(p) < pick(row) : pick(p) > pick(row)))
        .map((p) => p.model);
      if (beats.length)
        out.push(
          `${row.source} at ${row.checkpoint} months: ${row.model} loses on ${name} to ${beats.join(', ')}`,
        );
    };
    better('CRPS', (x) => x.crps, true);
    better('Brier skill at 12 months', (x) => x.brierSkill[12] ?? NaN, false);
    better('log score of victory', (x) => x.logScoreVictory, false);
  }
  return out;
}
