/**
 * API benchmark (`npm run bench:api`): autocannon against the real app on loopback, in this
 * process, over a fresh SQLite store; rate limiting off. Bounded in time: ROUNDS × SECONDS per
 * target (default 3 × 3 s). Prints requests/s and p99 latency per round, then the medians and
 * one JSON line.
 *   read   GET /runs/{id}/result   a stored result of russia-ukraine-2024 (2,000 runs)
 *   run    POST /runs              russia-ukraine-2024 with 100 runs, answered synchronously
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { closePools } from '../src/jobs/localPool.ts';
import { buildApp } from '../src/server/app.ts';
import { loadBundledScenarios } from '../src/server/services/bundled.ts';
import { openSqliteStore } from '../src/store/index.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const SCENARIO = 'russia-ukraine-2024';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const dir = mkdtempSync(join(tmpdir(), 'parley-bench-api-'));
const store = await openSqliteStore(join(dir, 'bench.db'));
const app = await buildApp({ store, config: { rateLimit: false, syncMaxRuns: 2000 } });
try {
  const bundled = loadBundledScenarios().find((b) => b.id === SCENARIO);
  if (!bundled) throw new Error(`invalid bundled scenario: ${SCENARIO}`);
  await store.saveScenario(bundled.scenario);
  const { token } = await store.createToken('bench');
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

  const stored = await fetch(`${url}/runs`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ scenarioId: SCENARIO, runs: 2000 }),
  });
  const { run } = (await stored.json()) as { run: { id: string } };
  const resultBytes = (await (await fetch(`${url}/runs/${run.id}/result`)).text()).length;

  const targets = [
    {
      name: 'read stored result',
      opts: { url: `${url}/runs/${run.id}/result`, connections: 10 },
    },
    {
      name: 'small synchronous run (100 runs)',
      opts: {
        url: `${url}/runs`,
        method: 'POST' as const,
        headers,
        body: JSON.stringify({ scenarioId: SCENARIO, runs: 100 }),
        connections: 4,
      },
    },
  ];
  console.log(
    `bench:api on ${url} (${ROUNDS} × ${SECONDS} s per target; stored result ${Math.round(resultBytes / 1024)} kB)`,
  );
  const summary: Record<string, { rps: number; p99Ms: number }> = {};
  for (const t of targets) {
    await autocannon({ ...t.opts, duration: 1 }); // warm-up: JIT, worker pool, statement cache
    const rps: number[] = [];
    const p99: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const res = await autocannon({ ...t.opts, duration: SECONDS });
      if (res.errors + res.timeouts + res.non2xx > 0)
        throw new Error(`invalid bench round: ${res.errors} errors, ${res.non2xx} non-2xx`);
      rps.push(res.requests.average);
      p99.push(res.latency.p99);
      console.log(
        `  ${t.name}: round ${r + 1}: ${res.requests.average.toFixed(0)} req/s, p99 ${res.latency.p99} ms`,
      );
    }
    summary[t.name] = { rps: Math.round(median(rps)), p99Ms: median(p99) };
    console.log(`${t.name}: median ${summary[t.name].rps} req/s, p99 ${summary[t.name].p99Ms} ms`);
  }
  console.log(JSON.stringify({ bench: 'api', rounds: ROUNDS, seconds: SECONDS, ...summary }));
} finally {
  await app.close();
  await closePools();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
