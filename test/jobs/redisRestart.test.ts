/**
 * Redis restarted mid-sweep on a private instance with no persistence (`--save ''`, as
 * scripts/redis.sh runs it): everything in Redis is lost, the coordinator notices, stores the
 * scenario again and re-enqueues the chunks it does not hold; the worker reconnects; the
 * result is complete and identical to the local one.
 */
import { exec } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/engine/index.ts';
import { runScenarioParallel } from '../../src/jobs/localPool.ts';
import { closePools } from '../../src/jobs/workerPool.ts';
import { runScenarioDistributed } from '../../src/jobs/distributed/analyses.ts';
import { testRedis, scenario, spawnWorker, uniquePrefix, type WorkerChild } from './helpers.ts';

const REDIS_URL = testRedis('test/jobs/redisRestart.test.ts');
const sh = promisify(exec);
// a second, private Redis so restarting it cannot disturb other tests
const PORT = String(57000 + Math.floor(Math.random() * 900));
const env = {
  ...process.env,
  PARLEY_REDIS_PORT: PORT,
  PARLEY_REDIS_DIR: `/tmp/parley-redis-restart-${PORT}`,
};
const redis = (cmd: 'start' | 'stop') => sh(`bash scripts/redis.sh ${cmd}`, { env });

let worker: WorkerChild | undefined;
afterAll(async () => {
  await worker?.stop('SIGKILL');
  if (REDIS_URL) await redis('stop');
  await closePools();
});

describe.skipIf(!REDIS_URL)('a Redis restart in the middle of a sweep', () => {
  it('the sweep resumes and the result equals the local one', async () => {
    await redis('start');
    const url = `redis://127.0.0.1:${PORT}`;
    const prefix = uniquePrefix('restart');
    worker = await spawnWorker(url, prefix, { PARLEY_STALLED_MS: '1000' });
    // many small chunks, so work is left when the first progress arrives
    const s = scenario('russia-ukraine-2024', 2400);
    let restarted: Promise<unknown> | undefined;
    const progress: number[] = [];
    let requeued = 0;
    const run = runScenarioDistributed(s, {
      redis: url,
      prefix,
      chunkRuns: 10,
      onResume: (n) => (requeued += n),
      onProgress: (done) => {
        progress.push(done);
        // freeze the worker first, so a fast machine cannot finish the sweep while Redis restarts
        if (done > 0 && !restarted) {
          worker!.child.kill('SIGSTOP');
          // thawed while Redis is down, it sees the connection go away and retries
          restarted = redis('stop')
            .finally(() => worker!.child.kill('SIGCONT'))
            .then(() => new Promise((r) => setTimeout(r, 500)))
            .then(() => redis('start'));
        }
      },
    });
    const local = await runScenarioParallel(s, { threads: 1 });
    const dist = await run;
    await restarted;
    expect(progress.at(-1)).toBe(2400);
    // the restart happened mid-sweep and really emptied Redis: chunks had to be enqueued again
    expect(requeued).toBeGreaterThan(0);
    expect(canonicalJson(dist)).toBe(canonicalJson(local));
    // the restart really lost the queue: the worker saw Redis go away
    expect(worker.log()).toMatch(/ECONNREFUSED|Connection is closed|connect/);
  });
});
