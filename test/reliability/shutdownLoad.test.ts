/**
 * Graceful shutdown under load (issue 15, finding 5): the real server process gets SIGTERM while
 * clients keep sending synchronous runs, jobs, an analysis and reads. Every answer is a success
 * or a 503 with Retry-After (never a 500), every 201 run is stored done, the process exits 0 and
 * never logs "shutdown failed". Once the server stops listening, a new connection is refused,
 * which clients handle as "down"; that is the only network error allowed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/index.ts';
import { startServerProcess, type LoadServer } from './load/harness.ts';

let dir: string;
let server: LoadServer;
let output = '';
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parley-shutdown-'));
  server = await startServerProcess(join(dir, 'load.db'));
  server.child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
});
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

type Outcome = {
  what: string;
  /** sent before SIGTERM: in flight when the shutdown began */
  early: boolean;
  status?: number;
  retryAfter?: string | null;
  id?: string;
  error?: string;
};

it('answers every request with a success or a 503 while it shuts down, and exits cleanly', async () => {
  const outcomes: Outcome[] = [];
  let stopped = false;
  let signalled = false;
  const auth = { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' };
  const requests: [string, string, string, unknown?][] = [
    ['sync run', 'POST', '/runs', { scenarioId: 'bosnia-1995', runs: 1500, seed: 3 }],
    ['job', 'POST', '/runs', { scenarioId: 'bosnia-1995', runs: 20_000, seed: 4 }],
    ['compare', 'POST', '/scenarios/russia-ukraine-2024/compare', { runs: 300, bootstrap: 20 }],
    ['read', 'GET', `/runs/${server.runId}/result`],
    ['list', 'GET', '/runs?limit=10'],
  ];
  // six clients, each sending one request after another until the server is gone
  const client = async (k: number) => {
    for (let n = k; !stopped; n++) {
      const [what, method, path, body] = requests[n % requests.length];
      const early = !signalled;
      try {
        const r = await fetch(server.url + path, {
          method,
          headers: body ? auth : {},
          body: body ? JSON.stringify(body) : undefined,
        });
        const text = await r.text();
        const id =
          r.status === 201 && what === 'sync run'
            ? (JSON.parse(text) as { run: { id: string } }).run.id
            : undefined;
        outcomes.push({
          what,
          early,
          status: r.status,
          retryAfter: r.headers.get('retry-after'),
          id,
        });
      } catch (e) {
        // the server went away under a request sent after the signal: this client is done
        const error = (e as { cause?: { code?: string } }).cause?.code ?? String(e);
        outcomes.push({ what, early, error });
        return;
      }
    }
  };
  const clients = Array.from({ length: 6 }, (_, k) => client(k));
  await new Promise((r) => setTimeout(r, 1500));
  const exited = new Promise<number | null>((resolve) => server.child.on('exit', resolve));
  signalled = true;
  server.child.kill('SIGTERM');
  const code = await exited;
  stopped = true;
  await Promise.all(clients);

  // an answer is a success or a 503 with Retry-After; a request in flight when the signal came
  // is answered (a later one may meet a closed port or a closing connection)
  const bad = outcomes.filter((o) =>
    o.error !== undefined
      ? o.early || !['ECONNREFUSED', 'ECONNRESET', 'UND_ERR_SOCKET'].includes(o.error)
      : !(o.status! < 300 || (o.status === 503 && Number(o.retryAfter) > 0)),
  );
  expect(bad).toEqual([]);
  expect(outcomes.filter((o) => o.early && o.status! < 300).length).toBeGreaterThan(5);
  // the shutdown answered some requests itself, with 503 and Retry-After
  expect(outcomes.some((o) => !o.early && o.status === 503)).toBe(true);
  if (code !== 0) console.log(output.slice(-3000));
  expect(code).toBe(0);
  expect(output).not.toMatch(/shutdown failed|request failed/);
  // what was answered 201 was stored, done
  const store = await openSqliteStore(join(dir, 'load.db'));
  try {
    for (const o of outcomes)
      if (o.id) expect((await store.getRun(o.id))?.status, `run ${o.id}`).toBe('done');
  } finally {
    await store.close();
  }
});
