/**
 * The crash-safety writer (child process of crash.test.ts): writes scenario versions, runs (in
 * one write, and queued → running → done) and analyses with rows through the real Store in a
 * loop, and prints one line per acknowledged write with a synchronous write to fd 1, after the
 * store said it was committed. The parent kills it with SIGKILL at random moments.
 *   writer <sqlite-file>            or   writer postgres <url> <schema>
 */
import { readFileSync, writeSync } from 'node:fs';
import { openPostgresStore, openSqliteStore, type Store } from '../../../src/store/index.ts';
import type { Scenario } from '../../../src/model/index.ts';

const [target, url, schema] = process.argv.slice(2);
// a validated scenario as JSON, from the parent (no YAML parser to load: a quicker start)
const base = JSON.parse(readFileSync(process.env.CRASH_SCENARIO_JSON!, 'utf8')) as Scenario;

const ack = (line: string) => writeSync(1, line + '\n');
const store: Store =
  target === 'postgres'
    ? await openPostgresStore(url, { schema, max: 2 })
    : await openSqliteStore(target);
ack('ready');

// a result of realistic size (tens of kB), so that a kill can land inside a write
const result = (i: number) =>
  JSON.stringify({ writer: process.pid, i, curve: Array.from({ length: 3000 }, (_, k) => k * i) });

for (let i = 0; ; i++) {
  const tag = `${process.pid}-${i}`;
  const saved = await store.saveScenario({ ...base, name: `crash ${tag}` });
  ack(`scenario ${saved.version.id} ${saved.version.version} ${saved.version.hash}`);
  const fields = {
    scenarioId: saved.version.id,
    scenarioVersion: saved.version.version,
    scenarioHash: saved.version.hash,
    seed: i,
    runs: 100,
    engineVersion: 'crash-test',
  };
  const done = await store.createRun({
    ...fields,
    status: 'done',
    resultJson: result(i),
    startedAt: new Date().toISOString(),
    durationMs: 1,
  });
  ack(`run ${done.id} done`);
  const queued = await store.createRun({ ...fields, status: 'queued' });
  ack(`run ${queued.id} queued`);
  await store.startRun(queued.id);
  await store.finishRun(queued.id, result(-i), 2);
  ack(`run ${queued.id} done`);
  const analysis = await store.saveAnalysis({
    kind: 'sweep',
    scenarioId: saved.version.id,
    scenarioVersion: saved.version.version,
    params: { tag },
    rows: Array.from({ length: 200 }, (_, k) => ({ k, tag })),
  });
  ack(`analysis ${analysis.id} 200`);
}
