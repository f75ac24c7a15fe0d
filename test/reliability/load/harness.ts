/**
 * Load harness shared by `npm run bench:load` and the short CI version: starts the API in its
 * own process (serverProcess.ts), drives it with autocannon over loopback, and checks that every
 * run created under load is stored, done, and byte-identical to its twins (same scenario, same
 * seed), so a lost or corrupted run cannot pass.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';

type Result = Awaited<ReturnType<typeof autocannon>>;
import { REPO_ROOT } from '../../../src/data/scenarios.ts';

export type LoadServer = {
  url: string;
  token: string;
  runId: string;
  child: ChildProcess;
  stop: () => Promise<void>;
};

export function startServerProcess(dbFile: string): Promise<LoadServer> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(REPO_ROOT, 'test', 'reliability', 'load', 'serverProcess.ts'),
        dbFile,
      ],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, PARLEY_LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('invalid load server: not ready within 120 s'));
    }, 120_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      clearTimeout(timer);
      const info = JSON.parse(line) as { url: string; token: string; runId: string };
      resolve({
        ...info,
        child,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.on('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`invalid load server: exited with ${code} before it was ready`));
    });
  });
}

export type ReadFigures = {
  rps: number;
  p99Ms: number;
  total: number;
  errors: number;
  non2xx: number;
};

const figures = (r: Result): ReadFigures => ({
  rps: Math.round(r.requests.average),
  p99Ms: r.latency.p99,
  total: r.requests.total,
  errors: r.errors + r.timeouts,
  non2xx: r.non2xx,
});

/** Cached result reads: GET /runs/{id}/result. */
export async function readLoad(
  s: LoadServer,
  seconds: number,
  connections = 10,
): Promise<ReadFigures> {
  return figures(
    await autocannon({
      url: `${s.url}/runs/${s.runId}/result`,
      connections,
      duration: seconds,
      timeout: 10,
    }),
  );
}

export type MixedFigures = { reads: ReadFigures; runs: ReadFigures & { created: string[] } };

/** Reads and small synchronous runs at once; collects the id of every run the API created. */
export async function mixedLoad(
  s: LoadServer,
  seconds: number,
  runsPerRequest = 50,
): Promise<MixedFigures> {
  const created: string[] = [];
  const body = JSON.stringify({ scenarioId: 'bosnia-1995', runs: runsPerRequest, seed: 7 });
  const [reads, runs] = await Promise.all([
    readLoad(s, seconds, 8),
    autocannon({
      url: s.url,
      connections: 2,
      duration: seconds,
      timeout: 30,
      requests: [
        {
          method: 'POST',
          path: '/runs',
          headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' },
          body,
          onResponse: (status, text) => {
            if (status === 201) created.push((JSON.parse(text) as { run: { id: string } }).run.id);
          },
        },
      ],
    }),
  ]);
  return { reads, runs: { ...figures(runs), created } };
}

/**
 * Every created run is stored, done, with a result identical to the first one's (same scenario
 * and seed); returns the problems found.
 */
export async function verifyRuns(s: LoadServer, ids: string[]): Promise<string[]> {
  const problems: string[] = [];
  let reference: string | undefined;
  for (const id of ids) {
    const r = await fetch(`${s.url}/runs/${id}`);
    if (r.status !== 200) {
      problems.push(`run ${id}: HTTP ${r.status}`);
      continue;
    }
    const { run, result } = (await r.json()) as { run: { status: string }; result?: unknown };
    if (run.status !== 'done' || result === undefined)
      problems.push(`run ${id}: ${run.status} without a result`);
    const text = JSON.stringify(result);
    reference ??= text;
    if (text !== reference) problems.push(`run ${id}: result differs from its twins`);
  }
  return problems;
}
