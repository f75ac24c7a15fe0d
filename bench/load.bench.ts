/**
 * `npm run bench:load` (issue #10): the API under load, in a process of its own, driven by
 * autocannon over loopback; bounded in time (LOAD_SECONDS per phase, default 10).
 *   1. cached result reads, GET /runs/{id}/result: requests/s and p99; must hold ≥ 2,000 req/s
 *      with 0 errors and 0 non-2xx answers
 *   2. mixed: the same reads while POST /runs (bosnia-1995, 50 runs) runs on 2 connections;
 *      afterwards every created run must be stored, done, and identical to its twins
 * Prints the figures and one JSON line; exits 1 when a bound is not held.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  mixedLoad,
  readLoad,
  startServerProcess,
  verifyRuns,
} from '../test/reliability/load/harness.ts';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 10);
const MIN_RPS = 2000;
const dir = mkdtempSync(join(tmpdir(), 'parley-load-'));
const server = await startServerProcess(join(dir, 'load.db'));
const failures: string[] = [];
try {
  console.log(
    `bench:load on ${server.url} (${SECONDS} s per phase; server in process ${server.child.pid})`,
  );
  await readLoad(server, 2); // warm-up: JIT, statement cache, result cache
  const reads = await readLoad(server, SECONDS);
  console.log(
    `cached result reads: ${reads.rps} req/s, p99 ${reads.p99Ms} ms, ${reads.total} requests, ${reads.errors} errors, ${reads.non2xx} non-2xx`,
  );
  if (reads.rps < MIN_RPS) failures.push(`reads: ${reads.rps} req/s < ${MIN_RPS}`);
  if (reads.errors + reads.non2xx > 0)
    failures.push(`reads: ${reads.errors} errors, ${reads.non2xx} non-2xx`);

  const mixed = await mixedLoad(server, SECONDS);
  const problems = await verifyRuns(server, mixed.runs.created);
  console.log(
    `mixed: reads ${mixed.reads.rps} req/s (p99 ${mixed.reads.p99Ms} ms, ${mixed.reads.errors} errors, ${mixed.reads.non2xx} non-2xx); ` +
      `runs ${mixed.runs.created.length} created (p99 ${mixed.runs.p99Ms} ms, ${mixed.runs.errors} errors, ${mixed.runs.non2xx} non-2xx); ` +
      `${mixed.runs.created.length - problems.length} verified stored, done and identical, ${problems.length} lost or corrupt`,
  );
  failures.push(...problems);
  if (mixed.reads.errors + mixed.reads.non2xx + mixed.runs.errors + mixed.runs.non2xx > 0)
    failures.push('mixed: errors or non-2xx answers');
  if (mixed.runs.created.length === 0) failures.push('mixed: no run was created');
  console.log(
    JSON.stringify({
      bench: 'load',
      seconds: SECONDS,
      reads: { rps: reads.rps, p99Ms: reads.p99Ms, errors: reads.errors, non2xx: reads.non2xx },
      mixed: {
        readRps: mixed.reads.rps,
        readP99Ms: mixed.reads.p99Ms,
        runsCreated: mixed.runs.created.length,
        runP99Ms: mixed.runs.p99Ms,
        lostOrCorrupt: problems.length,
      },
      pass: failures.length === 0,
    }),
  );
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
for (const f of failures) console.log(`  ✖ ${f}`);
process.exit(failures.length ? 1 : 0);
