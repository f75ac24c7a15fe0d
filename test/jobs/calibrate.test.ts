/**
 * `calibrate` with its objective evaluations on a `parley worker` process: the replayed
 * Nelder–Mead search gives exactly the local calibration (same parameters, fits, evaluations).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { calibrate, KNOBS, targetsFrom } from '../../src/calibrate/calibrate.ts';
import { DEFAULT_BUILDER } from '../../src/calibrate/scenarioFromCase.ts';
import { syntheticCase } from '../../src/calibrate/syntheticCases.ts';
import { calibrateDistributed } from '../../src/jobs/distributed/calibrate.ts';
import { closePools } from '../../src/jobs/workerPool.ts';
import { spawnWorker, testRedis, uniquePrefix, type WorkerChild } from './helpers.ts';

const REDIS_URL = testRedis('test/jobs/calibrate.test.ts');
const workers: WorkerChild[] = [];
afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop('SIGKILL')));
  await closePools();
});

describe.skipIf(!REDIS_URL)('distributed calibration on a real Redis', () => {
  it('replayed Nelder–Mead with evaluations on a worker equals the local calibration exactly', async () => {
    const url = REDIS_URL!;
    const prefix = uniquePrefix('calibrate');
    const worker = spawnWorker(url, prefix);
    const cow = [1, 2, 3].map((i) => syntheticCase(i));
    const ucdp = [5, 6].map((i) =>
      syntheticCase(i, {
        source: 'ucdp',
        kind: i === 5 ? 'civil' : 'interstate',
        ending: 'ceasefire',
      }),
    );
    const input = {
      cow,
      ucdp,
      targets: targetsFrom(cow, ucdp, 0.45),
      runs: 20,
      horizonMonths: 48,
      seed: 5,
      maxEvaluations: KNOBS.length + 1, // the initial simplex
      base: DEFAULT_BUILDER,
    };
    const local = calibrate(input);
    let evaluations = 0;
    const dist = await calibrateDistributed(input, {
      redis: url,
      prefix,
      onEvaluation: (n) => (evaluations = n),
    });
    workers.push(await worker);
    expect(JSON.stringify(dist)).toBe(JSON.stringify(local));
    expect(dist.evaluations).toBe(KNOBS.length + 1);
    expect(evaluations).toBeGreaterThan(KNOBS.length); // at least the initial simplex
  });
});
