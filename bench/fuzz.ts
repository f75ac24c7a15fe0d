/**
 * `npm run fuzz`: the long fuzzing run of issue #10 (the short one is test/reliability/fuzz*.ts).
 * Seeded mutations of the bundled scenarios through the loader (in process), the API
 * (app.inject on validate, save and run) and a sample through the CLI (child processes).
 * Prints the count and the outcome classes per target, the slowest case, the peak memory, and
 * every problem (a throw, a 5xx, a stack trace, a hang, prototype pollution); exits 1 on any.
 *   FUZZ_SEED (default 20261125), FUZZ_LOADER (8000), FUZZ_API (2400), FUZZ_CLI (40)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closePools } from '../src/jobs/localPool.ts';
import { validateScenario } from '../src/model/index.ts';
import { buildApp } from '../src/server/app.ts';
import { openSqliteStore } from '../src/store/index.ts';
import { loadBases, mutationCases } from '../test/reliability/fuzz/mutations.ts';
import {
  apiTarget,
  cliTarget,
  loaderTarget,
  Tally,
  type Outcome,
} from '../test/reliability/fuzz/targets.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261125);
const N_LOADER = Number(process.env.FUZZ_LOADER ?? 8000);
const N_API = Number(process.env.FUZZ_API ?? 2400);
const N_CLI = Number(process.env.FUZZ_CLI ?? 40);
/** a case slower than this counts as a hang */
const CASE_MS = 15_000;
const CLI_MS = 90_000;

const tmp = mkdtempSync(join(tmpdir(), 'parley-fuzz-'));
const bases = loadBases();
let peakRss = 0;
const sampleMemory = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
const tallies: Record<string, Tally> = {};
const t0 = performance.now();

function finish(name: string, t: Tally, boundMs: number): void {
  const slow = t.maxMs > boundMs;
  console.log(
    `${name}: ${t.count} cases, slowest ${t.maxMs.toFixed(0)} ms${slow ? ' (OVER THE BOUND)' : ''}\n  ${t.summary()}`,
  );
  if (slow)
    t.problems.push({
      c: name,
      o: { cls: 'slow', problem: `a case took ${t.maxMs.toFixed(0)} ms`, ms: t.maxMs },
    });
  tallies[name] = t;
}

try {
  // (a) loader
  const loader = new Tally();
  for (const c of mutationCases(SEED, N_LOADER, { bases, largeShare: 0.02 })) {
    loader.add(c, loaderTarget(c, tmp));
    if (c.index % 100 === 0) sampleMemory();
  }
  finish('loader', loader, CASE_MS);

  // (c) API
  const store = await openSqliteStore(join(tmp, 'fuzz.db'));
  const { token } = await store.createToken('fuzz');
  for (const b of bases) {
    const r = validateScenario(b.data);
    if (r.ok) await store.saveScenario(r.value);
  }
  const app = await buildApp({
    store,
    config: { rateLimit: false, threads: 1, maxRuns: 100, syncMaxRuns: 100 },
  });
  const api = new Tally();
  const ids = bases.map((b) => b.name.replace(/\.ya?ml$/, ''));
  for (const c of mutationCases(SEED + 1, N_API, { bases, largeShare: 0.02 })) {
    api.add(c, await apiTarget(app, token, c, ids));
    if (c.index % 100 === 0) sampleMemory();
  }
  // every acknowledged run is stored, done, with its result
  let runsChecked = 0;
  for (const run of await store.listRuns({ limit: 1000 })) {
    runsChecked++;
    if (run.status !== 'done' || !(await store.getRunResultJson(run.id)))
      api.problems.push({
        c: run.id,
        o: { cls: 'lost run', problem: `run ${run.id} is ${run.status} without a result`, ms: 0 },
      });
  }
  finish('api', api, CASE_MS);
  console.log(`  (${runsChecked} runs created through the API, each stored with its result)`);
  await app.close();
  await store.close();
  await closePools();

  // (b) CLI, two processes at a time; every fourth case simulates (run --runs 50)
  const cli = new Tally();
  const cases = [...mutationCases(SEED + 2, N_CLI, { bases, largeShare: 0.05 })];
  for (let i = 0; i < cases.length; i += 2)
    await Promise.all(
      cases.slice(i, i + 2).map(async (c, k) => {
        const o: Outcome = await cliTarget(c, tmp, (i + k) % 4 === 3 ? 'run' : 'validate');
        cli.add(c, o);
      }),
    );
  finish('cli', cli, CLI_MS);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

// memory stays bounded: alias bombs, huge lists and megabyte strings must not pile up
const MAX_RSS = 2 * 2 ** 30;
if (peakRss > MAX_RSS)
  tallies.loader.problems.push({
    c: 'memory',
    o: { cls: 'memory', problem: `peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB > 2048 MB`, ms: 0 },
  });
const total = Object.values(tallies).reduce((n, t) => n + t.count, 0);
const problems = Object.entries(tallies).flatMap(([name, t]) =>
  t.problems.map(
    ({ c, o }) =>
      `${name} ${typeof c === 'string' ? c : `#${c.index} ${c.kind} (${c.base})`}: ${o.problem}`,
  ),
);
console.log(
  `\nfuzz: ${total} cases in ${((performance.now() - t0) / 1000).toFixed(0)} s (seed ${SEED}), peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB, ${problems.length} problems`,
);
for (const p of problems) console.log(`  ✖ ${p}`);
console.log(
  JSON.stringify({
    fuzz: total,
    seed: SEED,
    problems: problems.length,
    peakRssMb: Math.round(peakRss / 2 ** 20),
    classes: Object.fromEntries(
      Object.entries(tallies).map(([k, t]) => [k, Object.fromEntries(t.classes)]),
    ),
  }),
);
process.exit(problems.length ? 1 : 0);
