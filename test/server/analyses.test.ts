/**
 * Analyses and reports over HTTP on a real listening server: variant comparison and tornado
 * sensitivity (computed, saved by scenario version, listed and read back), the HTML report and
 * charts (PNG, SVG) of a stored run; their failure paths.
 */
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return -- JSON answers are checked by expect */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePools } from '../../src/jobs/workerPool.ts';
import { loadBundledScenarios } from '../../src/server/services/bundled.ts';
import { call, SMALL_ID, startTestServer, type TestServer } from './helper.ts';

const WAR = 'russia-ukraine-2024';
let s: TestServer;
let runId: string;
beforeAll(async () => {
  s = await startTestServer({ maxRuns: 20_000 });
  await s.store.saveScenario(loadBundledScenarios().find((b) => b.id === WAR)!.scenario);
  runId = (
    await call(s, 'POST', '/runs', { body: { scenarioId: SMALL_ID, runs: 200 }, token: true })
  ).body.run.id;
});
afterAll(async () => {
  await s?.close();
  await closePools();
});

describe('analyses', () => {
  it('compares variants on common random numbers and saves the comparison', async () => {
    const r = await call(s, 'POST', `/scenarios/${WAR}/compare`, {
      body: { runs: 100, bootstrap: 50 },
      token: true,
    });
    expect(r.status).toBe(201);
    expect(r.body.comparison.variants.length).toBeGreaterThan(1);
    expect(r.body.analysis).toMatchObject({
      kind: 'comparison',
      scenarioId: WAR,
      scenarioVersion: 1,
    });
    const read = await call(s, 'GET', `/analyses/${r.body.analysis.id}`);
    expect(read.body.rows).toEqual(r.body.comparison.variants);
    const list = await call(s, 'GET', `/analyses?kind=comparison&scenarioId=${WAR}`);
    expect(list.body.analyses.map((a: any) => a.id)).toEqual([r.body.analysis.id]);
  });

  it('computes a tornado and saves it', async () => {
    const r = await call(s, 'POST', `/scenarios/${WAR}/sensitivity`, {
      body: { runs: 50 },
      token: true,
    });
    expect(r.status).toBe(201);
    expect(r.body.tornado.rankedBy).toBe('settlement24');
    expect(r.body.analysis.rowCount).toBe(r.body.tornado.bars.length);
  });

  it('screens inputs with Morris elementary effects and saves them', async () => {
    const r = await call(s, 'POST', `/scenarios/${WAR}/sensitivity`, {
      body: { runs: 40, method: 'morris', trajectories: 3 },
      token: true,
    });
    expect(r.status).toBe(201);
    expect(r.body.tornado).toBeUndefined();
    expect(r.body.morris.trajectories).toBe(3);
    expect(r.body.analysis.rowCount).toBe(r.body.morris.effects.length);
    const read = await call(s, 'GET', `/analyses/${r.body.analysis.id}`);
    expect(read.body.analysis.params.method).toBe('morris');
  });

  it('runs a bounded sweep and saves one row per cell', async () => {
    const r = await call(s, 'POST', `/scenarios/${SMALL_ID}/sweep`, {
      body: { runs: 50, params: ['front.balance=0.3,0.5,0.7'] },
      token: true,
    });
    expect(r.status).toBe(201);
    expect(r.body.cells).toBe(3);
    const read = await call(s, 'GET', `/analyses/${r.body.analysis.id}`);
    expect(read.body.analysis.kind).toBe('sweep');
    expect(read.body.rows.map((row: any) => row['front.balance'])).toEqual([0.3, 0.5, 0.7]);
    const bad = await call(s, 'POST', `/scenarios/${SMALL_ID}/sweep`, {
      body: { runs: 50, params: ['front.balance'] },
      token: true,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.issues[0].path[0]).toBe('body');
    const outOfRange = await call(s, 'POST', `/scenarios/${SMALL_ID}/sweep`, {
      body: { runs: 50, params: ['front.balance=0.5,7'] },
      token: true,
    });
    expect(outOfRange.status).toBe(400);
    expect(outOfRange.body.issues[0].path.slice(0, 2)).toEqual(['cell', 1]);
    expect(
      (
        await call(s, 'POST', `/scenarios/${SMALL_ID}/sweep`, {
          body: { params: ['front.balance=0.5'] },
        })
      ).status,
    ).toBe(401);
  });

  it('refuses what it cannot compute', async () => {
    const noVariants = await call(s, 'POST', `/scenarios/${SMALL_ID}/compare`, {
      body: { runs: 50 },
      token: true,
    });
    expect(noVariants.status).toBe(400);
    expect(noVariants.body.issues[0].code).toBe('no_variants');
    const noFactors = await call(s, 'POST', `/scenarios/${SMALL_ID}/sensitivity`, {
      body: { runs: 50 },
      token: true,
    });
    expect(noFactors.status).toBe(400);
    const tooMany = await call(s, 'POST', `/scenarios/${WAR}/compare`, {
      body: { runs: 19_000 },
      token: true,
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.issues[0].code).toBe('too_many_runs');
    expect((await call(s, 'POST', `/scenarios/${WAR}/compare`, { body: {} })).status).toBe(401);
    expect(
      (await call(s, 'POST', '/scenarios/no-such-war/compare', { body: {}, token: true })).status,
    ).toBe(404);
    expect(
      (
        await call(s, 'POST', `/scenarios/${WAR}/sensitivity`, {
          body: { outcome: 'luck' },
          token: true,
        })
      ).status,
    ).toBe(400);
    expect((await call(s, 'GET', '/analyses/00000000-0000-4000-8000-000000000000')).status).toBe(
      404,
    );
    expect((await call(s, 'GET', '/analyses?kind=guess')).status).toBe(400);
  });
});

describe('reports', () => {
  it('renders the HTML report of a stored run', async () => {
    const r = await call(s, 'GET', `/runs/${runId}/report`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/html');
    expect(r.text).toMatch(/<html/i);
    expect(r.text).toContain('<svg');
  });

  it('renders charts as PNG and SVG', async () => {
    const png = await fetch(`${s.url}/runs/${runId}/charts/cumulative-incidence`);
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(
      Buffer.from(await png.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    const svg = await call(s, 'GET', `/runs/${runId}/charts/durability?format=svg`);
    expect(svg.text).toMatch(/^<svg/);
    expect((await call(s, 'GET', `/runs/${runId}/charts/pie`)).status).toBe(400);
    expect((await call(s, 'GET', '/runs/00000000-0000-4000-8000-000000000000/report')).status).toBe(
      404,
    );
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
    expect((await call(s, 'GET', `/runs/${queued.id}/report`)).status).toBe(409);
  });
});
