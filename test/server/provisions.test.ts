// GET /cases/{id}/provisions and /scenarios/{id}/provisions on a real listening server: bounded
// answers, bad queries as 400 issues, and a 503 naming the datasets when the data folder lacks them.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProvisionsReportSchema } from '../../src/history/provisions/index.ts';
import { SHARED_DATA } from '../history/sharedData.ts';
import { call, SMALL_ID, startTestServer, type TestServer } from './helper.ts';

const HAVE = existsSync(join(SHARED_DATA, 'pa-x/pax_all_agreements_v2.csv'));
if (!HAVE) console.warn(`provisions API tests on data skipped: no PA-X under ${SHARED_DATA}`);

describe.skipIf(!HAVE)('provisions API with the datasets', () => {
  let s: TestServer;
  beforeAll(async () => {
    process.env.PARLEY_DATA = SHARED_DATA;
    s = await startTestServer();
  });
  afterAll(async () => {
    delete process.env.PARLEY_DATA;
    await s.close();
  });

  it('a case: its own agreements apart, at most `top` comparable ones, the declared shape', async () => {
    const r = await call(s, 'GET', '/cases/bosnia-war-dayton-1995/provisions?top=7');
    expect(r.status).toBe(200);
    expect(ProvisionsReportSchema.safeParse(r.body).success).toBe(true);
    expect(r.body.agreements.length).toBeLessThanOrEqual(7);
    expect(r.body.agreements.length).toBeGreaterThan(0);
    expect(r.body.own.map((a: { paxId: number }) => a.paxId)).toContain(389);
    expect(r.body.termSheet).toBeNull();
  });

  it('a saved scenario: a bounded run gives a term sheet labelled as a starting point', async () => {
    const r = await call(
      s,
      'GET',
      `/scenarios/${SMALL_ID}/provisions?runs=100&top=10&stages=Cea,SubPar,SubComp`,
    );
    expect(r.status).toBe(200);
    expect(r.body.agreements.length).toBeLessThanOrEqual(10);
    if (r.body.agreements.length > 0) {
      expect(r.body.termSheet.runs).toBe(100);
      expect(r.body.termSheet.label).toMatch(/starting point for drafting, not advice/);
    } else expect(r.body.empty.relax.length).toBeGreaterThan(0);
  });

  it('bad queries are 400 with the field; unknown ids 404', async () => {
    expect((await call(s, 'GET', '/cases/bosnia-war-dayton-1995/provisions?top=500')).status).toBe(
      400,
    );
    const bad = await call(s, 'GET', '/cases/bosnia-war-dayton-1995/provisions?stages=Final');
    expect(bad.status).toBe(400);
    expect(bad.body.issues[0].path).toEqual(['query', 'stages']);
    expect((await call(s, 'GET', `/scenarios/${SMALL_ID}/provisions?runs=100000`)).status).toBe(
      400,
    );
    expect((await call(s, 'GET', '/cases/no-such-war/provisions')).status).toBe(404);
    expect((await call(s, 'GET', '/scenarios/nope/provisions')).status).toBe(404);
  });

  it('both routes are in the OpenAPI document', async () => {
    const doc = (await call(s, 'GET', '/openapi.json')).body;
    expect(doc.paths['/cases/{id}/provisions'].get.operationId).toBe('getCaseProvisions');
    expect(doc.paths['/scenarios/{id}/provisions'].get.operationId).toBe('getScenarioProvisions');
  });
});

describe('provisions API without the datasets', () => {
  let s: TestServer;
  beforeAll(async () => {
    process.env.PARLEY_DATA = mkdtempSync(join(tmpdir(), 'parley-nodata-'));
    s = await startTestServer();
  });
  afterAll(async () => {
    delete process.env.PARLEY_DATA;
    await s.close();
  });

  it('is a 503 naming each missing dataset and how to get it', async () => {
    const r = await call(s, 'GET', '/cases/bosnia-war-dayton-1995/provisions');
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toBe('3600');
    const codes = r.body.issues.map((i: { code: string }) => i.code);
    expect(codes).toEqual(['dataset_missing', 'dataset_missing', 'dataset_missing']);
    expect(r.body.issues[0].message).toMatch(/dataset pax .*parley data fetch pax/);
    expect(r.body.issues[1].message).toMatch(/ucdp-termination/);
    expect(r.body.issues[2].message).toMatch(/ucdp-peace-agreements/);
  });
});
