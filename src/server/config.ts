/**
 * Server configuration: defaults for a single user on loopback, overridable by environment.
 *   PARLEY_READS=open|token      reads open to anyone (default) or token-only
 *   PARLEY_CORS_ORIGINS=a,b      allowed browser origins (CORS is off when empty)
 *   PARLEY_RATE_LIMIT=300        requests per minute per client address (0 = off)
 *   PARLEY_MAX_RUNS=200000       largest run count a request may ask for
 *   PARLEY_SYNC_RUNS=2000        run counts up to this answer synchronously; larger become jobs
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
  /** jobs simulated at once; the others wait in order */
  maxActiveJobs: number;
  /** jobs waiting beyond this are refused with 503 */
  maxQueuedJobs: number;
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
  maxActiveJobs: 1,
  maxQueuedJobs: 20,
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
  };
}
