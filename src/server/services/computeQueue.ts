/**
 * The one queue every computation of the server goes through: synchronous runs, run jobs,
 * comparisons, sensitivity analyses, sweeps and reports. Without it each request simulated
 * inside itself, as many at once as clients sent (one burst queued 5.8 M runs and /health took
 * 15.9 s). Here at most `maxActive` units of work run at once (of which at most `maxActiveJobs`
 * are background run jobs, so a long job never takes the last slot from interactive requests);
 * at most `maxQueued` wait, holding at most `maxQueuedRuns` runs between them. Work beyond that
 * is refused at once with 503 + Retry-After. Work whose client has gone is dropped from the
 * queue, or aborted through its signal when it already runs; on shutdown the waiting work is
 * refused and the running work gets a grace period, then its signal.
 */
import { HttpError } from '../errors.ts';

export type ComputeLimits = {
  /** units of work running at once */
  maxActive: number;
  /** of those, background run jobs (202) at most */
  maxActiveJobs: number;
  /** units of work waiting; more get 503 */
  maxQueued: number;
  /** runs held by the waiting work together; more get 503 */
  maxQueuedRuns: number;
  /** the Retry-After of a 503 busy answer, in seconds */
  retryAfterSec: number;
};

export type Work = {
  /** 'request': a client waits for the answer; 'job': a run job followed by events */
  kind: 'request' | 'job';
  /** simulation runs this work does (0 for reports): bounds what may wait */
  runs: number;
  /** what the work is, for the busy message */
  what: string;
  /** aborted when the client goes away */
  signal?: AbortSignal;
};

type Entry = {
  work: Work;
  controller: AbortController;
  start: () => void;
  reject: (e: unknown) => void;
};

const unavailable = (code: string, message: string, retryAfterSec?: number) =>
  new HttpError(503, [{ code, path: [], message }], retryAfterSec);

/** The reason a unit of work is aborted when the server shuts down. */
export const shuttingDown = () =>
  unavailable('shutting_down', 'the server is shutting down; try again in a moment', 5);

/** The reason a unit of work is dropped when its client closed the connection. */
export const clientGone = () =>
  unavailable('client_gone', 'the client closed the connection before the answer');

const asError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));

export class ComputeQueue {
  private readonly waiting: Entry[] = [];
  private readonly running = new Set<Entry>();
  private activeJobs = 0;
  private queuedRuns = 0;
  private closing = false;
  /** work started and dropped, for tests and the bench */
  readonly counts = { started: 0, dropped: 0, refused: 0 };

  constructor(private readonly limits: ComputeLimits) {}

  get active(): number {
    return this.running.size;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /**
   * Runs `fn` when a slot is free; refuses at once (throws, synchronously) with a 503 when the
   * queue is full or the server is closing. `fn` gets a signal that aborts when the client goes
   * away or the shutdown grace period ends.
   */
  run<T>(work: Work, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.closing) throw shuttingDown();
    if (work.signal?.aborted) throw clientGone();
    // a free slot means nothing eligible waits (pump starts waiting work as slots free up)
    const startsNow = this.eligible(work);
    if (!startsNow) this.admit(work);
    return new Promise<T>((resolve, reject) => {
      const controller = new AbortController();
      const entry: Entry = {
        work,
        controller,
        reject,
        start: () => {
          this.running.add(entry);
          if (work.kind === 'job') this.activeJobs++;
          this.counts.started++;
          // async: a synchronous throw of fn becomes a rejection too
          (async () => fn(controller.signal))()
            .then(resolve, (e: unknown) =>
              // an aborted computation reports why it was aborted, not how the pool stopped it
              reject(asError(controller.signal.aborted ? controller.signal.reason : e)),
            )
            .finally(() => {
              work.signal?.removeEventListener('abort', onGone);
              this.running.delete(entry);
              if (work.kind === 'job') this.activeJobs--;
              this.pump();
            });
        },
      };
      const onGone = () => {
        const i = this.waiting.indexOf(entry);
        if (i >= 0) {
          // never started: nothing to stop, only to forget
          this.waiting.splice(i, 1);
          this.queuedRuns -= work.runs;
          this.counts.dropped++;
          reject(clientGone());
          this.pump();
        } else controller.abort(clientGone());
      };
      work.signal?.addEventListener('abort', onGone, { once: true });
      if (startsNow) entry.start();
      else {
        this.waiting.push(entry);
        this.queuedRuns += work.runs;
      }
    });
  }

  /**
   * Stops taking work: refuses everything waiting, lets running work finish within `graceMs`,
   * then aborts it and waits (at most `abortWaitMs`) for it to stop.
   */
  async drain(graceMs: number, abortWaitMs = 5_000): Promise<void> {
    this.closing = true;
    for (const entry of this.waiting.splice(0)) entry.reject(shuttingDown());
    this.queuedRuns = 0;
    if (!(await this.idleWithin(graceMs)))
      for (const entry of this.running) entry.controller.abort(shuttingDown());
    await this.idleWithin(abortWaitMs);
  }

  private async idleWithin(ms: number): Promise<boolean> {
    const until = Date.now() + ms;
    while (this.running.size > 0 && Date.now() < until)
      await new Promise((r) => setTimeout(r, Math.min(20, until - Date.now())));
    return this.running.size === 0;
  }

  private eligible(work: Work): boolean {
    if (this.running.size >= this.limits.maxActive) return false;
    return work.kind === 'request' || this.activeJobs < this.limits.maxActiveJobs;
  }

  private admit(work: Work): void {
    const full = this.waiting.length >= this.limits.maxQueued;
    const tooManyRuns =
      this.waiting.length > 0 && this.queuedRuns + work.runs > this.limits.maxQueuedRuns;
    if (!full && !tooManyRuns) return;
    this.counts.refused++;
    throw unavailable(
      'busy',
      full
        ? `the server is busy: ${this.running.size} computations running and ${this.waiting.length} waiting (at most ${this.limits.maxQueued}); ${work.what} was not started, try again in ${this.limits.retryAfterSec} s`
        : `the server is busy: ${this.queuedRuns} runs are waiting (at most ${this.limits.maxQueuedRuns}); ${work.what} was not started, try again in ${this.limits.retryAfterSec} s`,
      this.limits.retryAfterSec,
    );
  }

  /** Starts waiting work, oldest first, as slots free up (a job waits only for a job slot). */
  private pump(): void {
    for (let i = 0; i < this.waiting.length && this.running.size < this.limits.maxActive;) {
      const entry = this.waiting[i];
      if (!this.eligible(entry.work)) {
        i++;
        continue;
      }
      this.waiting.splice(i, 1);
      this.queuedRuns -= entry.work.runs;
      entry.start();
    }
  }
}
