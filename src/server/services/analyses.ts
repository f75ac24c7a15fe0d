/**
 * Comparisons, sensitivity analyses and sweeps for the API: the same functions `parley compare`,
 * `parley sensitivity` and `parley sweep` call (src/jobs/analyses.ts; worker-thread pool, common
 * random numbers), saved to the store with the scenario version they ran on. Issues become 400s.
 * Each computes through the server's one compute queue (bounded; dropped or stopped when the
 * client goes away).
 */
import {
  gridDesign,
  parseDesignParams,
  randomDesign,
  withValues,
  summariseRecords,
  type Comparison,
  type MetricId,
  type Morris,
  type Tornado,
} from '../../analysis/index.ts';
import { mulberry32 } from '../../history/stats.ts';
import { simulateRecordsMany } from '../../jobs/recordsPool.ts';
import { runComparison, runMorris, runTornado, sensitivityFactors } from '../../jobs/analyses.ts';
import type { RecordSet } from '../../analysis/outcomes.ts';
import type { Result, Scenario } from '../../model/index.ts';
import type { AnalysisRecord, ScenarioVersion, Store } from '../../store/index.ts';
import { httpError, HttpError } from '../errors.ts';
import type { ComputeQueue } from './computeQueue.ts';
import { applyOverrides } from './runs.ts';
import type { RunOverrides } from '../../contracts/index.ts';

/** The run overrides an analysis takes (src/contracts/runOverrides.ts). */
export type AnalysisOverrides = Pick<RunOverrides, 'runs' | 'seed'>;
/** the client of the request: when it goes away the analysis is dropped or stopped */
type Client = { signal?: AbortSignal };

/** The scenario with the analysis' runs and seed; a 400 naming the field when they do not fit. */
const withOverrides = (s: Scenario, o: AnalysisOverrides): Scenario =>
  applyOverrides(s, { runs: o.runs, seed: o.seed }, ['scenario']);

/** Issues from an analysis become a 400 whose paths point into the scenario. */
function orBadRequest<T>(r: Result<T>): T {
  if (!r.ok)
    throw new HttpError(
      400,
      r.issues.map((i) => ({ code: i.code, path: ['scenario', ...i.path], message: i.message })),
    );
  return r.value;
}

export class AnalysisService {
  constructor(
    private readonly store: Store,
    private readonly compute: ComputeQueue,
    private readonly threads: number,
    private readonly maxRuns: number,
  ) {}

  /** Runs `fn` in a slot of the compute queue, with a simulator that stops on abort. */
  private computing<T>(
    what: string,
    runs: number,
    client: Client,
    fn: (simulate: (scenarios: readonly Scenario[]) => Promise<RecordSet[]>) => Promise<T>,
  ): Promise<T> {
    return this.compute.run({ kind: 'request', runs, what, signal: client.signal }, (signal) =>
      fn((scenarios) => simulateRecordsMany(scenarios, { threads: this.threads, signal })),
    );
  }

  private bound(v: ScenarioVersion, o: AnalysisOverrides, points: number): Scenario {
    const s = withOverrides(v.scenario, o);
    if (s.settings.runs * points > this.maxRuns)
      throw httpError(
        400,
        'too_many_runs',
        `${points} variants or points × ${s.settings.runs} runs exceeds ${this.maxRuns} runs per analysis; ask for fewer runs`,
        ['body', 'runs'],
      );
    return s;
  }

  async compare(
    v: ScenarioVersion,
    o: AnalysisOverrides & { bootstrap?: number },
    client: Client = {},
  ): Promise<{ analysis: AnalysisRecord; comparison: Comparison }> {
    const points = 1 + (v.scenario.variants?.length ?? 0);
    const s = this.bound(v, o, points);
    const comparison = orBadRequest(
      await this.computing('a comparison', points * s.settings.runs, client, (threads) =>
        runComparison(s, [], { threads, bootstrap: o.bootstrap ?? 200 }),
      ),
    );
    if (!comparison)
      throw httpError(400, 'no_variants', `scenario ${v.id} has no variants to compare`, [
        'scenario',
        'variants',
      ]);
    const analysis = await this.store.saveAnalysis({
      kind: 'comparison',
      scenarioId: v.id,
      scenarioVersion: v.version,
      params: { runs: s.settings.runs, seed: s.settings.seed, bootstrap: comparison.bootstrap },
      summary: { baselineId: comparison.baselineId, ranking: comparison.ranking },
      rows: comparison.variants,
    });
    return { analysis, comparison };
  }

  async sensitivity(
    v: ScenarioVersion,
    o: AnalysisOverrides & {
      outcome: MetricId;
      method: 'tornado' | 'morris';
      trajectories: number;
    },
    client: Client = {},
  ): Promise<{ analysis: AnalysisRecord; tornado?: Tornado; morris?: Morris }> {
    const factors = orBadRequest(sensitivityFactors(v.scenario));
    const common = { scenarioId: v.id, scenarioVersion: v.version, kind: 'sensitivity' as const };
    if (o.method === 'morris') {
      const points = o.trajectories * (factors.length + 1);
      const s = this.bound(v, o, points);
      const morris = orBadRequest(
        await this.computing('a Morris screening', points * s.settings.runs, client, (threads) =>
          runMorris(s, factors, threads, o.trajectories, o.outcome),
        ),
      );
      const analysis = await this.store.saveAnalysis({
        ...common,
        params: {
          method: 'morris',
          runs: s.settings.runs,
          seed: s.settings.seed,
          outcome: o.outcome,
          trajectories: o.trajectories,
        },
        summary: {
          rankedBy: morris.rankedBy,
          trajectories: morris.trajectories,
          levels: morris.levels,
        },
        rows: morris.effects,
      });
      return { analysis, morris };
    }
    const points = 1 + 2 * factors.length;
    const s = this.bound(v, o, points);
    const tornado = orBadRequest(
      await this.computing('a tornado', points * s.settings.runs, client, (threads) =>
        runTornado(s, factors, threads, o.outcome),
      ),
    );
    const analysis = await this.store.saveAnalysis({
      ...common,
      params: {
        method: 'tornado',
        runs: s.settings.runs,
        seed: s.settings.seed,
        outcome: o.outcome,
      },
      summary: { base: tornado.base, rankedBy: tornado.rankedBy },
      rows: tornado.bars,
    });
    return { analysis, tornado };
  }

  /** A grid (`path=v1,v2`) or seeded random design (`path=low:high`, with `random: N`) over the scenario. */
  async sweep(
    v: ScenarioVersion,
    o: AnalysisOverrides & { params: string[]; random?: number },
    client: Client = {},
  ): Promise<{ analysis: AnalysisRecord; cells: number }> {
    const parsed = parseDesignParams(o.params, o.random !== undefined);
    if (!parsed.ok)
      throw new HttpError(
        400,
        parsed.issues.map((i) => ({
          code: i.code,
          path: ['body', 'params', ...i.path],
          message: i.message,
        })),
      );
    const base = withOverrides(v.scenario, o);
    const cells =
      o.random !== undefined
        ? randomDesign(parsed.value.factors, o.random, mulberry32(base.settings.seed))
        : gridDesign(parsed.value.grid);
    if (cells.length > MAX_SWEEP_CELLS)
      throw httpError(
        400,
        'too_many_cells',
        `${cells.length} cells; a sweep over HTTP has at most ${MAX_SWEEP_CELLS}`,
        ['body', 'params'],
      );
    const s = this.bound(v, o, cells.length);
    const scenarios: Scenario[] = [];
    for (const c of cells) {
      const r = withValues(s, c.values);
      if (!r.ok)
        throw new HttpError(
          400,
          r.issues.map((i) => ({
            code: i.code,
            path: ['cell', c.index, ...i.path],
            message: i.message,
          })),
        );
      scenarios.push(r.value);
    }
    const records = await this.computing(
      `a sweep of ${cells.length} cells`,
      cells.length * s.settings.runs,
      client,
      (simulate) => simulate(scenarios),
    );
    const rows = cells.map((c, k) => ({
      cell: c.index,
      ...Object.fromEntries(c.values.map((x) => [x.path, x.value])),
      ...summariseRecords(records[k]),
    }));
    const analysis = await this.store.saveAnalysis({
      kind: 'sweep',
      scenarioId: v.id,
      scenarioVersion: v.version,
      params: {
        runs: s.settings.runs,
        seed: s.settings.seed,
        params: o.params,
        random: o.random ?? null,
      },
      summary: { cells: cells.length, design: o.random !== undefined ? 'random' : 'grid' },
      rows,
    });
    return { analysis, cells: cells.length };
  }
}

/** Sweeps over HTTP are bounded; larger designs belong to `parley sweep` (resumable). */
export const MAX_SWEEP_CELLS = 200;
