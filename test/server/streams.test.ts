/**
 * Progress streams are bounded (issue 15, finding 5): per client address (429), per run and per
 * server (503), each with a message saying what to do; a closed stream frees its place; and no
 * number of streams makes Node warn MaxListenersExceededWarning (before, the 101st listener on a
 * run did). Clients come from several loopback addresses (127.0.0.x) over real sockets.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by expect */
import { request, type ClientRequest, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePools } from '../../src/jobs/workerPool.ts';
import { DEFAULT_CONFIG } from '../../src/server/config.ts';
import { call, SMALL_ID, startTestServer, type TestServer } from './helper.ts';

let s: TestServer;
let waitingRun: string;
const warnings: string[] = [];
const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
const open: ClientRequest[] = [];

beforeAll(async () => {
  process.on('warning', onWarning);
  s = await startTestServer({ maxRuns: 400_000, syncMaxRuns: 100, shutdownGraceMs: 0 });
  // one long job runs; the next waits behind it, so its streams stay open
  const first = await call(s, 'POST', '/runs', {
    body: { scenarioId: SMALL_ID, runs: 400_000 },
    token: true,
  });
  expect(first.status).toBe(202);
  const second = await call(s, 'POST', '/runs', {
    body: { scenarioId: SMALL_ID, runs: 1_000 },
    token: true,
  });
  expect(second.status).toBe(202);
  waitingRun = second.body.run.id;
});
afterAll(async () => {
  for (const r of open) r.destroy();
  await s?.close();
  await closePools();
  process.off('warning', onWarning);
});

/** Opens a stream from `from`; resolves with its status and, for a refusal, the body. */
function stream(from: string, runId = waitingRun): Promise<{ status: number; body?: any }> {
  return new Promise((resolve, reject) => {
    const url = new URL(`${s.url}/runs/${runId}/events`);
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, localAddress: from },
      (res: IncomingMessage) => {
        if (res.statusCode === 200) {
          open.push(req);
          resolve({ status: 200 });
          return;
        }
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('progress streams', () => {
  it('refuses more streams from one address than allowed (429), and frees a closed one', async () => {
    const max = DEFAULT_CONFIG.maxStreamsPerAddress;
    for (let i = 0; i < max; i++) expect((await stream('127.0.0.1')).status).toBe(200);
    const over = await stream('127.0.0.1');
    expect(over.status).toBe(429);
    expect(over.body.issues[0]).toMatchObject({ code: 'too_many_streams' });
    expect(over.body.issues[0].message).toMatch(/this address .* close one first/);
    // closing one frees its place
    open.shift()!.destroy();
    await expect.poll(() => s.app.parley.streams.open).toBe(max - 1);
    expect((await stream('127.0.0.1')).status).toBe(200);
  });

  it('refuses more streams on one run than allowed (503), from any number of addresses', async () => {
    const max = DEFAULT_CONFIG.maxStreamsPerRun;
    const perAddress = DEFAULT_CONFIG.maxStreamsPerAddress;
    let opened = s.app.parley.streams.open;
    for (let a = 2; opened < max; a++)
      for (let i = 0; i < perAddress && opened < max; i++, opened++)
        expect((await stream(`127.0.0.${a}`)).status).toBe(200);
    const over = await stream('127.0.0.250');
    expect(over.status).toBe(503);
    expect(over.body.issues[0].code).toBe('too_many_streams');
    expect(over.body.issues[0].message).toMatch(/poll GET \/runs\//);
    expect(warnings.filter((w) => /MaxListeners/.test(w))).toEqual([]);
  });
});
