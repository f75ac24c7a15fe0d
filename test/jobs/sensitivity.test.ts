/**
 * Tornado and Morris sensitivity with every point's runs on a `parley worker` process give the
 * same result as the local pool.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runMorris, runTornado, sensitivityFactors } from '../../src/jobs/analyses.ts';
import {
  runMorrisDistributed,
  runTornadoDistributed,
} from '../../src/jobs/distributed/analyses.ts';
import { closePools } from '../../src/jobs/workerPool.ts';
import { scenario, spawnWorker, testRedis, uniquePrefix, type WorkerChild } from './helpers.ts';

const REDIS_URL = testRedis('test/jobs/sensitivity.test.ts');
const workers: WorkerChild[] = [];
afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop('SIGKILL')));
  await closePools();
});

describe.skipIf(!REDIS_URL)('distributed sensitivity on a real Redis', () => {
  it('tornado and Morris equal the local ones', async () => {
    const url = REDIS_URL!;
    const prefix = uniquePrefix('sens');
    const worker = spawnWorker(url, prefix);
    const s = scenario('russia-ukraine-2024', 40);
    const f = sensitivityFactors(s);
    if (!f.ok) throw new Error('russia-ukraine-2024 has no uncertain inputs');
    const factors = f.value.slice(0, 3);
    const opts = { redis: url, prefix };
    const [tornado, morris] = [
      await runTornadoDistributed(s, factors, 'settlement24', opts),
      await runMorrisDistributed(s, factors, 2, 'talks12', opts),
    ];
    workers.push(await worker);
    expect(tornado.ok && morris.ok).toBe(true);
    expect(JSON.stringify(tornado)).toBe(
      JSON.stringify(await runTornado(s, factors, 1, 'settlement24')),
    );
    expect(JSON.stringify(morris)).toBe(
      JSON.stringify(await runMorris(s, factors, 1, 2, 'talks12')),
    );
  });
});
