/**
 * Bounded work (issue 15, finding 4): every computation of the API goes through one bounded
 * queue. A burst beyond it is refused at once with 503 + Retry-After and a clear JSON issue while
 * /health keeps answering; every compute route (runs, jobs, compare, sensitivity, sweep, report,
 * chart, PDF) is refused when the queue is full; the work of a client that hung up is dropped
 * before it starts, and running work stops on its signal. Real listening server, real pool.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by expect */
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { closePools } from '../../src/jobs/workerPool.ts';
import { runScenarioParallel } from '../../src/jobs/localPool.ts';
import { simulateRecordsMany } from '../../src/jobs/recordsPool.ts';
import { loadBundledScenarios } from '../../src/server/services/bundled.ts';
import { call, SMALL_ID, smallScenario, startTestServer } from './helper.ts';

afterAll(() => closePools());

const WAR = 'russia-ukraine-2024';
/** a run long enough (seconds) to hold its slot while the test acts */
const LONG = { scenarioId: SMALL_ID, runs: 150_000, seed: 1 };

async function until(cond: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function expectBusy(r: { status: number; body: any; headers: Headers }, what: string): void {
  expect({ what, status: r.status, code: r.body?.issues?.[0]?.code }).toEqual({
    what,
    status: 503,
    code: 'busy',
  });
  expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(r.body.issues[0].message).toMatch(/busy.*try again in \d+ s/);
}

describe('one bounded compute queue', () => {
  it('refuses a burst beyond the bound with 503 + Retry-After while /health answers', async () => {
    const s = await startTestServer({
      maxRuns: 200_000,
      syncMaxRuns: 200_000,
      maxActive: 1,
      maxQueued: 2,
    });
    try {
      const burst = Array.from({ length: 12 }, (_, i) =>
        call(s, 'POST', '/runs', { body: { ...LONG, runs: 40_000, seed: i }, token: true }),
      );
      await until(() => s.app.parley.compute.queued === 2, 'the queue to fill');
      const health: number[] = [];
      for (let i = 0; i < 10; i++) {
        const t0 = performance.now();
        const h = await call(s, 'GET', '/health');
        health.push(performance.now() - t0);
        expect(h.status).toBe(200);
      }
      const answers = await Promise.all(burst);
      const ok = answers.filter((a) => a.status === 201);
      const busy = answers.filter((a) => a.status === 503);
      expect(ok.length + busy.length).toBe(12);
      // one running and two waiting were taken; the other nine were refused at once
      expect(ok.length).toBe(3);
      for (const b of busy) expectBusy(b, 'POST /runs');
      expect((await s.store.listRuns({ limit: 100 })).length).toBe(3);
      // generous: /health is a few ms; without the bound a burst stalled it for seconds
      expect(Math.max(...health)).toBeLessThan(2_000);
    } finally {
      await s.close();
    }
  });

  it('sends every compute route through the same queue', async () => {
    const s = await startTestServer({
      maxRuns: 200_000,
      syncMaxRuns: 200_000,
      maxActive: 1,
      maxQueued: 0,
    });
    try {
      await s.store.saveScenario(loadBundledScenarios().find((b) => b.id === WAR)!.scenario);
      const done = await call(s, 'POST', '/runs', {
        body: { scenarioId: SMALL_ID, runs: 100 },
        token: true,
      });
      expect(done.status).toBe(201);
      const runId = done.body.run.id as string;
      const long = call(s, 'POST', '/runs', { body: LONG, token: true });
      await until(() => s.app.parley.compute.active === 1, 'the long run to start');
      const tries: [string, string, string, unknown?][] = [
        ['POST /runs', 'POST', '/runs', { scenarioId: SMALL_ID, runs: 10 }],
        ['POST /runs (job)', 'POST', '/runs', { scenarioId: SMALL_ID, runs: 200_000 }],
        ['compare', 'POST', `/scenarios/${WAR}/compare`, { runs: 20 }],
        ['tornado', 'POST', `/scenarios/${WAR}/sensitivity`, { runs: 20 }],
        [
          'sweep',
          'POST',
          `/scenarios/${SMALL_ID}/sweep`,
          { runs: 20, params: ['front.balance=0.3,0.5'] },
        ],
        ['report', 'GET', `/runs/${runId}/report`],
        ['chart', 'GET', `/runs/${runId}/charts/fans?format=svg`],
        ['pdf', 'GET', `/runs/${runId}/report.pdf`],
      ];
      for (const [what, method, path, body] of tries)
        expectBusy(await call(s, method, path, { body, token: true }), what);
      expect((await long).status).toBe(201);
      // the refused job left no queued run behind
      expect((await s.store.listRuns({ limit: 100 })).map((r) => r.status)).toEqual([
        'done',
        'done',
      ]);
    } finally {
      await s.close();
    }
  });

  it("drops a disconnected client's waiting work before it starts", async () => {
    const s = await startTestServer({
      maxRuns: 200_000,
      syncMaxRuns: 200_000,
      maxActive: 1,
      maxQueued: 4,
    });
    try {
      const { compute } = s.app.parley;
      const long = call(s, 'POST', '/runs', { body: LONG, token: true });
      await until(() => compute.active === 1, 'the long run to start');
      const gone = new AbortController();
      const waiting = fetch(`${s.url}/scenarios/${SMALL_ID}/sweep`, {
        method: 'POST',
        signal: gone.signal,
        headers: { ...s.auth, 'content-type': 'application/json' },
        body: JSON.stringify({ runs: 20, params: ['front.balance=0.3,0.5'] }),
      }).catch((e: Error) => e.name);
      await until(() => compute.queued === 1, 'the sweep to wait');
      gone.abort();
      expect(await waiting).toBe('AbortError');
      await until(() => compute.queued === 0, 'the sweep to be dropped');
      expect(compute.counts.dropped).toBe(1);
      expect((await long).status).toBe(201);
      // only the long run ever started; the sweep was neither computed nor saved
      expect(compute.counts.started).toBe(1);
      expect(await s.store.listAnalyses()).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it("stops a disconnected client's running work", async () => {
    const s = await startTestServer({ maxRuns: 200_000, syncMaxRuns: 200_000 });
    try {
      const { compute } = s.app.parley;
      const gone = new AbortController();
      const running = fetch(`${s.url}/runs`, {
        method: 'POST',
        signal: gone.signal,
        headers: { ...s.auth, 'content-type': 'application/json' },
        body: JSON.stringify({ ...LONG, runs: 200_000 }),
      }).catch((e: Error) => e.name);
      await until(() => compute.active === 1, 'the run to start');
      gone.abort();
      expect(await running).toBe('AbortError');
      await until(() => compute.active === 0, 'the run to stop');
      expect(await s.store.listRuns({ limit: 100 })).toEqual([]);
    } finally {
      await s.close();
    }
  });
});

describe('the pools stop on their signal', () => {
  it('runScenarioParallel rejects with the reason instead of finishing', async () => {
    const controller = new AbortController();
    const scenario = smallScenario({ settings: { runs: 200_000, horizonMonths: 36, seed: 3 } });
    const run = runScenarioParallel(scenario, {
      threads: 2,
      signal: controller.signal,
      onProgress: (done) => {
        if (done > 0) controller.abort(new Error('client gone'));
      },
    });
    await expect(run).rejects.toThrow('client gone');
  });

  it('simulateRecordsMany drops the scenarios not yet simulated', async () => {
    const controller = new AbortController();
    const scenario = smallScenario({ settings: { runs: 2_000, horizonMonths: 36, seed: 3 } });
    let finished = 0;
    const many = simulateRecordsMany(Array(40).fill(scenario), {
      threads: 2,
      signal: controller.signal,
      onDone: () => {
        if (++finished === 2) controller.abort(new Error('client gone'));
      },
    });
    await expect(many).rejects.toThrow('client gone');
    expect(finished).toBeLessThan(40);
  });
});
