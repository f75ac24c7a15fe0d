/**
 * Engine benchmark (`npm run bench`): prints medians of repeated timings and one JSON line.
 * - party-months per second on one thread: nominal (runs × 120 months × 2, the count)
 *   and live (months a run is still at war × 2; finished runs cost nothing)
 * - speed-up with 2 worker threads (same runs, byte-identical result)
 * - ratio to a bare loop that only draws the same number of random numbers
 * - wall time for 10,000 runs × 120 months × 2 belligerents
 * Scenarios: the generic two-party interstate scenario (defaults) and russia-ukraine-2024.
 * Environment: BENCH_REPS (default 15: the 2-thread speed-up is a median of per-pair ratios on
 * a machine whose speed drifts), BENCH_SCENARIOS (comma list, e.g. "generic-interstate"),
 * BENCH_POOL=0 to skip the worker-thread part.
 * For A/B decisions on a loaded machine use instruction counts rather than wall time: bundle a
 * small script that warms up, then calls simulateBlock N times (esbuild, as the worker bundle),
 * run it under `valgrind --tool=callgrind` with N and with 0, and divide the difference by N.
 */
import { ScenarioSchema, type Scenario } from '../src/model/index.ts';
import { compile, simulateBlock, Rng, Stream } from '../src/engine/index.ts';
import { closePools, runScenarioParallel } from '../src/jobs/localPool.ts';
import { loadScenario } from '../src/data/scenarios.ts';
import { Worker } from 'node:worker_threads';

const REPS = Number(process.env.BENCH_REPS ?? 15);
const RUNS = 10_000;
const ONLY = process.env.BENCH_SCENARIOS?.split(',');
const POOL = process.env.BENCH_POOL !== '0';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function generic(): Scenario {
  return ScenarioSchema.parse({
    id: 'generic',
    name: 'Generic two-party interstate war',
    parties: [
      { id: 'a', name: 'A', role: 'belligerent', side: 'A' },
      { id: 'b', name: 'B', role: 'belligerent', side: 'B' },
    ],
    settings: { runs: RUNS, horizonMonths: 120 },
  });
}

function bundled(id: string): Scenario {
  const l = loadScenario(id);
  if (!l.result.ok) throw new Error(`bundled scenario ${id} is invalid`);
  const s = structuredClone(l.result.value);
  s.settings.runs = RUNS;
  s.settings.horizonMonths = 120;
  return s;
}

/** Number of random draws the engine makes for this scenario (counted once, outside timing). */
function countDraws(s: Scenario): number {
  const proto = Rng.prototype as unknown as { next: (r: number, k: number) => number };
  const original = proto.next;
  let draws = 0;
  proto.next = function (this: Rng, r: number, k: number) {
    draws++;
    return original.call(this, r, k);
  };
  try {
    simulateBlock(compile(s), 0, s.settings.runs);
  } finally {
    proto.next = original;
  }
  return draws;
}

function bareLoop(draws: number, runs: number): number {
  const rng = new Rng(1, 0, runs);
  let acc = 0;
  const t0 = performance.now();
  for (let d = 0; d < draws; d++) acc += rng.next(d % runs, Stream.battle);
  const ms = performance.now() - t0;
  if (acc < 0) console.log(acc);
  return ms;
}

async function benchScenario(name: string, s: Scenario) {
  const c = compile(s);
  simulateBlock(c, 0, 1000); // warm-up
  const times: number[] = [];
  let partyMonths = 0;
  for (let k = 0; k < REPS; k++) {
    const t0 = performance.now();
    const agg = simulateBlock(compile(s), 0, s.settings.runs);
    times.push(performance.now() - t0);
    partyMonths = agg.counters[2];
  }
  const oneThread = median(times);
  // 1 and 2 threads timed in alternation, and the speed-up is the median of the pairs' ratios:
  // this machine's speed drifts by up to ±30% over seconds (a bare arithmetic loop shows it
  // too), so series timed one after the other would compare different machine states
  const pairs = async () => {
    const warm = [
      await runScenarioParallel(s, { threads: 1 }),
      await runScenarioParallel(s, { threads: 2 }),
    ];
    if (JSON.stringify(warm[0]) !== JSON.stringify(warm[1]))
      throw new Error('1 and 2 threads differ: determinism broken');
    const t1: number[] = [],
      t2: number[] = [],
      ratios: number[] = [],
      capacity: number[] = [];
    const time = async (threads: number) => {
      const t0 = performance.now();
      await runScenarioParallel(s, { threads });
      return performance.now() - t0;
    };
    for (let k = 0; k < REPS; k++) {
      // which goes first alternates, so a drift within a pair favours neither side
      const [a, b] = k % 2 ? [await time(2), await time(1)] : [await time(1), await time(2)];
      t1.push(k % 2 ? b : a);
      t2.push(k % 2 ? a : b);
      ratios.push(t1[k] / t2[k]);
      capacity.push(await machineScaling());
    }
    return { t1, t2, ratios, capacity };
  };
  const pool = POOL ? await pairs() : undefined;
  const t1 = pool?.t1 ?? [];
  const t2 = pool?.t2 ?? [];
  // draws are counted by patching Rng.prototype.next, which deoptimises the engine on this
  // thread: done by finish(), after every scenario's timings
  return () => finish(name, s, oneThread, partyMonths, t1, t2, pool?.ratios, pool?.capacity);
}

function finish(
  name: string,
  s: Scenario,
  oneThread: number,
  partyMonths: number,
  t1: number[],
  t2: number[],
  ratios: number[] | undefined,
  capacity: number[] | undefined,
) {
  const draws = countDraws(s);
  const bare = median(Array.from({ length: REPS }, () => bareLoop(draws, s.settings.runs)));
  const row = {
    scenario: name,
    runs: s.settings.runs,
    horizonMonths: s.settings.horizonMonths,
    livePartyMonths: partyMonths,
    medianMsOneThread: round(oneThread),
    /** the count: runs × horizon × 2 belligerents per second (finished runs are skipped) */
    nominalPartyMonthsPerSecond: Math.round((s.settings.runs * 120 * 2) / (oneThread / 1000)),
    partyMonthsPerSecond: Math.round(partyMonths / (oneThread / 1000)),
    microsecondsPerLiveRunMonth: round((oneThread * 1000) / (partyMonths / 2)),
    randomDraws: draws,
    bareDrawLoopMs: round(bare),
    ratioToBareDrawLoop: round(oneThread / bare),
    medianMsPool1Thread: POOL ? round(median(t1)) : null,
    medianMsPool2Threads: POOL ? round(median(t2)) : null,
    /** median of the per-pair ratios (1 thread / 2 threads, timed back to back) */
    speedup2Threads: ratios ? round(median(ratios)) : null,
    /** what the machine's two cores gave a bare arithmetic loop meanwhile (2.0 = two full cores) */
    machineTwoCoreCapacity: capacity ? round(median(capacity)) : null,
  };
  console.log(
    `${name}: ${RUNS} runs × 120 months: ${row.medianMsOneThread} ms on one thread (median of ${REPS}); ` +
      `${(row.nominalPartyMonthsPerSecond / 1e6).toFixed(1)} M nominal party-months/s, ` +
      `${(row.partyMonthsPerSecond / 1e6).toFixed(2)} M live party-months/s (${row.microsecondsPerLiveRunMonth} µs per live run-month); ` +
      `${(draws / 1e6).toFixed(1)} M draws, bare draw loop ${row.bareDrawLoopMs} ms (ratio ${row.ratioToBareDrawLoop})` +
      (POOL
        ? `; pool 1 thread ${row.medianMsPool1Thread} ms, 2 threads ${row.medianMsPool2Threads} ms (speed-up ${row.speedup2Threads}×; the machine's two cores gave a bare loop ${row.machineTwoCoreCapacity}× meanwhile)`
        : ''),
  );
  return row;
}

const round = (x: number) => Math.round(x * 100) / 100;

/**
 * What two threads of this machine can do at the moment against one: a fixed arithmetic loop
 * timed in one worker thread alone and in two at once (2 × alone / together; 2.0 = two full
 * cores). On a shared VM the second core is at times slower, which caps any program's speed-up,
 * so the engine's speed-up is printed beside it.
 */
const SPIN = `const { parentPort } = require('node:worker_threads');
parentPort.on('message', (n) => {
  const a = new Float64Array(4096);
  let x = 0;
  for (let i = 0; i < n; i++) { x += a[i & 4095] * 1.0001 + (i & 7); a[(i * 7) & 4095] = x * 1e-9; }
  parentPort.postMessage(x);
});`;
let spinners: Worker[] | undefined;
const spin = (w: Worker, n: number) =>
  new Promise((resolve) => {
    w.once('message', resolve);
    w.postMessage(n);
  });

async function machineScaling(): Promise<number> {
  spinners ??= [new Worker(SPIN, { eval: true }), new Worker(SPIN, { eval: true })];
  const n = 2e7;
  let t0 = performance.now();
  await spin(spinners[0], n);
  const one = performance.now() - t0;
  t0 = performance.now();
  await Promise.all(spinners.map((w) => spin(w, n)));
  return (2 * one) / (performance.now() - t0);
}

const finishers = [];
for (const [name, make] of [
  ['generic-interstate', generic],
  ['russia-ukraine-2024', () => bundled('russia-ukraine-2024')],
] as const)
  if (!ONLY || ONLY.includes(name)) finishers.push(await benchScenario(name, make()));
await closePools();
await Promise.all((spinners ?? []).map((w) => w.terminate()));
const rows = finishers.map((f) => f());
console.log(
  JSON.stringify({ bench: 'engine', node: process.version, date: new Date().toISOString(), rows }),
);
