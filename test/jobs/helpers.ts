/**
 * Helpers for the distributed-sweep tests: the real Redis from scripts/redis.sh
 * (PARLEY_TEST_REDIS_URL), a unique key prefix per test, and `parley worker` child processes.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadWithOverrides } from '../../src/cli/scenarioInput.ts';
import type { RecordSet } from '../../src/analysis/outcomes.ts';
import type { Scenario } from '../../src/model/index.ts';

/** The test Redis, or undefined (with the reason printed) so the caller can skip. */
export function testRedis(file: string): string | undefined {
  const url = process.env.PARLEY_TEST_REDIS_URL;
  if (!url)
    console.log(
      `skipping ${file}: PARLEY_TEST_REDIS_URL is unset (eval "$(bash scripts/redis.sh start)")`,
    );
  return url;
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const uniquePrefix = (name: string) => `t-${name}-${randomBytes(4).toString('hex')}`;

export function scenario(id: string, runs: number, overrides: { seed?: number } = {}): Scenario {
  return loadWithOverrides(id, { runs, ...overrides }).scenario;
}

export interface WorkerChild {
  child: ChildProcess;
  log: () => string;
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts a worker process and resolves once it says it is ready: `node bin/parley.js worker`
 * with `cli: true`, else the lighter workerEntry.ts (same startWorker, faster to start).
 */
export async function spawnWorker(
  redisUrl: string,
  prefix: string,
  env: Record<string, string> = {},
  cli = false,
): Promise<WorkerChild> {
  const args = cli
    ? ['bin/parley.js', 'worker', '--redis', redisUrl, '--prefix', prefix, '--concurrency', '1']
    : ['--import', 'tsx', 'test/jobs/workerEntry.ts', redisUrl, prefix];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  await new Promise<void>((resolve, reject) => {
    child.stderr.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes(': ready')) resolve();
    });
    void exited.then((code) => reject(new Error(`worker exited (${code}) before ready:\n${out}`)));
  });
  return {
    child,
    log: () => out,
    exited,
    async stop(signal: NodeJS.Signals = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** Plain-array form of record sets, to compare them with toEqual and by bytes. */
export function recordsBytes(sets: readonly (RecordSet | undefined)[]): string {
  return JSON.stringify(sets, (_k, v: unknown) =>
    ArrayBuffer.isView(v)
      ? Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64')
      : v,
  );
}

/**
 * `parley <args>` as a child process with its own SQLite store under `dir`; resolves with the
 * exit code and output (never rejects, so tests can assert on failures).
 */
export function parleyIn(dir: string) {
  return (args: string[], env: Record<string, string> = {}) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ['bin/parley.js', ...args],
        { cwd: ROOT, env: { ...process.env, PARLEY_DB: join(dir, 'parley.db'), ...env } },
        (err, stdout, stderr) =>
          resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });
}
