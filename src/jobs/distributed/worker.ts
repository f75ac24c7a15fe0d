/**
 * The process side of `parley worker`: a BullMQ worker that takes chunk jobs, runs each on the
 * local worker-thread pool (one thread per unit of concurrency), and stores the encoded result
 * with HSETNX under the sweep's parts hash, so a chunk delivered twice (a stalled job retried
 * while its first worker was only slow) counts once. The job's return value is only a receipt.
 */
import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { ENGINE_VERSION } from '../../engine/index.ts';
import { getPool, workerPath } from '../workerPool.ts';
import { encodeArrays } from './codec.ts';
import type { ChunkThreadResult, ChunkThreadTask } from './chunkThread.ts';
import {
  chunkKey,
  DEFAULT_PREFIX,
  disconnect,
  KEY_TTL_SECONDS,
  partsKey,
  QUEUE_NAME,
  RedisLink,
  scenarioKey,
  timingFromEnv,
  type ChunkJob,
  type RedisUnavailableError,
} from './protocol.ts';

const THREAD = workerPath(import.meta.url, 'chunkThread');

export interface WorkerOptions {
  redis: string;
  concurrency?: number;
  prefix?: string;
  /** called after each chunk (stored = false when another delivery had already stored it) */
  onChunk?: (job: ChunkJob, stored: boolean, ms: number) => void;
  onError?: (message: string) => void;
}

export interface RunningWorker {
  worker: Worker;
  /** resolves when Redis stayed away longer than PARLEY_REDIS_OUTAGE_MS: the worker should exit */
  failed: Promise<RedisUnavailableError>;
  close(): Promise<void>;
}

/** Encodes a thread result for Redis. */
export function encodeResult(r: ChunkThreadResult): Buffer {
  if (r.kind === 'aggregate') {
    // chunks always record diagnostics, so the flag is not sent; the wire names the horizon as
    // everything but the aggregate's pinned stored form does (horizonMonths)
    const { horizon, followUp, runs, diagnostics: _always, ...arrays } = r.aggregate;
    return encodeArrays({ horizonMonths: horizon, followUp, runs }, arrays);
  }
  return encodeArrays(
    { runs: r.runs, horizonMonths: r.horizonMonths, followUp: r.followUp },
    { ...r.records },
  );
}

/** Scenario JSON by hash, kept once a chunk of it succeeded (content-addressed, so never stale). */
const scenarios = new Map<string, string>();

/** Runs one chunk job: scenario from Redis → thread pool → HSETNX. Exported for tests of re-delivery. */
export async function processChunk(
  redis: Redis,
  prefix: string,
  threads: number,
  data: ChunkJob,
): Promise<{ stored: boolean }> {
  // another engine would give other numbers under the same sweep id: refuse rather than mix
  if (data.engineVersion !== ENGINE_VERSION)
    throw new Error(
      `chunk ${chunkKey(data)} of sweep ${data.sweepId}: coordinator runs engine ${data.engineVersion}, this worker ${ENGINE_VERSION}; deploy the same Parley version everywhere`,
    );
  const json =
    scenarios.get(data.inputHash) ?? (await redis.get(scenarioKey(prefix, data.inputHash)));
  if (json === null)
    throw new Error(
      `chunk ${chunkKey(data)} of sweep ${data.sweepId}: scenario ${data.inputHash} is not in Redis (the coordinator re-stores it after a Redis restart)`,
    );
  const pool = await getPool(THREAD, threads);
  const task: ChunkThreadTask = {
    kind: data.kind,
    inputHash: data.inputHash,
    scenarioJson: json,
    firstRun: data.firstRun,
    runs: data.runs,
    explainMonth: data.explainMonth,
  };
  const result = (await pool.run(task)) as ChunkThreadResult;
  const key = partsKey(prefix, data.sweepId);
  const [[e1, stored], [e2]] = (await redis
    .multi()
    .hsetnx(key, chunkKey(data), encodeResult(result))
    .expire(key, KEY_TTL_SECONDS)
    .exec()) as [[Error | null, number], [Error | null, unknown]];
  const err = e1 ?? e2;
  if (err) throw err;
  if (scenarios.size >= 64) scenarios.clear();
  scenarios.set(data.inputHash, json);
  return { stored: stored === 1 };
}

export async function startWorker(opts: WorkerOptions): Promise<RunningWorker> {
  const prefix = opts.prefix ?? DEFAULT_PREFIX;
  const concurrency = Math.max(1, opts.concurrency ?? 1);
  const timing = timingFromEnv();
  // bounded: throws RedisUnavailableError when Redis cannot be reached (PARLEY_REDIS_CONNECT_MS)
  const link = new RedisLink(opts.redis);
  const redis = link.client();
  await link.ready(redis); // before warming threads, so an unreachable Redis fails fast
  const workerConn = link.client();
  // warm the pool before taking jobs, so the first chunk's lock is not spent on bundling
  await getPool(THREAD, concurrency);
  const worker = new Worker<ChunkJob, { stored: boolean }>(
    QUEUE_NAME,
    async (job: Job<ChunkJob>) => {
      const t0 = performance.now();
      const r = await processChunk(redis, prefix, concurrency, job.data);
      opts.onChunk?.(job.data, r.stored, performance.now() - t0);
      return r;
    },
    {
      connection: workerConn,
      prefix,
      concurrency,
      lockDuration: timing.lockMs,
      stalledInterval: timing.stalledIntervalMs,
      maxStalledCount: timing.maxStalledCount,
    },
  );
  worker.on('error', (e) => opts.onError?.(e.message));
  worker.on('failed', (job, e) =>
    opts.onError?.(`chunk ${job ? chunkKey(job.data) : '?'} failed: ${e.message}`),
  );
  const close = async () => {
    // after the link gave up, a polite close could wait on connections that are gone
    await (link.failure ? worker.close(true).catch(() => undefined) : worker.close());
    disconnect(redis);
    disconnect(workerConn);
  };
  try {
    await Promise.race([worker.waitUntilReady(), link.failed.then((e) => Promise.reject(e))]);
  } catch (e) {
    await close();
    throw link.failure ?? e;
  }
  return { worker, failed: link.failed, close };
}
