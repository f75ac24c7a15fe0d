/**
 * The coordinator of a distributed sweep: cuts the work into chunks (scenario × run range),
 * stores each scenario once in Redis, enqueues one BullMQ job per chunk with a deterministic id,
 * and collects the encoded results from the sweep's parts hash, where workers write them with
 * HSETNX (a chunk finished twice counts once). The coordinator keeps the plan and every part it
 * has read in memory, so when Redis comes back empty after a restart it stores the scenarios
 * again and re-enqueues exactly the chunks it does not hold; a rerun of the same sweep picks up
 * the parts still in Redis. Chunks that fail `attempts` times are reported with their error
 * while the others finish, so partial results survive.
 */
import { createHash } from 'node:crypto';
import { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { ENGINE_VERSION, inputHash } from '../../engine/index.ts';
import type { Scenario } from '../../model/index.ts';
import {
  attemptsFromEnv,
  chunkKey,
  DEFAULT_PREFIX,
  disconnect,
  jobId,
  KEY_TTL_SECONDS,
  partsKey,
  QUEUE_NAME,
  RedisLink,
  scenarioKey,
  type ChunkJob,
  type ChunkKind,
} from './protocol.ts';

export interface DistributedOptions {
  redis: string;
  prefix?: string;
  /** attempts per chunk before it counts as failed (default PARLEY_ATTEMPTS or 3) */
  attempts?: number;
  /** runs per chunk (default 2000: a few seconds of work, so queue overhead stays small) */
  chunkRuns?: number;
  explainMonth?: number;
  /** how often the parts hash is polled, ms */
  pollMs?: number;
  onProgress?: (doneRuns: number, totalRuns: number) => void;
  /** every chunk of scenario `cell` is in; `parts` in run order */
  onCell?: (cell: number, parts: Buffer[]) => void | Promise<void>;
  /** Redis came back empty: the scenarios were stored again and `requeued` chunks re-enqueued */
  onResume?: (requeued: number) => void;
  /** nothing has finished for 15 s and no worker is connected under this prefix (called once) */
  onNoWorkers?: () => void;
  /** called once the jobs are enqueued (tests use it to interfere at a known point) */
  onEnqueued?: (sweepId: string) => void | Promise<void>;
}

export interface ChunkFailure {
  cell: number;
  firstRun: number;
  runs: number;
  attempts: number;
  error: string;
}

export interface SweepOutcome {
  sweepId: string;
  /** parts per scenario in run order; undefined for a scenario with any chunk missing */
  cells: (Buffer[] | undefined)[];
  failures: ChunkFailure[];
  chunks: number;
}

export const DEFAULT_CHUNK_RUNS = 2000;

interface PlannedChunk extends ChunkJob {
  key: string;
}

/** Chunks of every scenario in (scenario, first run) order: the merge order of the result. */
export function planSweep(
  kind: ChunkKind,
  scenarios: readonly Scenario[],
  chunkRuns: number,
  explainMonth?: number,
): { sweepId: string; chunks: PlannedChunk[]; hashes: string[] } {
  const hashes = scenarios.map((s) => inputHash(s));
  const base: Omit<ChunkJob, 'sweepId'>[] = [];
  scenarios.forEach((s, cell) => {
    for (let first = 0; first < s.settings.runs; first += chunkRuns)
      base.push({
        kind,
        cell,
        firstRun: first,
        runs: Math.min(chunkRuns, s.settings.runs - first),
        inputHash: hashes[cell],
        explainMonth,
        engineVersion: ENGINE_VERSION,
      });
  });
  // content-addressed: the same sweep gets the same id, so a rerun reuses the parts in Redis
  const sweepId = createHash('sha256').update(JSON.stringify(base)).digest('hex').slice(0, 20);
  return {
    sweepId,
    hashes,
    chunks: base.map((c) => ({ ...c, sweepId, key: chunkKey(c) })),
  };
}

export async function runSweep(
  kind: ChunkKind,
  scenarios: readonly Scenario[],
  opts: DistributedOptions,
): Promise<SweepOutcome> {
  const chunkRuns = Math.max(1, opts.chunkRuns ?? DEFAULT_CHUNK_RUNS);
  const plan = planSweep(kind, scenarios, chunkRuns, opts.explainMonth);
  // bounded: an unreachable Redis ends the sweep with a RedisUnavailableError (exit 3 in the CLI)
  const link = new RedisLink(opts.redis);
  const sweep = new Sweep(link, scenarios, plan, opts);
  // every pending command fails once the link gives up, but no await may outlive it
  const gaveUp = link.failed.then((e) => Promise.reject(e));
  gaveUp.catch(() => undefined);
  const working = sweep.run();
  working.catch(() => undefined); // when the link wins the race, run's own rejection is moot
  try {
    return await Promise.race([working, gaveUp]);
  } catch (e) {
    throw link.failure ?? e;
  } finally {
    await sweep.close(link.failure !== undefined);
  }
}

/**
 * One sweep in progress: its plan, the parts held and the chunks given up on, and the Redis
 * connections (a plain client for the parts hash, BullMQ's queue and its event stream).
 */
class Sweep {
  private readonly prefix: string;
  private readonly attempts: number;
  private readonly pollMs: number;
  private readonly byKey: Map<string, PlannedChunk>;
  private readonly byCell: PlannedChunk[][];
  private readonly cellsLeft: number[];
  private readonly totalRuns: number;
  private readonly pKey: string;
  private readonly aliveKey: string;
  private readonly redis: Redis;
  private readonly queueConn: Redis;
  private readonly eventsConn: Redis;
  private readonly queue: Queue<ChunkJob>;
  private readonly events: QueueEvents;
  private readonly held = new Map<string, Buffer>();
  private readonly failed = new Map<string, ChunkFailure>();
  private doneRuns = 0;
  /** the parts hash's length at the last look: unchanged means nothing new to read */
  private lastLen = -1;

  constructor(
    link: RedisLink,
    private readonly scenarios: readonly Scenario[],
    private readonly plan: ReturnType<typeof planSweep>,
    private readonly opts: DistributedOptions,
  ) {
    this.prefix = opts.prefix ?? DEFAULT_PREFIX;
    this.attempts = opts.attempts ?? attemptsFromEnv();
    this.pollMs = opts.pollMs ?? 100;
    const { chunks, sweepId } = plan;
    this.byKey = new Map(chunks.map((c) => [c.key, c]));
    this.byCell = scenarios.map(() => []);
    for (const c of chunks) this.byCell[c.cell].push(c);
    this.cellsLeft = this.byCell.map((cs) => cs.length);
    this.totalRuns = chunks.reduce((s, c) => s + c.runs, 0);
    this.pKey = partsKey(this.prefix, sweepId);
    this.aliveKey = `${this.prefix}:sweep:${sweepId}:alive`;
    this.redis = link.client();
    this.queueConn = link.client();
    this.eventsConn = link.client();
    this.queue = new Queue<ChunkJob>(QUEUE_NAME, {
      connection: this.queueConn,
      prefix: this.prefix,
    });
    this.events = new QueueEvents(QUEUE_NAME, { connection: this.eventsConn, prefix: this.prefix });
    // outages are reported once by connect(); BullMQ would print every retry of its own clients
    this.queue.on('error', () => undefined);
    this.events.on('error', () => undefined);
    this.events.on('failed', this.onFailed);
  }

  private get settled(): number {
    return this.held.size + this.failed.size;
  }

  private open(): PlannedChunk[] {
    return this.plan.chunks.filter((c) => !this.held.has(c.key) && !this.failed.has(c.key));
  }

  /** Enqueues, then polls until every chunk is held or given up on. */
  async run(): Promise<SweepOutcome> {
    const { chunks, sweepId } = this.plan;
    await this.events.waitUntilReady();
    await this.storeScenarios();
    await this.collect(); // parts left by an earlier run of the same sweep
    this.opts.onProgress?.(this.doneRuns, this.totalRuns);
    await this.ensureQueued(chunks.filter((c) => !this.held.has(c.key)));
    await this.opts.onEnqueued?.(sweepId);
    await this.poll();
    // a last look: a part may have landed after its chunk was given up on
    this.lastLen = -1;
    await this.collect();
    const failures = [...this.failed.values()].sort(
      (a, b) => a.cell - b.cell || a.firstRun - b.firstRun,
    );
    // a finished sweep leaves nothing behind; a failed one keeps its parts for a rerun
    if (failures.length === 0) await this.redis.del(this.pKey, this.aliveKey);
    return {
      sweepId,
      cells: this.scenarios.map((_, cell) => this.partsOf(cell)),
      failures,
      chunks: chunks.length,
    };
  }

  /** The polling loop, with the checks for a Redis that lost its data and for stalled work. */
  private async poll(): Promise<void> {
    let lastAlive = Date.now();
    let lastMove = Date.now();
    let settled = this.settled;
    let warned = false;
    while (this.settled < this.plan.chunks.length) {
      await new Promise((r) => setTimeout(r, this.pollMs));
      await this.collect();
      if (this.settled !== settled) {
        settled = this.settled;
        lastMove = Date.now();
      }
      if (Date.now() - lastAlive > 2000) {
        await this.checkAlive();
        lastAlive = Date.now();
      }
      if (!warned && Date.now() - lastMove > 15_000 && (await this.queue.getWorkersCount()) === 0) {
        warned = true;
        this.opts.onNoWorkers?.();
      }
      // one job lookup per open chunk is costly on big sweeps: only when progress has stalled
      if (Date.now() - lastMove > 20_000) {
        await this.checkJobs();
        lastMove = Date.now();
      }
    }
  }

  private async storeScenarios(): Promise<void> {
    const { hashes } = this.plan;
    const seen = new Set<string>();
    const m = this.redis.multi();
    this.scenarios.forEach((s, i) => {
      if (seen.has(hashes[i])) return;
      seen.add(hashes[i]);
      // NX: a scenario is content-addressed, so an existing key already holds it
      m.set(scenarioKey(this.prefix, hashes[i]), JSON.stringify(s), 'EX', KEY_TTL_SECONDS, 'NX');
    });
    m.set(this.aliveKey, '1', 'EX', KEY_TTL_SECONDS);
    await m.exec();
  }

  private recordFailure(c: PlannedChunk, attemptsMade: number, reason: string): void {
    if (this.held.has(c.key) || this.failed.has(c.key)) return;
    this.failed.set(c.key, {
      cell: c.cell,
      firstRun: c.firstRun,
      runs: c.runs,
      attempts: attemptsMade,
      error: reason,
    });
  }

  /** Makes sure every chunk not held has a live job: failed leftovers of an earlier attempt are replaced. */
  private async ensureQueued(todo: PlannedChunk[]): Promise<void> {
    const add: PlannedChunk[] = [];
    await Promise.all(
      todo.map(async (c) => {
        const state = await this.queue.getJobState(jobId(c));
        if (state === 'failed' || state === 'completed') {
          // completed without a part means Redis lost the part; failed is a leftover of an earlier run
          const job = await this.queue.getJob(jobId(c));
          await job?.remove().catch(() => undefined);
          add.push(c);
        } else if (state === 'unknown') add.push(c);
      }),
    );
    if (add.length === 0) return;
    await this.queue.addBulk(
      add.map((c) => ({
        name: 'chunk',
        data: {
          sweepId: c.sweepId,
          kind: c.kind,
          cell: c.cell,
          firstRun: c.firstRun,
          runs: c.runs,
          inputHash: c.inputHash,
          explainMonth: c.explainMonth,
          engineVersion: c.engineVersion,
        },
        opts: {
          jobId: jobId(c),
          attempts: this.attempts,
          removeOnComplete: true,
          removeOnFail: { age: 24 * 3600 },
        },
      })),
    );
  }

  /** Reads the parts that landed since the last look; a cell complete goes to onCell. */
  private async collect(): Promise<void> {
    const { redis, pKey, byKey, held } = this;
    const len = await redis.hlen(pKey);
    if (len === this.lastLen) return;
    this.lastLen = len;
    const keys = (await redis.hkeys(pKey)).filter((k) => byKey.has(k) && !held.has(k));
    const bufs = await Promise.all(keys.map((k) => redis.hgetBuffer(pKey, k)));
    for (let i = 0; i < keys.length; i++) {
      const buf = bufs[i];
      if (!buf) continue;
      const c = byKey.get(keys[i])!;
      held.set(c.key, buf);
      this.failed.delete(c.key); // a late success of a chunk already given up on still counts
      this.doneRuns += c.runs;
      if (--this.cellsLeft[c.cell] === 0 && this.opts.onCell)
        await this.opts.onCell(c.cell, this.partsOf(c.cell)!);
    }
    if (keys.length > 0) this.opts.onProgress?.(this.doneRuns, this.totalRuns);
  }

  private partsOf(cell: number): Buffer[] | undefined {
    const out: Buffer[] = [];
    for (const c of this.byCell[cell]) {
      const b = this.held.get(c.key);
      if (!b) return undefined;
      out.push(b);
    }
    return out;
  }

  /** Redis lost its data (a restart without persistence): store the scenarios and re-enqueue. */
  private async checkAlive(): Promise<void> {
    if ((await this.redis.exists(this.aliveKey)) === 1) return;
    this.lastLen = -1;
    await this.storeScenarios();
    const todo = this.open();
    await this.ensureQueued(todo);
    this.opts.onResume?.(todo.length);
  }

  /** When nothing has moved for a while: jobs that vanished, or failures whose events were missed. */
  private async checkJobs(): Promise<void> {
    await Promise.all(
      this.open().map(async (c) => {
        const job = await this.queue.getJob(jobId(c));
        if (!job) {
          if ((await this.redis.hexists(this.pKey, c.key)) === 0) await this.ensureQueued([c]);
        } else if (await job.isFailed())
          this.recordFailure(c, job.attemptsMade, job.failedReason ?? 'unknown error');
      }),
    );
  }

  private readonly onFailed = ({ jobId: id }: { jobId: string }): void => {
    if (!id.startsWith(`${this.plan.sweepId}:`)) return;
    const [, cell, first] = id.split(':');
    const c = this.byKey.get(`${cell}:${first}`);
    if (!c) return;
    void this.queue
      .getJob(id)
      .then(async (job) => {
        if (job && (await job.isFailed()))
          this.recordFailure(c, job.attemptsMade, job.failedReason ?? 'unknown error');
      })
      .catch(() => undefined);
  };

  /** Closes the connections; after the link gave up they are closed already (may fail, not hang). */
  async close(linkFailed: boolean): Promise<void> {
    this.events.off('failed', this.onFailed);
    // drop the blocking event reader first: a polite QUIT would wait out its blocking read
    disconnect(this.eventsConn);
    await this.events.close().catch(() => undefined);
    await (linkFailed ? this.queue.close().catch(() => undefined) : this.queue.close());
    for (const c of [this.redis, this.queueConn]) disconnect(c);
  }
}

/** A one-line message naming the first failed chunk and its error, for the CLI. */
export function describeFailures(
  failures: ChunkFailure[],
  labels?: (cell: number) => string,
): string {
  const f = failures[0];
  const where = labels ? labels(f.cell) : `scenario ${f.cell}`;
  const more = failures.length > 1 ? ` (and ${failures.length - 1} more failed chunks)` : '';
  return `chunk ${f.cell}:${f.firstRun} (${where}, runs ${f.firstRun}–${f.firstRun + f.runs - 1}) failed after ${f.attempts} attempts: ${f.error}${more}`;
}

export type { Redis };
