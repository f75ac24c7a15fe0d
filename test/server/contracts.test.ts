/* eslint-disable @typescript-eslint/no-explicit-any -- the web client is loaded untyped (see below) */
/**
 * The web and the server agree on the API's shapes: the web's own client (web/src/api.ts, the
 * code the browser runs) talks to a real listening server, and every answer it gets is exactly
 * what the contract schema of src/contracts describes — parsing with the schema keeps every
 * field (nothing the server sends is unknown to the contract) and loses none. The run overrides
 * are one set: `POST /runs` with `horizonMonths` gives the CLI's result for `--horizon`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  AnaloguesSchema,
  CaseListSchema,
  ErrorSchema,
  type Issue,
  InsightsSchema,
  RunDoneSchema,
  RunListSchema,
  SavedSchema,
  SavedScenarioSchema,
  ScenarioListSchema,
  withOverrides,
} from '../../src/contracts/index.ts';
import { runScenario } from '../../src/engine/index.ts';
import { RUN_CHARTS } from '../../src/report/charts/runCharts.ts';
import { closePools } from '../../src/jobs/localPool.ts';
import { SMALL_ID, smallScenario, startTestServer, type TestServer } from './helper.ts';

let s: TestServer;
// the web client is loaded at run time: its modules are typed against the DOM (web/tsconfig.json),
// which the Node project does not include
type Answer =
  { ok: true; value: unknown } | { ok: false; status: number; issues: Issue[]; message: string };
let api: Record<string, (...args: any[]) => Promise<Answer>>;
let getJson: (path: string) => Promise<Answer>;
const WEB_CLIENT = new URL('../../web/src/api.ts', import.meta.url).href;
const realFetch = globalThis.fetch;
const storage = new Map<string, string>();

beforeAll(async () => {
  s = await startTestServer();
  // the browser's relative addresses and session storage, for the web client in Node
  globalThis.fetch = (input, init) =>
    realFetch(typeof input === 'string' ? new URL(input, s.url) : input, init);
  Object.assign(globalThis, {
    sessionStorage: {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => void storage.set(k, v),
      removeItem: (k: string) => void storage.delete(k),
    },
  });
  storage.set('parley.token', s.token);
  const web = await import(WEB_CLIENT);
  api = web.api;
  getJson = web.getJson;
});
afterAll(async () => {
  globalThis.fetch = realFetch;
  await s?.close();
  await closePools();
});

/** The answer's value, after checking that the schema describes it field for field. */
function exactly<T>(schema: z.ZodType<T>, r: Answer): T {
  if (!r.ok) throw new Error(`${r.status}: ${r.message}`);
  const parsed = schema.safeParse(r.value);
  expect(parsed.error?.issues).toBeUndefined();
  // zod drops keys a schema does not name: equality means the contract names every one
  expect(parsed.data).toEqual(r.value);
  return parsed.data!;
}

describe('the web client and the server agree on the contract', () => {
  it('scenarios: save, list, get', async () => {
    const saved = exactly(
      SavedSchema,
      await api.saveScenario(smallScenario({ id: 'contract-war', name: 'Contract war' })),
    );
    expect(saved).toMatchObject({ created: true, version: { id: 'contract-war', version: 1 } });
    const list = exactly(ScenarioListSchema, await getJson('/scenarios'));
    expect(list.scenarios.map((x: { id: string }) => x.id).sort()).toEqual([
      'contract-war',
      SMALL_ID,
    ]);
    const one = exactly(SavedScenarioSchema, await getJson('/scenarios/contract-war'));
    expect(one.scenario.name).toBe('Contract war');
  });

  it('runs: start one with every override, list it', async () => {
    const done = exactly(
      RunDoneSchema,
      await api.startRun({
        scenarioId: SMALL_ID,
        runs: 150,
        seed: 9,
        horizonMonths: 24,
        explainMonth: 6,
      }),
    );
    expect(done.result.meta).toMatchObject({ runs: 150, seed: 9, horizonMonths: 24 });
    expect(done.result.explanation.month).toBe(6);
    // the same overrides through the function the CLI uses give the same numbers
    const viaCli = withOverrides(smallScenario(), {
      runs: 150,
      seed: 9,
      horizonMonths: 24,
      explainMonth: 6,
    });
    if (!viaCli.ok) throw new Error(viaCli.issues[0].message);
    expect(runScenario(viaCli.value).outcomes).toEqual(done.result.outcomes);
    const list = exactly(RunListSchema, await api.listRuns({ scenarioId: SMALL_ID, limit: 5 }));
    expect(list.runs[0].id).toBe(done.run.id);
  });

  it('one chart registry: the API’s chart ids and the report’s figures are RUN_CHARTS', async () => {
    const started = await api.startRun({ scenarioId: SMALL_ID, runs: 100 });
    if (!started.ok) throw new Error(started.message);
    const id = (started.value as { run: { id: string } }).run.id;
    const doc = (await getJson('/openapi.json')) as { ok: true; value: any };
    const param = doc.value.paths['/runs/{id}/charts/{chart}'].get.parameters.find(
      (p: { name: string }) => p.name === 'chart',
    );
    expect(param.schema.enum).toEqual(RUN_CHARTS.map((c) => c.id));
    const report = await fetch(`${s.url}/runs/${id}/report`);
    const html = await report.text();
    // the web's Results page draws the same list (web/src/results/ResultsPage.tsx); the report
    // shows each under its id and title
    for (const c of RUN_CHARTS) {
      expect(html).toContain(`<figure id="chart-${c.id}" class="chart">`);
      expect(html).toContain(`<figcaption>${c.title}</figcaption>`);
    }
    const svg = await fetch(`${s.url}/runs/${id}/charts/${RUN_CHARTS[2].id}?format=svg`);
    expect(svg.status).toBe(200);
    expect((await fetch(`${s.url}/runs/${id}/charts/outcomes`)).status).toBe(400);
  });

  it('an override that does not fit the scenario is a 400 naming the body field', async () => {
    const r = await api.startRun({ scenarioId: SMALL_ID, horizonMonths: 12, explainMonth: 20 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.status).toBe(400);
    expect(ErrorSchema.parse({ issues: r.issues })).toEqual({ issues: r.issues });
    expect(r.issues.map((i) => i.path)).toContainEqual(['body', 'explainMonth']);
    expect(r.message).toMatch(/beyond the horizon/);
  });

  it('history: cases, analogues, insights', async () => {
    const cases = exactly(CaseListSchema, await getJson('/cases?limit=5'));
    expect(cases.cases).toHaveLength(5);
    const analogues = exactly(
      AnaloguesSchema,
      await getJson(`/analogues?caseId=${cases.cases[0].id}&top=3`),
    );
    expect(analogues.analogues.length).toBeGreaterThan(0);
    expect(analogues.analogues[0].comparisons.length).toBeGreaterThan(0);
    const insights = exactly(InsightsSchema, await getJson('/insights?topic=mediation'));
    expect(insights.insights.length).toBeGreaterThan(0);
  });

  it('a failure has one shape: the server’s issues, or a network issue', async () => {
    const missing = await getJson('/cases/no-such-case');
    expect(missing).toMatchObject({
      ok: false,
      status: 404,
      message: 'case no-such-case not found',
    });
    storage.delete('parley.token');
    const denied = await api.saveScenario(smallScenario({ id: 'no-token' }));
    storage.set('parley.token', s.token);
    expect(denied).toMatchObject({ ok: false, status: 401 });
    const offline = await getJson('http://127.0.0.1:1/cases');
    expect(offline).toMatchObject({ ok: false, status: 0 });
    if (!offline.ok) expect(offline.issues[0].code).toBe('network');
  });
});
