/**
 * Distributed-sweep benchmark (`npm run bench:distributed`): runs/s of the same scenario on the
 * local worker-thread pool (1 and 2 threads) and through Redis on 1 and 2 `parley worker`
 * processes (concurrency 1 each), and the queue overhead per chunk (a sweep of 1-run chunks:
 * enqueue, worker round trip, HSETNX, coordinator poll). Medians over BENCH_REPS repeats.
 * Redis: PARLEY_REDIS_URL or PARLEY_TEST_REDIS_URL, else a private one from scripts/redis.sh.
 * Worker start-up (a few seconds through tsx) is outside the timings.
 */
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { loadScenario } from '../src/data/scenarios.ts';
import { canonicalJson } from '../src/engine/index.ts';
import { closePools, runScenarioParallel } from '../src/jobs/localPool.ts';
import {
  runScenarioDistributed,
  simulateRecordsDistributed,
} from '../src/jobs/distributed/analyses.ts';
import type { Scenario } from '../src/model/index.ts';

const REPS = Number(process.env.BENCH_REPS ?? 3);
const RUNS = Number(process.env.BENCH_RUNS ?? 8000);
const CHUNK = Number(process.env.BENCH_CHUNK_RUNS ?? 1000);
const OVERHEAD_CHUNKS = 200;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function scenario(runs: number, seed = 1): Scenario {
  const l = loadScenario('russia-ukraine-2024');
  if (!l.result.ok) throw new Error('bundled scenario russia-ukraine-2024 is invalid');
  const s = structuredClone(l.result.value);
  s.settings.runs = runs;
  s.settings.seed = seed;
  return s;
}

let privateRedis = false;
function redisUrl(): string {
  const url = process.env.PARLEY_REDIS_URL ?? process.env.PARLEY_TEST_REDIS_URL;
  if (url) return url;
  const env = {
    ...process.env,
    PARLEY_REDIS_PORT: '56391',
    PARLEY_REDIS_DIR: '/tmp/parley-redis-bench',
  };
  const out = execSync('bash scripts/redis.sh start', { env }).toString();
  privateRedis = true;
  return /PARLEY_TEST_REDIS_URL=(\S+)/.exec(out)![1];
}

function startWorker(url: string, prefix: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['bin/parley.js', 'worker', '--redis', url, '--prefix', prefix, '--concurrency', '1', '-q'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stderr.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes(': ready')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`worker exited (${code}):\n${out}`)));
  });
}

async function time(f: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await f();
  return (performance.now() - t0) / 1000;
}

const url = redisUrl();
const s = scenario(RUNS);
const rows: { setup: string; seconds: number; runsPerSecond: number }[] = [];
const reference = canonicalJson(await runScenarioParallel(s, { threads: 1 })); // also warms up

for (const threads of [1, 2]) {
  const ts: number[] = [];
  for (let r = 0; r < REPS; r++) ts.push(await time(() => runScenarioParallel(s, { threads })));
  rows.push({
    setup: `local pool, ${threads} thread${threads > 1 ? 's' : ''}`,
    seconds: median(ts),
    runsPerSecond: RUNS / median(ts),
  });
}
await closePools();

const workers: ChildProcess[] = [];
let overheadMs = NaN;
let overheadRecordsMs = NaN;
let identical = true;
try {
  for (const n of [1, 2]) {
    const prefix = `bench-${process.pid}-${n}`;
    workers.push(...(await Promise.all(Array.from({ length: n }, () => startWorker(url, prefix)))));
    const opts = { redis: url, prefix, chunkRuns: CHUNK };
    await runScenarioDistributed(scenario(4 * CHUNK, 99), opts); // warm-up: bundles, compiled scenario
    const ts: number[] = [];
    for (let r = 0; r < REPS; r++)
      ts.push(
        await time(async () => {
          identical &&= canonicalJson(await runScenarioDistributed(s, opts)) === reference;
        }),
      );
    rows.push({
      setup: `Redis, ${n} worker process${n > 1 ? 'es' : ''} (concurrency 1)`,
      seconds: median(ts),
      runsPerSecond: RUNS / median(ts),
    });
    if (n === 1) {
      const tiny = scenario(OVERHEAD_CHUNKS, 7);
      const os: number[] = [];
      for (let r = 0; r < REPS; r++)
        os.push(
          await time(() => runScenarioDistributed(tiny, { ...opts, chunkRuns: 1, pollMs: 20 })),
        );
      overheadMs = (1000 * median(os)) / OVERHEAD_CHUNKS;
      // the same with per-run records (a few bytes per part instead of a 170 kB aggregate)
      const rs: number[] = [];
      for (let r = 0; r < REPS; r++)
        rs.push(
          await time(() =>
            simulateRecordsDistributed([tiny], { ...opts, chunkRuns: 1, pollMs: 20 }),
          ),
        );
      overheadRecordsMs = (1000 * median(rs)) / OVERHEAD_CHUNKS;
    }
    for (const w of workers.splice(0)) w.kill('SIGTERM');
  }
} finally {
  for (const w of workers) w.kill('SIGKILL');
  if (privateRedis)
    execSync('bash scripts/redis.sh stop', {
      env: {
        ...process.env,
        PARLEY_REDIS_PORT: '56391',
        PARLEY_REDIS_DIR: '/tmp/parley-redis-bench',
      },
    });
}

const base = rows[0].runsPerSecond;
console.log(
  `\nrussia-ukraine-2024, ${RUNS} runs, ${CHUNK} runs per distributed chunk, median of ${REPS}; load average ${(
    await import('node:os')
  )
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
console.log(
  'setup'.padEnd(44) + 'seconds'.padStart(9) + 'runs/s'.padStart(10) + 'vs 1 thread'.padStart(13),
);
for (const r of rows)
  console.log(
    r.setup.padEnd(44) +
      r.seconds.toFixed(2).padStart(9) +
      r.runsPerSecond.toFixed(0).padStart(10) +
      `${(r.runsPerSecond / base).toFixed(2)}×`.padStart(13),
  );
console.log(
  `round trip per chunk (1-run chunks, 1 worker, ${OVERHEAD_CHUNKS} chunks): ${overheadMs.toFixed(1)} ms with a 170 kB aggregate part, ${overheadRecordsMs.toFixed(1)} ms with a per-run record part`,
);
console.log(`distributed results byte-identical to the local pool: ${identical ? 'yes' : 'NO'}`);
console.log(
  JSON.stringify({
    runs: RUNS,
    chunkRuns: CHUNK,
    rows,
    overheadMsPerChunk: overheadMs,
    overheadMsPerRecordsChunk: overheadRecordsMs,
    identical,
  }),
);
process.exit(identical ? 0 : 1);
