/**
 * Load, the short version CI runs (issue #10): the API in its own process, a few seconds of
 * cached result reads and then reads mixed with concurrent POST /runs, all over loopback.
 * Asserts 0 errors and 0 non-2xx answers, and that every run created under load is stored,
 * done and identical to its twins. No throughput threshold here (timings are not asserted in
 * tests); `npm run bench:load` holds the ≥ 2,000 requests/s bound and reports p99.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  mixedLoad,
  readLoad,
  startServerProcess,
  verifyRuns,
  type LoadServer,
} from './load/harness.ts';

let dir: string;
let server: LoadServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parley-load-'));
  server = await startServerProcess(join(dir, 'load.db'));
});
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

it('answers every cached read, then reads and concurrent runs, without an error or a lost run', async () => {
  const reads = await readLoad(server, 2);
  console.log(`load (short): cached reads ${reads.rps} req/s, p99 ${reads.p99Ms} ms`);
  expect(reads.total).toBeGreaterThan(0);
  expect({ errors: reads.errors, non2xx: reads.non2xx }).toEqual({ errors: 0, non2xx: 0 });

  const mixed = await mixedLoad(server, 3, 20);
  const problems = await verifyRuns(server, mixed.runs.created);
  console.log(
    `load (short): mixed reads ${mixed.reads.rps} req/s; ${mixed.runs.created.length} runs created, ${problems.length} lost or corrupt`,
  );
  expect(mixed.runs.created.length).toBeGreaterThan(0);
  expect(problems).toEqual([]);
  expect([mixed.reads.errors, mixed.reads.non2xx, mixed.runs.errors, mixed.runs.non2xx]).toEqual([
    0, 0, 0, 0,
  ]);
  // the server lists them too, page after page (a fast machine creates more than one page):
  // none lost between the answer and the store
  const ids = new Set<string>();
  for (let cursor: string | null = null, pages = 0; pages === 0 || cursor; pages++) {
    const page = (await (
      await fetch(
        `${server.url}/runs?scenarioId=bosnia-1995&limit=200${cursor ? `&cursor=${cursor}` : ''}`,
      )
    ).json()) as { runs: { id: string }[]; nextCursor: string | null };
    for (const r of page.runs) ids.add(r.id);
    cursor = page.nextCursor;
  }
  expect(mixed.runs.created.filter((id) => !ids.has(id))).toEqual([]);
});
