/**
 * `npm run bench:compute-burst` (issue #15, finding 4): `/health` latency while CLIENTS clients
 * (default 64) send compute requests back to back for BURST_SECONDS (default 10): synchronous
 * runs (2,000 runs of bosnia-1995), variant comparisons and sweeps (russia-ukraine-2024, small-ish
 * run counts). The server runs in a process of its own (rate limit off, default bounds); one
 * client asks `/health` every 50 ms. Prints the /health p50/p99/max, the answers by status, the
 * runs the server accepted to compute, the server's memory, and one JSON line. A client that
 * gets 503 waits its Retry-After (capped at 1 s here, to keep the pressure on) and goes on.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess } from '../test/reliability/load/harness.ts';
import { healthFigures, healthLine, probeHealth, quantile, rssMb } from './healthProbe.ts';

const SECONDS = Number(process.env.BURST_SECONDS ?? 10);
const CLIENTS = Number(process.env.CLIENTS ?? 64);

const REQUESTS: { what: string; path: string; body: unknown; runs: number }[] = [
  { what: 'run', path: '/runs', body: { scenarioId: 'bosnia-1995', runs: 2000 }, runs: 2000 },
  {
    what: 'compare',
    path: '/scenarios/russia-ukraine-2024/compare',
    body: { runs: 500, bootstrap: 50 },
    runs: 500 * 4,
  },
  {
    what: 'sweep',
    path: '/scenarios/bosnia-1995/sweep',
    body: { runs: 300, params: ['front.balance=0.2,0.3,0.4,0.5,0.6,0.7'] },
    runs: 300 * 6,
  },
];

const dir = mkdtempSync(join(tmpdir(), 'parley-burst-'));
const server = await startServerProcess(join(dir, 'burst.db'));
try {
  const pid = server.child.pid!;
  const rssBefore = rssMb(pid);
  let rssPeak = rssBefore;
  const end = Date.now() + SECONDS * 1000;
  const answers: { what: string; status: number; ms: number; runs: number }[] = [];
  const client = async (k: number) => {
    for (let n = k; Date.now() < end; n++) {
      const req = REQUESTS[n % REQUESTS.length];
      const t0 = performance.now();
      try {
        const r = await fetch(server.url + req.path, {
          method: 'POST',
          headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
          body: JSON.stringify(req.body),
        });
        await r.text();
        answers.push({
          what: req.what,
          status: r.status,
          ms: performance.now() - t0,
          runs: req.runs,
        });
        if (r.status === 503)
          await new Promise((res) =>
            setTimeout(res, Math.min(1000, Number(r.headers.get('retry-after') ?? 1) * 1000)),
          );
      } catch {
        answers.push({ what: req.what, status: 0, ms: performance.now() - t0, runs: req.runs });
      }
    }
  };
  const [health] = await Promise.all([
    probeHealth(server.url, end, () => (rssPeak = Math.max(rssPeak, rssMb(pid)))),
    ...Array.from({ length: CLIENTS }, (_, k) => client(k)),
  ]);
  const byStatus: Record<string, number> = {};
  for (const a of answers) byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
  const computed = answers.filter((a) => a.status === 201);
  const figures = {
    bench: 'compute-burst',
    seconds: SECONDS,
    clients: CLIENTS,
    health: healthFigures(health),
    answers: {
      total: answers.length,
      byStatus,
      runsComputed: computed.reduce((s, a) => s + a.runs, 0),
      computedMedianMs: +quantile(
        computed.map((a) => a.ms),
        0.5,
      ).toFixed(0),
    },
    rssMb: { before: Math.round(rssBefore), peak: Math.round(rssPeak) },
  };
  console.log(
    `${healthLine('burst', figures.health)}\n` +
      `answers: ${answers.length} ${JSON.stringify(byStatus)}, ${figures.answers.runsComputed} runs computed, median ${figures.answers.computedMedianMs} ms\n` +
      `server memory: ${figures.rssMb.before} MB, peak ${figures.rssMb.peak} MB`,
  );
  console.log(JSON.stringify(figures));
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
