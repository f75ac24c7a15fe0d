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
  inputHash: string;
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

/** How long Redis may be unreachable before a command or worker gives up (ms). */
export interface RedisBounds {
  /** the first connection: PARLEY_REDIS_CONNECT_MS, default 10 s */
  connectMs: number;
  /** an established connection that was lost: PARLEY_REDIS_OUTAGE_MS, default 60 s (a restart fits) */
  outageMs: number;
}

export function redisBoundsFromEnv(env: NodeJS.ProcessEnv = process.env): RedisBounds {
  const read = (name: string, fallback: number) => {
    const raw = env[name];
    const ms = raw === undefined || raw === '' ? fallback : Number(raw);
    if (!Number.isFinite(ms) || ms < 100)
      throw new RangeError(`${name} must be a number of milliseconds ≥ 100, found "${raw}"`);
    return ms;
  };
  return {
    connectMs: read('PARLEY_REDIS_CONNECT_MS', 10_000),
    outageMs: read('PARLEY_REDIS_OUTAGE_MS', 60_000),
  };
}

/** Redis could not be reached within the bound: the CLI prints the message and exits 3. */
export class RedisUnavailableError extends Error {
  constructor(
    readonly url: string,
    readonly phase: 'connect' | 'lost',
    readonly waitedMs: number,
    readonly lastError: string,
  ) {
    const s = (waitedMs / 1000).toFixed(1);
    super(
      (phase === 'connect'
        ? `✖ cannot reach Redis at ${redactUrl(url)} (${lastError}); gave up after ${s} s (PARLEY_REDIS_CONNECT_MS).`
        : `✖ lost the connection to Redis at ${redactUrl(url)} (${lastError}) and it did not come back within ${s} s (PARLEY_REDIS_OUTAGE_MS).`) +
        '\n  Check that Redis is running and listening at that host and port, that the URL (--redis or PARLEY_REDIS_URL) and its password are right, and that no firewall blocks the port.',
    );
    this.name = 'RedisUnavailableError';
  }
}

/**
 * The clients of one command or worker to one Redis URL. Commands wait through reconnects
 * instead of failing (BullMQ workers require this, and a sweep should outlive a Redis restart),
 * but only within `bounds`: then every client stops reconnecting, its pending commands fail,
 * and `failed` resolves with a RedisUnavailableError naming the URL.
 */
export class RedisLink {
  failure: RedisUnavailableError | undefined;
  readonly failed: Promise<RedisUnavailableError>;
  private giveUp!: (e: RedisUnavailableError) => void;
  private readonly started = Date.now();
  private everReady = false;
  private downSince: number | undefined;
  private lastError = 'no answer';
  private reported = '';

  constructor(
    readonly url: string,
    readonly bounds: RedisBounds = redisBoundsFromEnv(),
  ) {
    this.failed = new Promise((resolve) => (this.giveUp = resolve));
  }

  client(extra: RedisOptions = {}): Redis {
    const client = new Redis(this.url, {
      maxRetriesPerRequest: null,
      enableReadyCheck: true,
      // a host that drops packets must not hold one attempt past the whole bound
      connectTimeout: Math.min(10_000, this.bounds.connectMs),
      // BullMQ's duplicates of this client copy the function, so they stop with it
      retryStrategy: (times) => this.retryDelay(times),
      ...extra,
    });
    // ioredis retries by itself; say so once per outage instead of once per retry
    client.on('error', (e: Error & { code?: string }) => {
      // an AggregateError (IPv6 and IPv4 both refused) has an empty message but a code
      const message = e.message || e.code || e.name;
      this.lastError = message;
      if (this.failure || message === this.reported) return;
      this.reported = message;
      process.stderr.write(`parley: Redis ${redactUrl(this.url)}: ${message} (retrying)\n`);
    });
    client.on('ready', () => {
      this.everReady = true;
      this.downSince = undefined;
      this.reported = '';
    });
    return client;
  }

  /** Resolves once `client` is connected; rejects with the failure once the link gives up. */
  ready(client: Redis): Promise<void> {
    if (client.status === 'ready') return Promise.resolve();
    return new Promise((resolve, reject) => {
      const onReady = () => {
        client.off('end', onEnd);
        resolve();
      };
      const onEnd = () => {
        client.off('ready', onReady);
        reject(this.failure ?? new Error(`Redis ${redactUrl(this.url)}: connection closed`));
      };
      client.once('ready', onReady);
      client.once('end', onEnd);
    });
  }

  /** Called by ioredis after each lost or failed connection: a delay, or null to stop. */
  private retryDelay(times: number): number | null {
    if (this.failure) return null;
    const now = Date.now();
    const since = this.everReady ? (this.downSince ??= now) : this.started;
    const limit = this.everReady ? this.bounds.outageMs : this.bounds.connectMs;
    if (now - since >= limit) {
      this.failure = new RedisUnavailableError(
        this.url,
        this.everReady ? 'lost' : 'connect',
        now - since,
        this.lastError,
      );
      this.giveUp(this.failure);
      return null;
    }
    // the last attempt falls on the deadline, not a second after it
    return Math.max(0, Math.min(50 * times, 1000, limit - (now - since)));
  }
}

/**
 * Disconnects unless the client has ended already (a link that gave up): ioredis would arm a
 * 2 s timer for the dead socket that keeps the process alive past the bound.
 */
export function disconnect(client: Redis): void {
  if (client.status !== 'end') client.disconnect();
}

/** A single client with its own bounds (for tests and one-off commands). */
export function connect(url: string, extra: RedisOptions = {}): Redis {
  return new RedisLink(url).client(extra);
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
