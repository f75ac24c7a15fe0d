/**
 * The run service behind /runs. Every run is simulated on the worker-thread pool, through the
 * server's one compute queue (computeQueue.ts), which bounds how many run and wait. Small runs
 * are awaited and answered in the request (and dropped or stopped when the client goes away);
 * large ones become jobs: saved as queued, run in turn, with progress events for server-sent
 * events. On shutdown, drain() lets running work finish within a grace period and marks the rest
 * failed, so no job is left "running" in the store.
 */
import { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';
import { ENGINE_VERSION, scenarioHash } from '../../engine/index.ts';
import { runScenarioParallel } from '../../jobs/localPool.ts';
import { boundIssues, type Scenario } from '../../model/index.ts';
import { withOverrides, type Issue, type RunOverrides } from '../../contracts/index.ts';
import type { RunRecord, ScenarioVersion, Store } from '../../store/index.ts';
import type { ServerConfig } from '../config.ts';
import { HttpError, httpError } from '../errors.ts';
import { shuttingDown, type ComputeQueue } from './computeQueue.ts';

export type JobEvent =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; id: string }
  | { type: 'failed'; id: string; error: string };

type Job = {
  record: RunRecord;
  scenario: Scenario;
  explainMonth?: number;
  events: EventEmitter;
  last: JobEvent;
};

export const SHUTDOWN_ERROR = 'the server shut down before this run finished; start it again';

export class RunService {
  private readonly jobs = new Map<string, Job>();
  private closing = false;
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly store: Store,
    private readonly config: ServerConfig,
    private readonly compute: ComputeQueue,
    private readonly log: { error: (obj: object, msg: string) => void } = console,
  ) {}

  /**
   * Applies the request's run overrides (the same as the CLI's, src/contracts/runOverrides.ts)
   * and the server's bound on runs; throws a 400 HttpError naming the field when out of bounds.
   */
  prepare(v: ScenarioVersion, req: RunOverrides): Scenario {
    const runs = req.runs ?? v.scenario.settings.runs;
    if (runs > this.config.maxRuns)
      throw httpError(
        400,
        'too_many_runs',
        `${runs} runs requested; this server allows at most ${this.config.maxRuns} per run`,
        req.runs === undefined ? ['scenario', 'settings', 'runs'] : ['body', 'runs'],
      );
    return applyOverrides(v.scenario, req, ['scenario']);
  }

  isSync(s: Scenario): boolean {
    return s.settings.runs <= this.config.syncMaxRuns;
  }

  /**
   * Simulates when the queue has a slot and saves the finished run in one write; returns it with
   * its result JSON. `signal`: the client went away (the run is dropped or stopped, nothing saved).
   */
  async runNow(
    v: ScenarioVersion,
    s: Scenario,
    signal?: AbortSignal,
  ): Promise<{ record: RunRecord; resultJson: string }> {
    if (this.closing) throw shuttingDown();
    const computed = this.compute.run(
      { kind: 'request', runs: s.settings.runs, what: `a run of ${s.settings.runs}`, signal },
      async (abort) => {
        const startedAt = new Date().toISOString();
        const t0 = performance.now();
        const result = await runScenarioParallel(s, {
          threads: this.config.threads,
          explainMonth: s.settings.explainMonth,
          signal: abort,
        });
        return { result, startedAt, durationMs: Math.round((performance.now() - t0) * 100) / 100 };
      },
    );
    const work = (async () => {
      const { result, startedAt, durationMs } = await computed;
      const resultJson = JSON.stringify(result);
      const record = await this.store.createRun({
        ...this.runFields(v, s),
        status: 'done',
        resultJson,
        startedAt,
        durationMs,
      });
      return { record, resultJson };
    })();
    this.track(work);
    return work;
  }

  /** Saves a queued run and schedules it; progress and the end are emitted on events(id). */
  async enqueue(v: ScenarioVersion, s: Scenario): Promise<RunRecord> {
    if (this.closing) throw shuttingDown();
    let job: Job | undefined;
    let saved!: (ok: boolean) => void;
    const stored = new Promise<boolean>((r) => (saved = r));
    // admitted (or refused with 503) before anything is stored, so the bound cannot be raced
    const done = this.compute.run(
      { kind: 'job', runs: s.settings.runs, what: `a job of ${s.settings.runs} runs` },
      async (signal) => {
        if ((await stored) && job) await this.execute(job, signal);
      },
    );
    this.track(
      done.catch(async () => {
        // refused while waiting (shutdown): the job never ran
        if (job && job.last.type === 'progress') await this.failJob(job);
      }),
    );
    try {
      const record = await this.store.createRun({ ...this.runFields(v, s), status: 'queued' });
      job = {
        record,
        scenario: s,
        events: new EventEmitter(),
        last: { type: 'progress', done: 0, total: s.settings.runs },
      };
      // every stream of a run listens here; their number is bounded (streams.ts)
      job.events.setMaxListeners(this.config.maxStreamsPerRun + 1);
      this.jobs.set(record.id, job);
      saved(true);
      return record;
    } catch (e) {
      saved(false);
      throw e;
    }
  }

  /** The live job (queued or running in this process), for server-sent events. */
  job(id: string): { last: JobEvent; events: EventEmitter } | undefined {
    return this.jobs.get(id);
  }

  private runFields(v: ScenarioVersion, s: Scenario) {
    return {
      scenarioId: v.id,
      scenarioVersion: v.version,
      // the scenario as run, without its settings: the same hash as the result's meta
      scenarioHash: scenarioHash(s),
      seed: s.settings.seed,
      runs: s.settings.runs,
      engineVersion: ENGINE_VERSION,
    };
  }

  private track(p: Promise<unknown>): void {
    const settled = p.then(
      () => undefined,
      () => undefined,
    );
    this.inFlight.add(settled);
    void settled.then(() => this.inFlight.delete(settled));
  }

  private emit(job: Job, e: JobEvent): void {
    job.last = e;
    job.events.emit('event', e);
  }

  private async execute(job: Job, signal: AbortSignal): Promise<void> {
    const id = job.record.id;
    try {
      if (job.last.type !== 'progress') return; // failed by shutdown meanwhile
      await this.store.startRun(id);
      const t0 = performance.now();
      const result = await runScenarioParallel(job.scenario, {
        threads: this.config.threads,
        explainMonth: job.scenario.settings.explainMonth,
        signal,
        onProgress: (done, total) => {
          if (job.last.type === 'progress') this.emit(job, { type: 'progress', done, total });
        },
      });
      if ((job.last as JobEvent).type === 'failed') return; // failed by shutdown meanwhile
      await this.store.finishRun(
        id,
        JSON.stringify(result),
        Math.round((performance.now() - t0) * 100) / 100,
      );
      this.emit(job, { type: 'done', id });
    } catch (e) {
      if (signal.aborted) await this.failJob(job);
      else if (job.last.type !== 'failed') {
        this.log.error({ err: e, runId: id }, 'run failed');
        await this.store.failRun(id, 'the simulation failed').catch(() => undefined);
        this.emit(job, { type: 'failed', id, error: 'the simulation failed' });
      }
    } finally {
      // keep the finished job briefly so late SSE subscribers see the end without a store read
      setTimeout(() => this.jobs.delete(id), 1000).unref();
    }
  }

  /**
   * Stops taking work; the compute queue refuses what waits and gives running work the grace
   * period; then the runs' own store writes finish, and every job still queued or running is
   * marked failed (in the store and to its listeners).
   */
  async drain(graceMs: number = this.config.shutdownGraceMs): Promise<void> {
    this.closing = true;
    await this.compute.drain(graceMs);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all([...this.inFlight]),
      new Promise<void>((r) => {
        timer = setTimeout(r, 5_000);
      }),
    ]);
    clearTimeout(timer);
    for (const job of this.jobs.values()) if (job.last.type === 'progress') await this.failJob(job);
  }

  private async failJob(job: Job): Promise<void> {
    if (job.last.type !== 'progress') return;
    this.emit(job, { type: 'failed', id: job.record.id, error: SHUTDOWN_ERROR });
    await this.store.failRun(job.record.id, SHUTDOWN_ERROR).catch(() => undefined);
  }
}

/**
 * `scenario` with the run overrides applied and validated again; a 400 HttpError when they do
 * not fit it, naming `body.<key>` for an overridden setting and `<at>.…` for the rest.
 */
export function applyOverrides(
  scenario: Scenario,
  overrides: RunOverrides,
  at: Issue['path'],
): Scenario {
  const r = withOverrides(scenario, overrides);
  if (r.ok) return r.value;
  const overridden = (path: Issue['path']) =>
    path[0] === 'settings' && overrides[path[1] as keyof RunOverrides] !== undefined;
  throw new HttpError(
    400,
    boundIssues(r.issues).map((i) => ({
      code: i.code,
      message: i.message,
      path: overridden(i.path) ? ['body', i.path[1]] : [...at, ...i.path],
    })),
  );
}
