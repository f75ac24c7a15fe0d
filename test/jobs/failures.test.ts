/**
 * Failure handling with real processes: a worker killed with SIGKILL in the middle of a chunk
 * loses nothing (stalled-job detection hands the chunk to another worker), and a chunk that
 * throws every time fails the sweep after its attempts with a message naming it, keeping the
 * scenarios that did finish.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { canonicalJson } from '../../src/engine/index.ts';
import { runScenarioParallel } from '../../src/jobs/localPool.ts';
import { simulateRecordsMany } from '../../src/jobs/recordsPool.ts';
import { closePools } from '../../src/jobs/workerPool.ts';
import {
  DistributedSweepError,
  runScenarioDistributed,
  simulateRecordsDistributed,
} from '../../src/jobs/distributed/analyses.ts';
import { planSweep } from '../../src/jobs/distributed/coordinator.ts';
import {
  chunkKey,
  connect,
  partsKey,
  QUEUE_NAME,
  scenarioKey,
  type ChunkJob,
} from '../../src/jobs/distributed/protocol.ts';
import {
  recordsBytes,
  testRedis,
  scenario,
  spawnWorker,
  uniquePrefix,
  type WorkerChild,
} from './helpers.ts';

const REDIS_URL = testRedis('test/jobs/failures.test.ts');
const FAST_STALL = { PARLEY_STALLED_MS: '1000' };
const workers: WorkerChild[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop('SIGKILL')));
});
afterAll(closePools);

describe.skipIf(!REDIS_URL)('distributed sweep failures on a real Redis', () => {
  const url = REDIS_URL!;

  it('a worker killed with SIGKILL mid-chunk: the chunk is retried elsewhere, result identical', async () => {
    const prefix = uniquePrefix('kill');
    const s = scenario('russia-ukraine-2024', 1200);
    const [first, second] = await Promise.all([
      spawnWorker(url, prefix, FAST_STALL),
      spawnWorker(url, prefix, FAST_STALL),
    ]);
    workers.push(first, second);
    // only the first worker takes jobs until it is killed
    second.child.kill('SIGSTOP');
    const queue = new Queue(QUEUE_NAME, { connection: connect(url), prefix });
    const redis = connect(url);
    let killedDuring = '';
    const run = runScenarioDistributed(s, { redis: url, prefix, chunkRuns: 150 });
    // kill the first worker inside its first chunk: a cold worker needs a few hundred ms for it,
    // while later chunks take ~15 ms and would often finish between the check and the kill
    for (let i = 0; i < 1000 && killedDuring === ''; i++) {
      for (const j of await queue.getActive()) {
        const key = partsKey(prefix, (j.data as ChunkJob).sweepId);
        if ((await redis.hexists(key, chunkKey(j.data as ChunkJob))) === 0) {
          first.child.kill('SIGKILL');
          killedDuring = chunkKey(j.data as ChunkJob);
          break;
        }
      }
      if (killedDuring === '') await new Promise((r) => setTimeout(r, 5));
    }
    second.child.kill('SIGCONT');
    const local = await runScenarioParallel(s, { threads: 1 });
    const dist = await run;
    expect(killedDuring).toMatch(/^0:\d+$/);
    expect(await first.exited).toBeNull(); // killed by a signal
    expect(canonicalJson(dist)).toBe(canonicalJson(local));
    // the chunk the first worker held was run again by the second
    expect(second.log()).toContain(`:${killedDuring} (`);
    redis.disconnect();
    await queue.close();
  });

  it('a poisoned chunk fails after its attempts with a clear message; finished scenarios are kept', async () => {
    const prefix = uniquePrefix('poison');
    const good = scenario('bosnia-1995', 200);
    const bad = scenario('colombia-farc-2012', 200);
    // a damaged copy of the second scenario already sits under its hash (stored once, NX)
    const { hashes } = planSweep('records', [good, bad], 100);
    const redis = connect(url);
    await redis.set(scenarioKey(prefix, hashes[1]), JSON.stringify({ ...bad, name: 'tampered' }));
    workers.push(await spawnWorker(url, prefix));
    const err = await simulateRecordsDistributed([good, bad], {
      redis: url,
      prefix,
      chunkRuns: 100,
      attempts: 2,
      names: ['good', 'bad'],
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DistributedSweepError);
    const e = err as DistributedSweepError;
    expect(e.message).toMatch(
      /chunk 1:0 \(bad, runs 0–99\) failed after 2 attempts: scenario [0-9a-f]{64} in Redis does not match its hash/,
    );
    expect(e.message).toContain('1 of 2 scenarios finished');
    expect(e.failures.map((f) => `${f.cell}:${f.firstRun}`)).toEqual(['1:0', '1:100']);
    const partial = e.partial as unknown[];
    expect(partial[1]).toBeUndefined();
    expect(recordsBytes([partial[0] as never])).toBe(
      recordsBytes(await simulateRecordsMany([good])),
    );
    redis.disconnect();
  });
});
