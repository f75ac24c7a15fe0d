/**
 * The run service behind /runs. Every run is simulated on the worker-thread pool (the event
 * loop never simulates). Small runs are awaited and answered in the request; large ones become
 * jobs: saved as queued, run one after another, with progress events for server-sent events.
 * On shutdown, drain() lets running jobs finish within a grace period and marks the rest failed,
 * so no job is left "running" in the store.
 */
import { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';
import { ENGINE_VERSION } from '../../engine/index.ts';
import { runScenarioParallel } from '../../jobs/localPool.ts';
import type { Scenario } from '../../model/index.ts';
import type { RunRecord, ScenarioVersion, Store } from '../../store/index.ts';
import type { ServerConfig } from '../config.ts';
import { httpError } from '../errors.ts';

export type RunRequest = { runs?: number; seed?: number; explainMonth?: number };

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
  settled?: Promise<void>;
};

export const SHUTDOWN_ERROR = 'the server shut down before this run finished; start it again';

export class RunService {
  private readonly jobs = new Map<string, Job>();
  private readonly queue: Job[] = [];
  private active = 0;
  private closing = false;
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly store: Store,
    private readonly config: ServerConfig,
    private readonly log: { error: (obj: object, msg: string) => void } = console,
  ) {}

  /** Applies the request's overrides and bounds; throws a 400 HttpError when out of bounds. */
  prepare(v: ScenarioVersion, req: RunRequest): Scenario {
    const runs = req.runs ?? v.scenario.settings.runs;
    if (runs > this.config.maxRuns)
      throw httpError(
        400,
        'too_many_runs',
        `${runs} runs requested; this server allows at most ${this.config.maxRuns} per run`,
        req.runs === undefined ? ['scenario', 'settings', 'runs'] : ['body', 'runs'],
      );
    const explainMonth = req.explainMonth ?? v.scenario.settings.explainMonth;
    if (explainMonth > v.scenario.settings.horizonMonths)
      throw httpError(
        400,
        'out_of_range',
        `explainMonth ${explainMonth} is after the horizon (${v.scenario.settings.horizonMonths})`,
        ['body', 'explainMonth'],
      );
    return {
      ...v.scenario,
      settings: {
        ...v.scenario.settings,
        runs,
        seed: req.seed ?? v.scenario.settings.seed,
        explainMonth,
      },
    };
  }

  isSync(s: Scenario): boolean {
    return s.settings.runs <= this.config.syncMaxRuns;
  }

  /** Simulates now and saves the finished run in one write; returns it with its result JSON. */
  async runNow(
    v: ScenarioVersion,
    s: Scenario,
  ): Promise<{ record: RunRecord; resultJson: string }> {
    if (this.closing) throw httpError(503, 'unavailable', 'the server is shutting down');
    const work = (async () => {
      const startedAt = new Date().toISOString();
      const t0 = performance.now();
      const result = await runScenarioParallel(s, {
        threads: this.config.threads,
        explainMonth: s.settings.explainMonth,
      });
      const durationMs = Math.round((performance.now() - t0) * 100) / 100;
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
    if (this.closing) throw httpError(503, 'unavailable', 'the server is shutting down');
    if (this.queue.length >= this.config.maxQueuedJobs)
      throw httpError(
        503,
        'busy',
        `${this.queue.length} runs are already waiting; try again later`,
      );
    const record = await this.store.createRun({ ...this.runFields(v, s), status: 'queued' });
    const job: Job = {
      record,
      scenario: s,
      events: new EventEmitter(),
      last: { type: 'progress', done: 0, total: s.settings.runs },
    };
    job.events.setMaxListeners(100);
    this.jobs.set(record.id, job);
    this.queue.push(job);
    this.pump();
    return record;
  }

  /** The live job (queued or running in this process), for server-sent events. */
  job(id: string): { last: JobEvent; events: EventEmitter } | undefined {
    return this.jobs.get(id);
  }

  private runFields(v: ScenarioVersion, s: Scenario) {
    return {
      scenarioId: v.id,
      scenarioVersion: v.version,
      scenarioHash: v.hash,
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

  private pump(): void {
    while (!this.closing && this.active < this.config.maxActiveJobs && this.queue.length > 0) {
      const job = this.queue.shift()!;
      this.active++;
      job.settled = this.execute(job).finally(() => {
        this.active--;
        this.pump();
      });
      this.track(job.settled);
    }
  }

  private emit(job: Job, e: JobEvent): void {
    job.last = e;
    job.events.emit('event', e);
  }

  private async execute(job: Job): Promise<void> {
    const id = job.record.id;
    try {
      await this.store.startRun(id);
      const t0 = performance.now();
      const result = await runScenarioParallel(job.scenario, {
        threads: this.config.threads,
        explainMonth: job.scenario.settings.explainMonth,
        onProgress: (done, total) => {
          if (job.last.type === 'progress') this.emit(job, { type: 'progress', done, total });
        },
      });
      if (job.last.type === 'failed') return; // failed by shutdown meanwhile
      await this.store.finishRun(
        id,
        JSON.stringify(result),
        Math.round((performance.now() - t0) * 100) / 100,
      );
      this.emit(job, { type: 'done', id });
    } catch (e) {
      if (job.last.type !== 'failed') {
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
   * Stops taking work; waits up to the grace period for running jobs and synchronous runs;
   * marks every job still queued or running as failed (in the store and to its listeners).
   */
  async drain(graceMs: number = this.config.shutdownGraceMs): Promise<void> {
    this.closing = true;
    for (const job of this.queue.splice(0)) await this.failJob(job);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all([...this.inFlight]),
      new Promise<void>((r) => {
        timer = setTimeout(r, graceMs);
      }),
    ]);
    clearTimeout(timer);
    for (const job of this.jobs.values()) if (job.last.type === 'progress') await this.failJob(job);
  }

  private async failJob(job: Job): Promise<void> {
    await this.store.failRun(job.record.id, SHUTDOWN_ERROR).catch(() => undefined);
    this.emit(job, { type: 'failed', id: job.record.id, error: SHUTDOWN_ERROR });
  }
}
