/**
 * Distributed runs through the real Redis and real `parley worker` processes give the same bytes
 * as the local pool with the same seed, and a chunk delivered twice counts once.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { canonicalJson } from '../../src/engine/index.ts';
import { runScenarioParallel } from '../../src/jobs/localPool.ts';
import { simulateRecordsMany } from '../../src/jobs/recordsPool.ts';
import { runComparison } from '../../src/jobs/analyses.ts';
import { closePools } from '../../src/jobs/workerPool.ts';
import {
  runComparisonDistributed,
  runScenarioDistributed,
  simulateRecordsDistributed,
} from '../../src/jobs/distributed/analyses.ts';
import {
  connect,
  jobId,
  partsKey,
  QUEUE_NAME,
  type ChunkJob,
} from '../../src/jobs/distributed/protocol.ts';
import { processChunk } from '../../src/jobs/distributed/worker.ts';
import { planSweep } from '../../src/jobs/distributed/coordinator.ts';
import {
  recordsBytes,
  testRedis,
  scenario,
  spawnWorker,
  uniquePrefix,
  type WorkerChild,
} from './helpers.ts';

const REDIS_URL = testRedis('test/jobs/distributed.test.ts');
const workers: WorkerChild[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop('SIGKILL')));
});
afterAll(closePools);

describe.skipIf(!REDIS_URL)('distributed sweeps on a real Redis', () => {
  const url = REDIS_URL!;

  it('a run split into chunks on a worker process equals the local pool byte for byte', async () => {
    const prefix = uniquePrefix('run');
    // the coordinator enqueues and waits while the worker starts
    void spawnWorker(url, prefix).then((w) => workers.push(w));
    const s = scenario('bosnia-1995', 700);
    const progress: number[] = [];
    const dist = await runScenarioDistributed(s, {
      redis: url,
      prefix,
      chunkRuns: 200,
      onProgress: (done) => progress.push(done),
    });
    const local = await runScenarioParallel(s, { threads: 1 });
    // RunResult carries no timing fields: its meta is scenario, hash, seed, runs, horizon,
    // version, and the back-test's skill figures for the class of war (committed, not measured)
    expect(Object.keys(local.meta).sort()).toEqual(
      [
        'engineVersion',
        'horizonMonths',
        'parties',
        'runs',
        'scenarioHash',
        'settingsHash',
        'scenarioId',
        'scenarioName',
        'seed',
        'skill',
      ].sort(),
    );
    expect(canonicalJson(dist)).toBe(canonicalJson(local));
    expect(progress.at(-1)).toBe(700);
    // a finished sweep leaves no parts behind
    const redis = connect(url);
    const { sweepId } = planSweep('aggregate', [s], 200);
    expect(await redis.exists(partsKey(prefix, sweepId))).toBe(0);
    redis.disconnect();
  });

  it('per-run records of several scenarios and a comparison equal the local ones', async () => {
    const prefix = uniquePrefix('records');
    const worker = spawnWorker(url, prefix);
    const base = scenario('russia-ukraine-2024', 250);
    const other = scenario('colombia-farc-2012', 130, { seed: 7 });
    const done: number[] = [];
    const dist = await simulateRecordsDistributed([base, other], {
      redis: url,
      prefix,
      chunkRuns: 100,
      onDone: (i) => void done.push(i),
    });
    workers.push(await worker);
    const local = await simulateRecordsMany([base, other]);
    expect(recordsBytes(dist)).toBe(recordsBytes(local));
    expect(done.sort()).toEqual([0, 1]);

    const c = await runComparisonDistributed(base, [], {
      redis: url,
      prefix,
      chunkRuns: 100,
      bootstrap: 50,
    });
    const l = await runComparison(base, [], { threads: 1, bootstrap: 50 });
    expect(c.ok && l.ok).toBe(true);
    expect(JSON.stringify(c)).toBe(JSON.stringify(l));
  });

  it('a chunk delivered twice counts once (HSETNX), and the result is still identical', async () => {
    const prefix = uniquePrefix('dup');
    const s = scenario('bosnia-1995', 400);
    const queue = new Queue(QUEUE_NAME, { connection: connect(url), prefix });
    // every chunk is enqueued a second time under another job id, right behind the original,
    // before any worker runs: the worker (concurrency 1, FIFO) then delivers each chunk twice
    let duplicates = 0;
    let enqueued!: () => void;
    const ready = new Promise<void>((r) => (enqueued = r));
    const run = runScenarioDistributed(s, {
      redis: url,
      prefix,
      chunkRuns: 100,
      onEnqueued: async (sweepId) => {
        const mine = (await queue.getJobs(['wait']))
          .filter((j) => j.id!.startsWith(`${sweepId}:`))
          .sort((x, y) => (x.data as ChunkJob).firstRun - (y.data as ChunkJob).firstRun);
        for (const j of mine) await j.remove();
        await queue.addBulk(
          mine.flatMap((j) => [
            { name: 'chunk', data: j.data, opts: { jobId: j.id! } },
            { name: 'chunk', data: j.data, opts: { jobId: `dup-${j.id!}` } },
          ]),
        );
        duplicates = mine.length;
        enqueued();
      },
    });
    await ready;
    const w = await spawnWorker(url, prefix);
    workers.push(w);
    const dist = await run;
    expect(duplicates).toBe(4);
    expect(canonicalJson(dist)).toBe(canonicalJson(await runScenarioParallel(s, { threads: 1 })));
    // the second copies of the first chunks ran while the sweep was still open, and counted once
    expect(
      w.log().match(/already stored by another delivery/g)?.length ?? 0,
    ).toBeGreaterThanOrEqual(2);
    await queue.close();
  });

  it('processChunk stores a chunk once (the second delivery reports stored = false) and checks the engine version', async () => {
    const prefix = uniquePrefix('once');
    const redis = connect(url);
    const s = scenario('bosnia-1995', 100);
    const { sweepId, chunks } = planSweep('records', [s], 100);
    await redis.set(`${prefix}:scenario:${chunks[0].inputHash}`, JSON.stringify(s));
    const first = await processChunk(redis, prefix, 1, chunks[0]);
    const before = await redis.hgetBuffer(partsKey(prefix, sweepId), '0:0');
    const second = await processChunk(redis, prefix, 1, chunks[0]);
    expect([first.stored, second.stored]).toEqual([true, false]);
    expect(await redis.hlen(partsKey(prefix, sweepId))).toBe(1);
    expect((await redis.hgetBuffer(partsKey(prefix, sweepId), '0:0'))!.equals(before!)).toBe(true);
    expect(jobId(chunks[0])).toBe(`${sweepId}:0:0`);
    // a worker on another engine version refuses the chunk instead of mixing results
    await expect(
      processChunk(redis, prefix, 1, { ...chunks[0], engineVersion: '0.0.0-other' }),
    ).rejects.toThrow(/coordinator runs engine 0\.0\.0-other, this worker \d+\.\d+\.\d+/);
    // ... among them workers of every earlier version: 0.1.0 from before the chunk results named
    // the horizon horizonMonths, 0.2.0 before the faded ending, 0.3.0 on the defaults before the
    // 17-knob recalibration, 0.4.0 before the contact anchor by war type and era
    for (const old of ['0.1.0', '0.2.0', '0.3.0', '0.4.0'])
      await expect(
        processChunk(redis, prefix, 1, { ...chunks[0], engineVersion: old }),
      ).rejects.toThrow(`coordinator runs engine ${old}, this worker 0.5.0`);
    await redis.del(partsKey(prefix, sweepId));
    redis.disconnect();
  });
});
