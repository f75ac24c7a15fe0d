/**
 * The commands end to end: `parley worker` with `parley sweep --distributed` and `run --distributed`
 * as real processes write the same CSV / JSON as local ones and store the analysis (cliPoison.test.ts: failures).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnWorker, testRedis, uniquePrefix, type WorkerChild, parleyIn } from './helpers.ts';

const REDIS_URL = testRedis('test/jobs/cli.test.ts');
const dir = mkdtempSync(join(tmpdir(), 'parley-dist-cli-'));
const workers: WorkerChild[] = [];
afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop('SIGKILL')));
  rmSync(dir, { recursive: true, force: true });
});

const parley = parleyIn(dir);

describe.skipIf(!REDIS_URL)('parley worker and --distributed commands', () => {
  const url = REDIS_URL!;

  it('sweep --distributed writes the same results as a local sweep and stores them', async () => {
    const prefix = uniquePrefix('cli');
    const sweep = [
      'sweep',
      'bosnia-1995',
      '--param',
      'front.balance=0.4,0.6',
      '--runs',
      '150',
      '-q',
    ];
    // all at once: the coordinator enqueues and waits; the worker takes the chunks once it is up
    const [worker, local, missing, dist] = await Promise.all([
      spawnWorker(url, prefix, {}, true),
      parley([...sweep, '-o', join(dir, 'local')]),
      parley([...sweep, '-o', join(dir, 'x'), '--distributed'], { PARLEY_REDIS_URL: '' }),
      parley([
        ...sweep,
        ...['-o', join(dir, 'dist'), '--distributed', '--redis', url, '--prefix', prefix],
        ...['--chunk-runs', '60', '--store'],
      ]),
    ]);
    workers.push(worker);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('✖ --distributed needs --redis URL (or PARLEY_REDIS_URL)');
    expect(local.code).toBe(0);
    expect(dist.code).toBe(0);
    expect(dist.stdout).toMatch(/Stored as sweep analysis \S+ \(scenario bosnia-1995 v\d+\)/);
    expect(readFileSync(join(dir, 'dist', 'results.csv'), 'utf8')).toBe(
      readFileSync(join(dir, 'local', 'results.csv'), 'utf8'),
    );
    expect(worker.log()).toMatch(/chunk \w+:1:120 \(30 runs\)/);
  });

  it('run --distributed writes the same JSON result (traces included) as a local run', async () => {
    const prefix = uniquePrefix('cli-run');
    const run = ['run', 'russia-japan-1905', '--runs', '700', '--traces', '2', '-q'];
    const [worker, local, dist] = await Promise.all([
      spawnWorker(url, prefix, {}, true),
      parley([...run, '--json', join(dir, 'local.json')]),
      parley([
        ...run,
        ...['--json', join(dir, 'dist.json'), '--distributed', '--redis', url, '--prefix', prefix],
        ...['--chunk-runs', '300'],
      ]),
    ]);
    workers.push(worker);
    expect(local.code).toBe(0);
    expect(dist.code).toBe(0);
    const distJson = readFileSync(join(dir, 'dist.json'), 'utf8');
    expect(JSON.parse(distJson).traces).toHaveLength(2);
    expect(distJson).toBe(readFileSync(join(dir, 'local.json'), 'utf8'));
    expect(worker.log()).toMatch(/chunk \w+:0:600 \(100 runs\)/);
  });
});
