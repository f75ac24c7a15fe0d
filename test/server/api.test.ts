/**
 * The HTTP API against a real listening server: every endpoint's success and failure paths,
 * auth (no token → 401 on writes), bounds (oversized body → 413, too many runs → 400), error
 * bodies without internals, and paths that never reach the file system.
 */
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return -- JSON answers are checked by expect */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { RunResultSchema } from '../../src/engine/index.ts';
import { closePools } from '../../src/jobs/localPool.ts';
import {
  call,
  readEvents,
  smallScenario,
  SMALL_ID,
  startTestServer,
  type TestServer,
} from './helper.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ maxRuns: 20_000, syncMaxRuns: 1000 });
});
afterAll(async () => {
  await s?.close();
  await closePools();
});

const expectIssue = (body: any, code: string) => {
  expect(body.issues).toEqual(expect.arrayContaining([expect.objectContaining({ code })]));
  expect(JSON.stringify(body)).not.toMatch(/\bat .*\.ts:\d+|node_modules|stack/);
};

describe('health, readiness, documents', () => {
  it('answers /health and /ready', async () => {
    expect((await call(s, 'GET', '/health')).body).toEqual({
      status: 'ok',
      engineVersion: expect.any(String),
    });
    expect((await call(s, 'GET', '/ready')).body).toEqual({ status: 'ready', store: 'sqlite' });
  });

  it('serves the OpenAPI document and the interactive docs', async () => {
    const doc = (await call(s, 'GET', '/openapi.json')).body;
    expect(doc.openapi).toBe('3.0.3');
    for (const p of [
      '/scenarios',
      '/scenarios/{id}',
      '/scenarios/{id}/versions',
      '/scenarios/validate',
      '/runs',
      '/runs/{id}',
      '/runs/{id}/events',
      '/cases',
      '/cases/{id}',
      '/analogues',
      '/insights',
      '/schema',
      '/health',
      '/ready',
      '/scenarios/{id}/compare',
      '/scenarios/{id}/sensitivity',
      '/analyses',
      '/analyses/{id}',
      '/runs/{id}/report',
      '/runs/{id}/charts/{chart}',
    ])
      expect(Object.keys(doc.paths)).toContain(p);
    expect(doc.paths['/runs'].post.security).toEqual([{ bearerAuth: [] }]);
    const docs = await fetch(`${s.url}/docs/`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger');
  });

  it('serves the scenario JSON Schema', async () => {
    const r = await call(s, 'GET', '/schema');
    expect(r.status).toBe(200);
    expect(r.body.title).toBe('Parley scenario');
  });

  it('answers unknown routes with 404 issues', async () => {
    const r = await call(s, 'GET', '/nowhere');
    expect(r.status).toBe(404);
    expectIssue(r.body, 'not_found');
  });
});

describe('scenarios', () => {
  const war = smallScenario({ id: 'api-war', name: 'API war' });

  it('refuses writes without a valid token (401)', async () => {
    const none = await call(s, 'POST', '/scenarios', { body: war });
    expect(none.status).toBe(401);
    expectIssue(none.body, 'unauthorized');
    const bad = await call(s, 'POST', '/scenarios', {
      body: war,
      token: 'parley_000000000000_' + 'x'.repeat(32),
    });
    expect(bad.status).toBe(401);
    expect((await call(s, 'DELETE', `/scenarios/${SMALL_ID}`)).status).toBe(401);
  });

  it('creates versions: 201 new, 200 unchanged, 201 changed', async () => {
    const first = await call(s, 'POST', '/scenarios', { body: war, token: true });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ created: true, version: { id: 'api-war', version: 1 } });
    const same = await call(s, 'POST', '/scenarios', { body: war, token: true });
    expect(same.status).toBe(200);
    expect(same.body.created).toBe(false);
    const changed = await call(s, 'POST', '/scenarios', {
      body: { ...war, settings: { ...war.settings, seed: 99 } },
      token: true,
    });
    expect(changed.status).toBe(201);
    expect(changed.body.version.version).toBe(2);
  });

  it('accepts YAML and reports invalid scenarios with issues located in the body', async () => {
    const yaml = `id: yaml-war\nname: A YAML war\nparties:\n  - { id: a, name: A, role: belligerent, side: A }\n  - { id: b, name: B, role: belligerent, side: B }\n`;
    const ok = await call(s, 'POST', '/scenarios', {
      raw: yaml,
      type: 'application/yaml',
      token: true,
    });
    expect(ok.status).toBe(201);
    const badYaml = await call(s, 'POST', '/scenarios', {
      raw: yaml.replace('side: B', 'side: C'),
      type: 'application/yaml',
      token: true,
    });
    expect(badYaml.status).toBe(400);
    expect(badYaml.body.issues[0]).toMatchObject({ path: ['body', 'parties', 1, 'side'], line: 5 });
    const bad = await call(s, 'POST', '/scenarios', {
      body: { ...war, front: { positions: -1 }, extra: 1 },
      token: true,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: any) => i.path.join('.'))).toEqual(
      expect.arrayContaining(['body', 'body.front.positions']),
    );
    const notJson = await call(s, 'POST', '/scenarios', { raw: '{"id":', token: true });
    expect(notJson.status).toBe(400);
    expectIssue(notJson.body, 'bad_request');
  });

  it('lists, gets (any version) and lists versions', async () => {
    const list = await call(s, 'GET', '/scenarios');
    expect(list.body.scenarios.map((x: any) => x.id)).toEqual(
      expect.arrayContaining(['api-war', SMALL_ID]),
    );
    const latest = await call(s, 'GET', '/scenarios/api-war');
    expect(latest.body).toMatchObject({
      version: 2,
      scenario: { id: 'api-war', settings: { seed: 99 } },
    });
    const v1 = await call(s, 'GET', '/scenarios/api-war?version=1');
    expect(v1.body.scenario.settings.seed).toBe(3);
    expect((await call(s, 'GET', '/scenarios/api-war?version=7')).status).toBe(404);
    expect((await call(s, 'GET', '/scenarios/api-war?version=zero')).status).toBe(400);
    expect((await call(s, 'GET', '/scenarios/no-such-war')).status).toBe(404);
    const versions = await call(s, 'GET', '/scenarios/api-war/versions');
    expect(versions.body.versions.map((v: any) => v.version)).toEqual([1, 2]);
    expect((await call(s, 'GET', '/scenarios/no-such-war/versions')).status).toBe(404);
  });

  it('never turns a request into a file path', async () => {
    for (const p of [
      '/scenarios/..%2F..%2Fetc%2Fpasswd',
      '/scenarios/%2Fetc%2Fpasswd',
      '/cases/..%2Fpackage.json',
    ])
      expect((await call(s, 'GET', p)).status).toBe(400);
    const r = await call(s, 'POST', '/runs', {
      body: { scenarioId: '../../data/scenarios/bosnia-1995' },
      token: true,
    });
    expect(r.status).toBe(400);
  });

  it('confines the docs bundle to its own folder (raw paths with ..)', async () => {
    const { port } = new URL(s.url);
    const rawGet = (path: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path }, (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        req.end();
      });
    for (const p of [
      '/docs/static/../../../package.json',
      '/docs/static/..%2f..%2f..%2fpackage.json',
    ]) {
      const r = await rawGet(p);
      expect([403, 404]).toContain(r.status);
      expect(r.body).not.toContain('"dependencies"');
    }
  });

  it('validates without saving', async () => {
    const ok = await call(s, 'POST', '/scenarios/validate', {
      body: { ...war, id: 'unsaved-war' },
    });
    expect(ok.body).toMatchObject({ valid: true, issues: [] });
    expect(ok.body.hash).toMatch(/^[0-9a-f]{64}$/);
    const bad = await call(s, 'POST', '/scenarios/validate', { body: { id: 'x' } });
    expect(bad.status).toBe(200);
    expect(bad.body.valid).toBe(false);
    expect(bad.body.issues.length).toBeGreaterThan(0);
    expect((await call(s, 'GET', '/scenarios/unsaved-war')).status).toBe(404);
  });

  it('deletes a scenario (204), then 404', async () => {
    await call(s, 'POST', '/scenarios', { body: { ...war, id: 'gone-war' }, token: true });
    const run = await call(s, 'POST', '/runs', {
      body: { scenarioId: 'gone-war', runs: 50 },
      token: true,
    });
    for (let i = 0; i < 2; i++)
      // the second read comes from the result cache
      expect((await call(s, 'GET', `/runs/${run.body.run.id}/result`)).body).toEqual(
        run.body.result,
      );
    expect((await call(s, 'DELETE', '/scenarios/gone-war', { token: true })).status).toBe(204);
    expect((await call(s, 'GET', '/scenarios/gone-war')).status).toBe(404);
    expect((await call(s, 'GET', `/runs/${run.body.run.id}/result`)).status).toBe(404);
    expect((await call(s, 'DELETE', '/scenarios/gone-war', { token: true })).status).toBe(404);
  });

  it('refuses bodies over the limit with 413', async () => {
    const huge = { ...war, description: 'x'.repeat(1024 * 1024 + 10) };
    const r = await call(s, 'POST', '/scenarios', { body: huge, token: true });
    expect(r.status).toBe(413);
    expectIssue(r.body, 'too_large');
  });
});

describe('runs', () => {
  let runId: string;

  it('runs a small scenario synchronously (201) and stores the result', async () => {
    const r = await call(s, 'POST', '/runs', {
      body: { scenarioId: SMALL_ID, runs: 300, seed: 5 },
      token: true,
    });
    expect(r.status).toBe(201);
    expect(r.body.run).toMatchObject({
      status: 'done',
      runs: 300,
      seed: 5,
      scenarioId: SMALL_ID,
      scenarioVersion: 1,
    });
    expect(RunResultSchema.parse(r.body.result).meta).toMatchObject({ runs: 300, seed: 5 });
    runId = r.body.run.id;
    const got = await call(s, 'GET', `/runs/${runId}`);
    expect(got.body.result).toEqual(r.body.result);
    const result = await call(s, 'GET', `/runs/${runId}/result`);
    expect(result.body).toEqual(r.body.result);
    const list = await call(s, 'GET', `/runs?scenarioId=${SMALL_ID}`);
    expect(list.body.runs.map((x: any) => x.id)).toContain(runId);
  });

  it("a run's scenarioHash is its result's and the scenario's alone: other runs and seed change only settingsHash", async () => {
    const run = (runs: number, seed: number) =>
      call(s, 'POST', '/runs', { body: { scenarioId: SMALL_ID, runs, seed }, token: true });
    const [a, b] = [await run(300, 5), await run(200, 6)];
    for (const r of [a, b]) {
      expect(r.status).toBe(201);
      expect(r.body.run.scenarioHash).toBe(r.body.result.meta.scenarioHash);
    }
    expect(b.body.result.meta.scenarioHash).toBe(a.body.result.meta.scenarioHash);
    expect(b.body.result.meta.settingsHash).not.toBe(a.body.result.meta.settingsHash);
    // the saved scenario, validated as it stands, names the same scenario hash
    const saved = (await call(s, 'GET', `/scenarios/${SMALL_ID}`)).body;
    const v = await call(s, 'POST', '/scenarios/validate', { body: saved.scenario });
    expect(v.body.scenarioHash).toBe(a.body.result.meta.scenarioHash);
    expect(v.body.hash).toBe(saved.hash);
    expect(v.body.settingsHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('bounds run counts (400) and reports unknown runs and scenarios (404)', async () => {
    const tooMany = await call(s, 'POST', '/runs', {
      body: { scenarioId: SMALL_ID, runs: 20_001 },
      token: true,
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.issues[0].path).toEqual(['body', 'runs']);
    await s.store.saveScenario(smallScenario({ id: 'huge-war', settings: { runs: 500_000 } }));
    const byScenario = await call(s, 'POST', '/runs', {
      body: { scenarioId: 'huge-war' },
      token: true,
    });
    expect(byScenario.status).toBe(400);
    expectIssue(byScenario.body, 'too_many_runs');
    expect(
      (await call(s, 'POST', '/runs', { body: { scenarioId: SMALL_ID, runs: 0 }, token: true }))
        .status,
    ).toBe(400);
    expect(
      (await call(s, 'POST', '/runs', { body: { scenarioId: SMALL_ID, bogus: 1 }, token: true }))
        .status,
    ).toBe(400);
    expect(
      (
        await call(s, 'POST', '/runs', {
          body: { scenarioId: SMALL_ID, explainMonth: 100 },
          token: true,
        })
      ).status,
    ).toBe(400);
    expect(
      (await call(s, 'POST', '/runs', { body: { scenarioId: 'no-such-war' }, token: true })).status,
    ).toBe(404);
    expect((await call(s, 'POST', '/runs', { body: { scenarioId: SMALL_ID } })).status).toBe(401);
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await call(s, 'GET', `/runs/${missing}`)).status).toBe(404);
    expect((await call(s, 'GET', `/runs/${missing}/result`)).status).toBe(404);
    expect((await call(s, 'GET', `/runs/${missing}/events`)).status).toBe(404);
    expect((await call(s, 'GET', '/runs/not-a-uuid')).status).toBe(400);
  });

  it('turns a large run into a job with progress by server-sent events', async () => {
    const start = await call(s, 'POST', '/runs', {
      body: { scenarioId: SMALL_ID, runs: 6000 },
      token: true,
    });
    expect(start.status).toBe(202);
    expect(start.body.run.status).toBe('queued');
    const events = await readEvents(`${s.url}${start.body.events}`);
    const progress = events.filter((e) => e.event === 'progress');
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)!.data).toEqual({ done: 6000, total: 6000 });
    expect(events.at(-1)).toEqual({ event: 'done', data: { id: start.body.run.id } });
    const done = await call(s, 'GET', `/runs/${start.body.run.id}`);
    expect(done.body.run).toMatchObject({ status: 'done', runs: 6000 });
    expect(done.body.result.meta.runs).toBe(6000);
    // a stream opened after the end reports the end at once
    expect(await readEvents(`${s.url}/runs/${runId}/events`)).toEqual([
      { event: 'done', data: { id: runId } },
    ]);
  });

  it('answers 409 for the result of a run that is not done', async () => {
    const v = (await s.store.getScenario(SMALL_ID))!;
    const queued = await s.store.createRun({
      scenarioId: SMALL_ID,
      scenarioVersion: v.version,
      scenarioHash: v.hash,
      seed: 1,
      runs: 10,
      engineVersion: 'x',
      status: 'queued',
    });
    const r = await call(s, 'GET', `/runs/${queued.id}/result`);
    expect(r.status).toBe(409);
    expectIssue(r.body, 'not_ready');
    expect((await call(s, 'GET', `/runs/${queued.id}`)).body.result).toBeUndefined();
  });
});

describe('history', () => {
  it('lists and filters cases; gets one; 404 and 400', async () => {
    const all = await call(s, 'GET', '/cases');
    expect(all.body.total).toBeGreaterThan(50);
    const civil = await call(s, 'GET', '/cases?type=civil');
    expect(civil.body.cases.every((c: any) => c.type === 'civil')).toBe(true);
    expect(civil.body.total).toBeLessThan(all.body.total);
    const korea = await call(s, 'GET', '/cases?q=korea');
    expect(korea.body.cases.length).toBeGreaterThan(0);
    expect((await call(s, 'GET', '/cases?type=galactic')).status).toBe(400);
    const one = await call(s, 'GET', `/cases/${all.body.cases[0].id}`);
    expect(one.body).toMatchObject({ id: all.body.cases[0].id, sources: expect.any(Array) });
    expect((await call(s, 'GET', '/cases/no-such-case')).status).toBe(404);
  });

  it('finds analogues of a scenario or a case', async () => {
    const byScenario = await call(s, 'GET', `/analogues?scenarioId=${SMALL_ID}&top=3`);
    expect(byScenario.status).toBe(200);
    expect(byScenario.body.analogues).toHaveLength(3);
    const caseId = (await call(s, 'GET', '/cases')).body.cases[0].id;
    const byCase = await call(s, 'GET', `/analogues?caseId=${caseId}&top=2`);
    expect(byCase.body.analogues.map((a: any) => a.caseId)).not.toContain(caseId);
    expect((await call(s, 'GET', '/analogues')).status).toBe(400);
    expect((await call(s, 'GET', `/analogues?scenarioId=${SMALL_ID}&top=99`)).status).toBe(400);
    expect((await call(s, 'GET', '/analogues?scenarioId=no-such-war')).status).toBe(404);
    expect((await call(s, 'GET', '/analogues?caseId=no-such-case')).status).toBe(404);
  });

  it('computes insights, by topic', async () => {
    const all = await call(s, 'GET', '/insights');
    expect(all.body.insights.length).toBeGreaterThan(3);
    const bc = await call(s, 'GET', '/insights?topic=back-channels');
    expect(bc.body.insights.every((i: any) => i.topic === 'back-channels')).toBe(true);
    expect((await call(s, 'GET', '/insights?topic=astrology')).status).toBe(400);
  });
});

describe('configuration: closed reads, CORS, rate limit, internal errors', () => {
  it('closes reads behind a token when configured (health stays open)', async () => {
    const t = await startTestServer({ reads: 'token' });
    try {
      expect((await call(t, 'GET', '/scenarios')).status).toBe(401);
      expect((await call(t, 'GET', '/scenarios', { token: true })).status).toBe(200);
      expect((await call(t, 'GET', '/health')).status).toBe(200);
      expect((await call(t, 'GET', '/openapi.json')).status).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('sends no CORS headers unless origins are configured', async () => {
    const origin = { origin: 'https://example.org' };
    expect(
      (await fetch(`${s.url}/health`, { headers: origin })).headers.get(
        'access-control-allow-origin',
      ),
    ).toBeNull();
    const t = await startTestServer({ corsOrigins: ['https://example.org'] });
    try {
      const r = await fetch(`${t.url}/scenarios`, { headers: origin });
      expect(r.headers.get('access-control-allow-origin')).toBe('https://example.org');
    } finally {
      await t.close();
    }
  });

  it('rate-limits with 429', async () => {
    const t = await startTestServer({ rateLimit: { max: 3, timeWindowMs: 60_000 } });
    try {
      const codes = [];
      for (let i = 0; i < 5; i++) codes.push((await call(t, 'GET', '/scenarios')).status);
      expect(codes).toEqual([200, 200, 200, 429, 429]);
      const r = await call(t, 'GET', '/cases');
      expectIssue(r.body, 'rate_limited');
    } finally {
      await t.close();
    }
  });

  it('hides internals in 5xx answers and reports an unready store', async () => {
    const t = await startTestServer({}, (store) =>
      Object.assign(Object.create(store) as typeof store, {
        listScenarios: () =>
          Promise.reject(new Error('SELECT password FROM secrets /srv/db.sqlite')),
        ping: () => Promise.reject(new Error('down')),
      }),
    );
    try {
      const r = await call(t, 'GET', '/scenarios');
      expect(r.status).toBe(500);
      expect(r.body.issues[0].code).toBe('internal');
      expect(r.text).not.toMatch(/SELECT|password|sqlite|stack|\.ts/);
      expect((await call(t, 'GET', '/ready')).status).toBe(503);
    } finally {
      await t.close();
    }
  });
});
