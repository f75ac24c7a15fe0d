/**
 * What the coordinator and the workers agree on: the queue, the Redis keys, the job payload
 * and the timing settings (from the environment, so tests can make stalled-job detection fast).
 *
 * Keys (all under the prefix, default `parley`; BullMQ's own keys live under the same prefix):
 *   <prefix>:scenario:<hash>      the validated scenario's JSON, stored once per sweep set
 *   <prefix>:sweep:<id>:parts     hash chunkKey → encoded result (HSETNX: first finisher wins)
 */
import { Redis, type RedisOptions } from 'ioredis';

export const QUEUE_NAME = 'chunks';
export const DEFAULT_PREFIX = 'parley';
/** Keys that hold results and scenarios expire a week after their last write. */
export const KEY_TTL_SECONDS = 7 * 24 * 3600;

export type ChunkKind = 'aggregate' | 'records';

/** Payload of one chunk job: runs [firstRun, firstRun + runs) of the scenario stored under its hash. */
export interface ChunkJob {
  sweepId: string;
  kind: ChunkKind;
  /** index of the scenario (cell, variant, point) in the sweep */
  cell: number;
  firstRun: number;
  runs: number;
  scenarioHash: string;
  explainMonth?: number;
  /** the coordinator's ENGINE_VERSION: a worker on another version refuses the chunk */
  engineVersion: string;
}

export const scenarioKey = (prefix: string, hash: string) => `${prefix}:scenario:${hash}`;
export const partsKey = (prefix: string, sweepId: string) => `${prefix}:sweep:${sweepId}:parts`;
/** Deterministic: re-enqueueing a chunk that is still queued is a no-op (BullMQ allows ids a:b:c). */
export const jobId = (j: Pick<ChunkJob, 'sweepId' | 'cell' | 'firstRun'>) =>
  `${j.sweepId}:${j.cell}:${j.firstRun}`;
export const chunkKey = (j: Pick<ChunkJob, 'cell' | 'firstRun'>) => `${j.cell}:${j.firstRun}`;

export interface Timing {
  /** lock duration of a running chunk, ms; a worker that dies loses its chunk after this */
  lockMs: number;
  /** how often workers look for stalled chunks, ms */
  stalledIntervalMs: number;
  /** how many times a chunk may stall (its worker died) before it counts as failed */
  maxStalledCount: number;
}

/** PARLEY_STALLED_MS (default 30000) sets both the lock duration and the stalled-check interval. */
export function timingFromEnv(env: NodeJS.ProcessEnv = process.env): Timing {
  const ms = Number(env.PARLEY_STALLED_MS ?? 30_000);
  if (!Number.isFinite(ms) || ms < 100) throw new Error(`invalid PARLEY_STALLED_MS: ${ms}`);
  return { lockMs: ms, stalledIntervalMs: ms, maxStalledCount: 5 };
}

/** Attempts per chunk before the sweep fails: --attempts, else PARLEY_ATTEMPTS, else 3. */
export function attemptsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.PARLEY_ATTEMPTS ?? 3);
  if (!Number.isInteger(n) || n < 1) throw new Error(`invalid PARLEY_ATTEMPTS: ${n}`);
  return n;
}

/**
 * An ioredis client for `url` (redis://[:password@]host:port[/db]). Commands wait through
 * reconnects instead of failing (BullMQ workers require this, and a sweep should outlive a
 * Redis restart).
 */
export function connect(url: string, extra: RedisOptions = {}): Redis {
  const client = new Redis(url, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    retryStrategy: (times) => Math.min(50 * times, 1000),
    ...extra,
  });
  // ioredis retries by itself; say so once per outage instead of once per retry
  let last = '';
  client.on('error', (e: Error) => {
    if (e.message === last) return;
    last = e.message;
    process.stderr.write(`parley: Redis ${redactUrl(url)}: ${e.message} (retrying)\n`);
  });
  client.on('ready', () => (last = ''));
  return client;
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

/** Checks a --redis URL early, with a message that names it. */
export function checkRedisUrl(url: string): string | undefined {
  try {
    const u = new URL(url);
    if (u.protocol !== 'redis:' && u.protocol !== 'rediss:')
      return `--redis: expected a redis:// or rediss:// URL, found "${url}"`;
    return undefined;
  } catch {
    return `--redis: not a URL: "${url}"`;
  }
}
