/**
 * Redis unreachable, through the real CLI: `parley worker` and a `--distributed` command give up
 * after PARLEY_REDIS_CONNECT_MS with a message naming the URL and what to check, exit 3 (they
 * used to retry forever); a worker whose Redis goes away for longer than PARLEY_REDIS_OUTAGE_MS
 * exits 3 too, so a supervisor sees it.
 */
import { exec, execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnWorker, testRedis, uniquePrefix, type WorkerChild } from './helpers.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'parley-redis-down-'));
// nothing listens on port 1: every connection attempt is refused at once
const DOWN = 'redis://127.0.0.1:1';
const BOUND_MS = 2000;
// the CLI takes a few seconds to start on a loaded 2-core machine; before the fix it never exited
const KILL_AFTER_MS = 40_000;

const parley = (args: string[], env: Record<string, string>) =>
  new Promise<{ code: number | null; stderr: string; ms: number }>((done) => {
    const t0 = Date.now();
    execFile(
      process.execPath,
      [join(ROOT, 'bin/parley.js'), ...args],
      { cwd: dir, env: { ...process.env, ...env }, timeout: KILL_AFTER_MS },
      (err, _stdout, stderr) =>
        done({
          code: err ? ((err as { code?: number }).code ?? null) : 0,
          stderr,
          ms: Date.now() - t0,
        }),
    );
  });

function expectGaveUp(r: { code: number | null; stderr: string }) {
  expect(r.stderr).not.toMatch(/internal error|this is a bug/);
  expect(r.stderr).toContain(`✖ cannot reach Redis at ${DOWN} (connect ECONNREFUSED`);
  // it waited about the bound, not one attempt and not forever
  expect(r.stderr).toMatch(/gave up after 2\.\d s \(PARLEY_REDIS_CONNECT_MS\)/);
  expect(r.stderr).toContain('Check that Redis is running');
  expect(r.code).toBe(3);
}

let worker: WorkerChild | undefined;
afterAll(async () => {
  await worker?.stop('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('Redis unreachable', () => {
  it('parley worker gives up after PARLEY_REDIS_CONNECT_MS with exit 3', async () => {
    const r = await parley(['worker', '--redis', DOWN], {
      PARLEY_REDIS_CONNECT_MS: String(BOUND_MS),
    });
    expectGaveUp(r);
    expect(r.ms).toBeGreaterThanOrEqual(BOUND_MS);
  });

  it('sweep --distributed gives up after PARLEY_REDIS_CONNECT_MS with exit 3', async () => {
    const r = await parley(
      [
        ...['sweep', 'bosnia-1995', '--param', 'front.balance=0.4,0.6', '--runs', '20', '-q'],
        ...['-o', join(dir, 'sweep'), '--distributed', '--redis', DOWN],
      ],
      { PARLEY_REDIS_CONNECT_MS: String(BOUND_MS), PARLEY_REDIS_URL: '' },
    );
    expectGaveUp(r);
  });

  it('refuses a bad PARLEY_REDIS_CONNECT_MS before connecting (exit 2, names the variable)', async () => {
    const r = await parley(['worker', '--redis', DOWN], { PARLEY_REDIS_CONNECT_MS: 'soon' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('✖ PARLEY_REDIS_CONNECT_MS must be a number of milliseconds');
    expect(r.stderr).toContain('"soon"');
  });
});

const REDIS_URL = testRedis('test/jobs/redisUnreachable.test.ts');
const sh = promisify(exec);
// a private Redis, so stopping it cannot disturb other tests
const PORT = String(57000 + Math.floor(Math.random() * 900));
const redisEnv = {
  ...process.env,
  PARLEY_REDIS_PORT: PORT,
  PARLEY_REDIS_DIR: `/tmp/parley-redis-down-${PORT}`,
};
const redis = (cmd: 'start' | 'stop') =>
  sh(`bash scripts/redis.sh ${cmd}`, { env: redisEnv, cwd: ROOT });

describe.skipIf(!REDIS_URL)('Redis lost under a running worker', () => {
  afterAll(() => redis('stop'));

  it('the worker exits 3 once Redis has been gone for PARLEY_REDIS_OUTAGE_MS', async () => {
    await redis('start');
    const url = `redis://127.0.0.1:${PORT}`;
    worker = await spawnWorker(url, uniquePrefix('down'), { PARLEY_REDIS_OUTAGE_MS: '1500' }, true);
    const stopped = Date.now();
    await redis('stop');
    const code = await worker.exited;
    expect(code).toBe(3);
    expect(worker.log()).toContain(`✖ lost the connection to Redis at ${url} (`);
    expect(worker.log()).toMatch(/did not come back within 1\.\d s \(PARLEY_REDIS_OUTAGE_MS\)/);
    expect(worker.log()).not.toMatch(/internal error|this is a bug/);
    // the bound, plus closing the thread pool; not the old forever
    expect(Date.now() - stopped).toBeLessThan(20_000);
  });
});
