/**
 * Graceful shutdown: closing the server lets in-flight jobs finish within the grace period, and
 * marks those that cannot as failed, in the store and on their event streams; nothing is left
 * "running".
 */
import { afterAll, describe, expect, it } from 'vitest';
import { closePools } from '../../src/jobs/localPool.ts';
import { SHUTDOWN_ERROR } from '../../src/server/services/runs.ts';
import { call, openEvents, SMALL_ID, startTestServer } from './helper.ts';

afterAll(() => closePools());

describe('graceful shutdown', () => {
  it('finishes an in-flight job within the grace period', async () => {
    const s = await startTestServer({ syncMaxRuns: 100, shutdownGraceMs: 30_000 });
    const start = await call(s, 'POST', '/runs', {
      body: { scenarioId: SMALL_ID, runs: 2000 },
      token: true,
    });
    expect(start.status).toBe(202);
    const { events } = await openEvents(`${s.url}${start.body.events}`);
    await s.app.close();
    expect((await events).at(-1)?.event).toBe('done');
    expect((await s.store.getRun(start.body.run.id))?.status).toBe('done');
    await s.close();
  });

  it('fails queued and unfinished jobs cleanly when the grace period is over', async () => {
    const s = await startTestServer({ syncMaxRuns: 100, shutdownGraceMs: 0, maxActiveJobs: 1 });
    const a = await call(s, 'POST', '/runs', {
      body: { scenarioId: SMALL_ID, runs: 30_000 },
      token: true,
    });
    const b = await call(s, 'POST', '/runs', {
      body: { scenarioId: SMALL_ID, runs: 30_000 },
      token: true,
    });
    const { events } = await openEvents(`${s.url}${a.body.events}`);
    await s.app.close();
    expect((await events).at(-1)).toEqual({
      event: 'failed',
      data: { id: a.body.run.id, error: SHUTDOWN_ERROR },
    });
    for (const id of [a.body.run.id, b.body.run.id])
      expect(await s.store.getRun(id)).toMatchObject({ status: 'failed', error: SHUTDOWN_ERROR });
    await s.close();
  });
});
