/**
 * Server configuration: defaults for a single user on loopback, overridable by environment.
 *   PARLEY_READS=open|token      reads open to anyone (default) or token-only
 *   PARLEY_CORS_ORIGINS=a,b      allowed browser origins (CORS is off when empty)
 *   PARLEY_RATE_LIMIT=300        requests per minute per client address (0 = off)
 *   PARLEY_MAX_RUNS=200000       largest run count a request may ask for
 *   PARLEY_SYNC_RUNS=2000        run counts up to this answer synchronously; larger become jobs
 *   PARLEY_MAX_ACTIVE=2          computations (runs, analyses, reports) at once
 *   PARLEY_MAX_QUEUED=32         computations waiting; more get 503 with Retry-After
 */
import { availableParallelism } from 'node:os';

export type ServerConfig = {
  reads: 'open' | 'token';
  corsOrigins: string[];
  /** requests per window per client address; false turns rate limiting off */
  rateLimit: { max: number; timeWindowMs: number } | false;
  bodyLimitBytes: number;
  maxRuns: number;
  syncMaxRuns: number;
  /** worker threads per run */
  threads: number;
  /** computations (runs, jobs, analyses, reports) at once, through one queue (computeQueue.ts) */
  maxActive: number;
  /** of those, background run jobs at most (a slot always stays for interactive requests) */
  maxActiveJobs: number;
  /** computations waiting beyond this are refused with 503 + Retry-After */
  maxQueued: number;
  /** runs held by the waiting computations together; beyond this, 503 + Retry-After */
  maxQueuedRuns: number;
  /** Retry-After of a busy 503, seconds */
  retryAfterSec: number;
  /** progress streams (server-sent events) open on one run; more get 503 */
  maxStreamsPerRun: number;
  /** progress streams open from one client address; more get 429 */
  maxStreamsPerAddress: number;
  /** progress streams open on the whole server; more get 503 */
  maxStreams: number;
  /** on shutdown, how long in-flight jobs may take before they are marked failed */
  shutdownGraceMs: number;
  /** a request (headers and body) must arrive within this, or the connection gets 408 and closes */
  requestTimeoutMs: number;
  /** the headers must arrive within this (slow-loris clients trickle them) */
  headersTimeoutMs: number;
};

export const DEFAULT_CONFIG: ServerConfig = {
  reads: 'open',
  corsOrigins: [],
  rateLimit: { max: 300, timeWindowMs: 60_000 },
  bodyLimitBytes: 1024 * 1024,
  maxRuns: 200_000,
  syncMaxRuns: 2000,
  threads: Math.max(1, Math.min(4, availableParallelism())),
  maxActive: 2,
  maxActiveJobs: 1,
  maxQueued: 32,
  maxQueuedRuns: 1_000_000,
  retryAfterSec: 5,
  maxStreamsPerRun: 50,
  maxStreamsPerAddress: 20,
  maxStreams: 500,
  shutdownGraceMs: 10_000,
  requestTimeoutMs: 120_000,
  headersTimeoutMs: 30_000,
};

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`invalid ${name}: ${raw}`);
  return n;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const reads = env.PARLEY_READS ?? 'open';
  if (reads !== 'open' && reads !== 'token') throw new Error(`invalid PARLEY_READS: ${reads}`);
  const rate = positiveInt('PARLEY_RATE_LIMIT', env.PARLEY_RATE_LIMIT, 300);
  return {
    ...DEFAULT_CONFIG,
    reads,
    corsOrigins: (env.PARLEY_CORS_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    rateLimit: rate === 0 ? false : { max: rate, timeWindowMs: 60_000 },
    maxRuns: positiveInt('PARLEY_MAX_RUNS', env.PARLEY_MAX_RUNS, DEFAULT_CONFIG.maxRuns),
    syncMaxRuns: positiveInt('PARLEY_SYNC_RUNS', env.PARLEY_SYNC_RUNS, DEFAULT_CONFIG.syncMaxRuns),
    maxActive: Math.max(
      1,
      positiveInt('PARLEY_MAX_ACTIVE', env.PARLEY_MAX_ACTIVE, DEFAULT_CONFIG.maxActive),
    ),
    maxQueued: positiveInt('PARLEY_MAX_QUEUED', env.PARLEY_MAX_QUEUED, DEFAULT_CONFIG.maxQueued),
  };
}
