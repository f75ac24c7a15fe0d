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
  const prefix = opts.prefix ?? DEFAULT_PREFIX;
  const attempts = opts.attempts ?? attemptsFromEnv();
  const chunkRuns = Math.max(1, opts.chunkRuns ?? DEFAULT_CHUNK_RUNS);
  const pollMs = opts.pollMs ?? 100;
  const { sweepId, chunks, hashes } = planSweep(kind, scenarios, chunkRuns, opts.explainMonth);
  const byKey = new Map(chunks.map((c) => [c.key, c]));
  const totalRuns = chunks.reduce((s, c) => s + c.runs, 0);
  const pKey = partsKey(prefix, sweepId);
  const aliveKey = `${prefix}:sweep:${sweepId}:alive`;

  // bounded: an unreachable Redis ends the sweep with a RedisUnavailableError (exit 3 in the CLI)
  const link = new RedisLink(opts.redis);
  const redis = link.client();
  const queueConn = link.client();
  const eventsConn = link.client();
  const queue = new Queue<ChunkJob>(QUEUE_NAME, { connection: queueConn, prefix });
  const events = new QueueEvents(QUEUE_NAME, { connection: eventsConn, prefix });
  // outages are reported once by connect(); BullMQ would print every retry of its own clients
  queue.on('error', () => undefined);
  events.on('error', () => undefined);

  const held = new Map<string, Buffer>();
  const failed = new Map<string, ChunkFailure>();
  const byCell: PlannedChunk[][] = scenarios.map(() => []);
  for (const c of chunks) byCell[c.cell].push(c);
  const cellsLeft = byCell.map((cs) => cs.length);
  let doneRuns = 0;

  const storeScenarios = async () => {
    const seen = new Set<string>();
    const m = redis.multi();
    scenarios.forEach((s, i) => {
      if (seen.has(hashes[i])) return;
      seen.add(hashes[i]);
      // NX: a scenario is content-addressed, so an existing key already holds it
      m.set(scenarioKey(prefix, hashes[i]), JSON.stringify(s), 'EX', KEY_TTL_SECONDS, 'NX');
    });
    m.set(aliveKey, '1', 'EX', KEY_TTL_SECONDS);
    await m.exec();
  };

  const recordFailure = (c: PlannedChunk, attemptsMade: number, reason: string) => {
    if (held.has(c.key) || failed.has(c.key)) return;
    failed.set(c.key, {
      cell: c.cell,
      firstRun: c.firstRun,
      runs: c.runs,
      attempts: attemptsMade,
      error: reason,
    });
  };

  /** Makes sure every chunk not held has a live job: failed leftovers of an earlier attempt are replaced. */
  const ensureQueued = async (todo: PlannedChunk[]) => {
    const add: PlannedChunk[] = [];
    await Promise.all(
      todo.map(async (c) => {
        const state = await queue.getJobState(jobId(c));
        if (state === 'failed' || state === 'completed') {
          // completed without a part means Redis lost the part; failed is a leftover of an earlier run
          const job = await queue.getJob(jobId(c));
          await job?.remove().catch(() => undefined);
          add.push(c);
        } else if (state === 'unknown') add.push(c);
      }),
    );
    if (add.length === 0) return;
    await queue.addBulk(
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
          attempts,
          removeOnComplete: true,
          removeOnFail: { age: 24 * 3600 },
        },
      })),
    );
  };

  let lastLen = -1;
  const collect = async () => {
    const len = await redis.hlen(pKey);
    if (len === lastLen) return;
    lastLen = len;
    const keys = (await redis.hkeys(pKey)).filter((k) => byKey.has(k) && !held.has(k));
    const bufs = await Promise.all(keys.map((k) => redis.hgetBuffer(pKey, k)));
    for (let i = 0; i < keys.length; i++) {
      const buf = bufs[i];
      if (!buf) continue;
      const c = byKey.get(keys[i])!;
      held.set(c.key, buf);
      failed.delete(c.key); // a late success of a chunk already given up on still counts
      doneRuns += c.runs;
      if (--cellsLeft[c.cell] === 0 && opts.onCell) await opts.onCell(c.cell, partsOf(c.cell)!);
    }
    if (keys.length > 0) opts.onProgress?.(doneRuns, totalRuns);
  };

  const partsOf = (cell: number): Buffer[] | undefined => {
    const out: Buffer[] = [];
    for (const c of byCell[cell]) {
      const b = held.get(c.key);
      if (!b) return undefined;
      out.push(b);
    }
    return out;
  };

  /** Redis lost its data (a restart without persistence): store the scenarios and re-enqueue. */
  const checkAlive = async () => {
    if ((await redis.exists(aliveKey)) === 1) return;
    lastLen = -1;
    await storeScenarios();
    const todo = chunks.filter((c) => !held.has(c.key) && !failed.has(c.key));
    await ensureQueued(todo);
    opts.onResume?.(todo.length);
  };

  /** When nothing has moved for a while: jobs that vanished, or failures whose events were missed. */
  const checkJobs = async () => {
    const open = chunks.filter((c) => !held.has(c.key) && !failed.has(c.key));
    await Promise.all(
      open.map(async (c) => {
        const job = await queue.getJob(jobId(c));
        if (!job) {
          if ((await redis.hexists(pKey, c.key)) === 0) await ensureQueued([c]);
        } else if (await job.isFailed())
          recordFailure(c, job.attemptsMade, job.failedReason ?? 'unknown error');
      }),
    );
  };

  const onFailed = ({ jobId: id }: { jobId: string }) => {
    if (!id.startsWith(`${sweepId}:`)) return;
    const [, cell, first] = id.split(':');
    const c = byKey.get(`${cell}:${first}`);
    if (!c) return;
    void queue
      .getJob(id)
      .then(async (job) => {
        if (job && (await job.isFailed()))
          recordFailure(c, job.attemptsMade, job.failedReason ?? 'unknown error');
      })
      .catch(() => undefined);
  };
  events.on('failed', onFailed);

  const work = async (): Promise<SweepOutcome> => {
    await events.waitUntilReady();
    await storeScenarios();
    await collect(); // parts left by an earlier run of the same sweep
    opts.onProgress?.(doneRuns, totalRuns);
    await ensureQueued(chunks.filter((c) => !held.has(c.key)));
    await opts.onEnqueued?.(sweepId);
    let lastAlive = Date.now();
    let lastMove = Date.now();
    let settled = held.size + failed.size;
    let warned = false;
    while (held.size + failed.size < chunks.length) {
      await new Promise((r) => setTimeout(r, pollMs));
      await collect();
      if (held.size + failed.size !== settled) {
        settled = held.size + failed.size;
        lastMove = Date.now();
      }
      if (Date.now() - lastAlive > 2000) {
        await checkAlive();
        lastAlive = Date.now();
      }
      if (!warned && Date.now() - lastMove > 15_000 && (await queue.getWorkersCount()) === 0) {
        warned = true;
        opts.onNoWorkers?.();
      }
      // one job lookup per open chunk is costly on big sweeps: only when progress has stalled
      if (Date.now() - lastMove > 20_000) {
        await checkJobs();
        lastMove = Date.now();
      }
    }
    // a last look: a part may have landed after its chunk was given up on
    lastLen = -1;
    await collect();
    const failures = [...failed.values()].sort(
      (a, b) => a.cell - b.cell || a.firstRun - b.firstRun,
    );
    // a finished sweep leaves nothing behind; a failed one keeps its parts for a rerun
    if (failures.length === 0) await redis.del(pKey, aliveKey);
    return {
      sweepId,
      cells: scenarios.map((_, cell) => partsOf(cell)),
      failures,
      chunks: chunks.length,
    };
  };
  // every pending command fails once the link gives up, but no await may outlive it
  const gaveUp = link.failed.then((e) => Promise.reject(e));
  gaveUp.catch(() => undefined);
  const working = work();
  working.catch(() => undefined); // when the link wins the race, work's own rejection is moot
  try {
    return await Promise.race([working, gaveUp]);
  } catch (e) {
    throw link.failure ?? e;
  } finally {
    events.off('failed', onFailed);
    // drop the blocking event reader first: a polite QUIT would wait out its blocking read
    disconnect(eventsConn);
    await events.close().catch(() => undefined);
    // after the link gave up the connections are closed already: closing may fail, not hang
    await (link.failure ? queue.close().catch(() => undefined) : queue.close());
    for (const c of [redis, queueConn]) disconnect(c);
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
