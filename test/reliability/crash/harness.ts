/**
 * The harness of the crash-safety tests: writer children (writer.ts, bundled for a quick
 * start) killed with SIGKILL at random moments, and the checks run on the database afterwards.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { BUNDLED_SCENARIOS_DIR, REPO_ROOT } from '../../../src/data/scenarios.ts';
import { inputHash } from '../../../src/engine/index.ts';
import { parseScenarioText, type Scenario } from '../../../src/model/index.ts';
import type { Store } from '../../../src/store/index.ts';
import { rng } from '../fuzz/mutations.ts';
import { bundle } from './bundle.ts';

let writerJs: string;
let tmp: string;

/** Bundles the writer and writes its scenario; returns the temporary folder and a cleanup. */
export async function setUp(): Promise<{ tmp: string; cleanUp: () => void }> {
  tmp = mkdtempSync(join(tmpdir(), 'parley-crash-'));
  writerJs = await bundle(join(REPO_ROOT, 'test', 'reliability', 'crash', 'writer.ts'));
  const parsed = parseScenarioText(
    readFileSync(join(BUNDLED_SCENARIOS_DIR, 'bosnia-1995.yaml'), 'utf8'),
  );
  if (!parsed.ok) throw new Error('invalid bundled scenario: bosnia-1995');
  writeFileSync(join(tmp, 'scenario.json'), JSON.stringify({ ...parsed.value, id: 'crash-war' }));
  return {
    tmp,
    cleanUp: () => {
      rmSync(tmp, { recursive: true, force: true });
      if (writerJs) rmSync(writerJs, { force: true });
    },
  };
}

export type Acks = {
  scenarios: Map<string, string>;
  runs: Map<string, 'queued' | 'done'>;
  analyses: Map<string, number>;
};

/** One writer's life: started, killed with SIGKILL `lifeMs` after it is ready; its acks. */
function life(
  args: string[],
  lifeMs: number,
  acks: Acks,
): Promise<{ killedWhileWriting: boolean; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writerJs, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, CRASH_SCENARIO_JSON: join(tmp, 'scenario.json') },
    });
    let out = '';
    let stderr = '';
    let ready = false;
    let timer: NodeJS.Timeout | undefined;
    const guard = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!ready && out.startsWith('ready\n')) {
        ready = true;
        timer = setTimeout(() => child.kill('SIGKILL'), lifeMs);
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(timer);
      clearTimeout(guard);
      // only whole lines were acknowledged
      for (const line of out.split('\n').slice(0, -1)) {
        const [kind, id, a, b] = line.split(' ');
        if (kind === 'scenario') acks.scenarios.set(`${id}@${a}`, b);
        else if (kind === 'run') acks.runs.set(id, a as 'queued' | 'done');
        else if (kind === 'analysis') acks.analyses.set(id, Number(a));
      }
      resolve({ killedWhileWriting: ready && signal === 'SIGKILL', stderr });
    });
  });
}

/** Kills `kills` writers, `parallel` at a time, each after a random 50–400 ms of writing. */
export async function killLoop(
  args: string[],
  kills: number,
  parallel: number,
  seed: number,
): Promise<{ acks: Acks; killed: number }> {
  const acks: Acks = { scenarios: new Map(), runs: new Map(), analyses: new Map() };
  const r = rng(seed);
  let started = 0;
  let killed = 0;
  const lane = async () => {
    while (started < kills) {
      started++;
      const res = await life(args, 50 + Math.floor(r() * 350), acks);
      if (res.killedWhileWriting) killed++;
      else if (res.stderr) throw new Error(`writer failed: ${res.stderr.slice(0, 500)}`);
    }
  };
  await Promise.all(Array.from({ length: parallel }, lane));
  return { acks, killed };
}

/** Checks that hold on either backend, through the Store and plain SQL. */
export async function verify(
  store: Store,
  query: <T>(sql: string) => Promise<T[]>,
  acks: Acks,
): Promise<Record<string, number>> {
  // every acknowledged write is present, as acknowledged
  for (const [key, hash] of acks.scenarios) {
    const [id, version] = key.split('@');
    expect((await store.getScenario(id, Number(version)))?.hash, key).toBe(hash);
  }
  for (const [id, status] of acks.runs) {
    const run = await store.getRun(id);
    expect(run, `run ${id}`).toBeDefined();
    if (status === 'done') {
      expect(run!.status).toBe('done');
      expect(JSON.parse((await store.getRunResultJson(id))!)).toHaveProperty('curve');
    }
  }
  for (const [id, n] of acks.analyses)
    expect((await store.getAnalysisRows(id, { limit: 1000 })).length).toBe(n);

  // no partial rows
  const versions = await query<{ version: number; hash: string; body: string }>(
    "SELECT version, hash, body FROM scenarios WHERE id = 'crash-war' ORDER BY version",
  );
  versions.forEach((v, i) => {
    expect(Number(v.version), 'versions without gaps').toBe(i + 1);
    expect(inputHash(JSON.parse(v.body) as Scenario), `version ${v.version} body`).toBe(v.hash);
  });
  expect(
    await query(
      "SELECT id FROM runs WHERE status = 'done' AND (result IS NULL OR finished_at IS NULL)",
    ),
  ).toEqual([]);
  expect(
    await query("SELECT id FROM runs WHERE status IN ('queued', 'running') AND result IS NOT NULL"),
  ).toEqual([]);
  expect(
    await query(
      'SELECT r.id FROM runs r LEFT JOIN scenarios s ON s.id = r.scenario_id AND s.version = r.scenario_version WHERE s.id IS NULL',
    ),
  ).toEqual([]);
  expect(
    await query(
      'SELECT a.id FROM analyses a LEFT JOIN (SELECT analysis_id, COUNT(*) AS n FROM analysis_rows GROUP BY analysis_id) c ON c.analysis_id = a.id WHERE COALESCE(c.n, 0) <> a.row_count',
    ),
  ).toEqual([]);
  for (const { result } of await query<{ result: string }>(
    "SELECT result FROM runs WHERE status = 'done'",
  ))
    JSON.parse(result);
  const [{ n: unfinished }] = await query<{ n: number }>(
    "SELECT COUNT(*) AS n FROM runs WHERE status IN ('queued', 'running')",
  );
  const [{ n: runs }] = await query<{ n: number }>('SELECT COUNT(*) AS n FROM runs');
  return { versions: versions.length, runs: Number(runs), unfinished: Number(unfinished) };
}
