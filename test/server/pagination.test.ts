/**
 * Cursor pagination (issue 15, finding 6) on every list of the API, over a real socket: paging
 * with a small limit yields every item once, in the order of the unpaged list, and ends with
 * nextCursor null; rows added between pages are neither skipped nor repeated among the old ones;
 * a cursor not given by the list is a 400; every list operation documents `cursor` and
 * `nextCursor` in /openapi.json. The store-level keyset order is the same on PostgreSQL
 * (test/store/pagination.test.ts).
 */
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return -- JSON answers are checked by expect */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePools } from '../../src/jobs/workerPool.ts';
import { call, SMALL_ID, smallScenario, startTestServer, type TestServer } from './helper.ts';

let s: TestServer;
let analysisId: string;
beforeAll(async () => {
  s = await startTestServer();
  for (let i = 0; i < 4; i++) await s.store.saveScenario(smallScenario({ id: `page-war-${i}` }));
  // versions of one scenario
  for (let v = 2; v <= 5; v++)
    await s.store.saveScenario(smallScenario({ name: `A small test war, version ${v}` }));
  for (let i = 0; i < 7; i++)
    await call(s, 'POST', '/runs', {
      body: { scenarioId: SMALL_ID, runs: 20, seed: i },
      token: true,
    });
  for (let i = 0; i < 3; i++) {
    const r = await call(s, 'POST', `/scenarios/${SMALL_ID}/sweep`, {
      body: { runs: 10, seed: i, params: ['front.balance=0.1,0.2,0.3,0.4,0.5'] },
      token: true,
    });
    analysisId = r.body.analysis.id;
  }
});
afterAll(async () => {
  await s?.close();
  await closePools();
});

/** Every item of a list, page by page with `limit`; also the number of pages. */
async function pageThrough(path: string, key: string, limit: number, from: string | null = null) {
  const items: any[] = [];
  let cursor: string | null = from;
  let pages = 0;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const r = await call(
      s,
      'GET',
      `${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(r.status, r.text).toBe(200);
    expect(r.body[key].length).toBeLessThanOrEqual(limit);
    items.push(...r.body[key]);
    cursor = r.body.nextCursor;
    pages++;
  } while (cursor && pages < 1000);
  return { items, pages };
}

const LISTS: [string, string, (x: any) => unknown][] = [
  ['/runs', 'runs', (x) => x.id],
  [`/runs?scenarioId=${SMALL_ID}`, 'runs', (x) => x.id],
  ['/scenarios', 'scenarios', (x) => x.id],
  [`/scenarios/${SMALL_ID}/versions`, 'versions', (x) => x.version],
  ['/analyses', 'analyses', (x) => x.id],
  ['/analyses?kind=sweep', 'analyses', (x) => x.id],
  ['/cases', 'cases', (x) => x.id],
  ['/cases?region=europe', 'cases', (x) => x.id],
];

describe('cursor pagination', () => {
  it.each(LISTS)(
    'pages through %s: every item once, in order, then nextCursor null',
    async (path, key, id) => {
      const whole = await call(s, 'GET', `${path}${path.includes('?') ? '&' : '?'}limit=1000`);
      expect(whole.body.nextCursor).toBeNull();
      const all = whole.body[key].map(id);
      expect(all.length).toBeGreaterThan(2);
      const paged = await pageThrough(path, key, 2);
      expect(paged.items.map(id)).toEqual(all);
      expect(paged.pages).toBe(Math.ceil(all.length / 2));
    },
  );

  it('pages through the rows of an analysis', async () => {
    const paged = await pageThrough(`/analyses/${analysisId}`, 'rows', 2);
    expect(paged.items.map((r: any) => r.cell)).toEqual([0, 1, 2, 3, 4]);
    expect(paged.pages).toBe(3);
  });

  it('neither skips nor repeats runs when runs are added between pages', async () => {
    const first = await call(s, 'GET', '/runs?limit=3');
    const before = (await call(s, 'GET', '/runs?limit=1000')).body.runs.map((r: any) => r.id);
    await call(s, 'POST', '/runs', { body: { scenarioId: SMALL_ID, runs: 20 }, token: true });
    const rest = await pageThrough('/runs', 'runs', 2, first.body.nextCursor);
    expect([...first.body.runs.map((r: any) => r.id), ...rest.items.map((r: any) => r.id)]).toEqual(
      before,
    );
  });

  it('keeps the old answers: runs default to 100, the other lists to all (at most 1,000)', async () => {
    const runs = await call(s, 'GET', '/runs');
    expect(runs.body.runs.length).toBe(8);
    expect(runs.body.nextCursor).toBeNull();
    expect((await call(s, 'GET', '/runs?limit=1001')).status).toBe(400);
  });

  it('refuses a cursor it did not give, with a message', async () => {
    for (const [path] of LISTS) {
      const sep = path.includes('?') ? '&' : '?';
      for (const bad of ['nonsense', Buffer.from('{"x":1}').toString('base64url')]) {
        const r = await call(s, 'GET', `${path}${sep}cursor=${bad}`);
        expect({ path, status: r.status, code: r.body.issues[0].code }).toEqual({
          path,
          status: 400,
          code: 'invalid_cursor',
        });
        expect(r.body.issues[0].message).toMatch(/start again without it/);
      }
    }
  });

  it('documents cursor and nextCursor on every list operation', async () => {
    const spec = (await call(s, 'GET', '/openapi.json')).body;
    const lists = [
      ['/runs', 'listRuns'],
      ['/scenarios', 'listScenarios'],
      ['/scenarios/{id}/versions', 'listScenarioVersions'],
      ['/analyses', 'listAnalyses'],
      ['/analyses/{id}', 'getAnalysis'],
      ['/cases', 'listCases'],
    ];
    for (const [path, op] of lists) {
      const get = spec.paths[path].get;
      expect(get.operationId).toBe(op);
      expect(
        get.parameters.map((p: any) => p.name),
        op,
      ).toContain('cursor');
      const body = get.responses['200'].content['application/json'].schema;
      expect(Object.keys(body.properties), op).toContain('nextCursor');
    }
  });
});
