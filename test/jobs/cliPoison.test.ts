/**
 * `parley compare --distributed` whose variant chunk is poisoned (a damaged scenario under its
 * hash in Redis) exits with code 3, names the chunk and its error, and stores what finished
 * as a partial analysis.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareVariants } from '../../src/analysis/index.ts';
import { inputHash } from '../../src/engine/index.ts';
import { connect, scenarioKey } from '../../src/jobs/distributed/protocol.ts';
import {
  scenario,
  spawnWorker,
  testRedis,
  uniquePrefix,
  type WorkerChild,
  parleyIn,
} from './helpers.ts';

const REDIS_URL = testRedis('test/jobs/cliPoison.test.ts');
const dir = mkdtempSync(join(tmpdir(), 'parley-dist-poison-'));
const workers: WorkerChild[] = [];
afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop('SIGKILL')));
  rmSync(dir, { recursive: true, force: true });
});

const parley = parleyIn(dir);

describe.skipIf(!REDIS_URL)('parley compare --distributed with a poisoned chunk', () => {
  const url = REDIS_URL!;

  it('compare --distributed with a poisoned variant exits 3, names the chunk, stores the partial result', async () => {
    const prefix = uniquePrefix('cli-poison');
    const s = scenario('russia-ukraine-2024', 100);
    const prepared = prepareVariants(s, []);
    if (!prepared.ok) throw new Error('bundled variants do not apply');
    const victim = prepared.value[1];
    const redis = connect(url);
    await redis.set(
      scenarioKey(prefix, inputHash(victim.scenario)),
      JSON.stringify({ ...victim.scenario, name: 'tampered' }),
    );
    redis.disconnect();
    const [w, r] = await Promise.all([
      spawnWorker(url, prefix),
      parley([
        'compare',
        'russia-ukraine-2024',
        '--runs',
        '100',
        '--store',
        '--distributed',
        '--redis',
        url,
        '--prefix',
        prefix,
        '--attempts',
        '1',
      ]),
    ]);
    workers.push(w);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(
      `chunk 1:0 (variant ${victim.id}, runs 0–99) failed after 1 attempts: scenario ${inputHash(victim.scenario)} in Redis does not match its hash`,
    );
    expect(r.stderr).toMatch(/Stored as comparison analysis \S+ .* \(partial: \d+ rows\)/);
  });
});
