/**
 * API abuse (issue #10), each answered correctly: writes without a token or with a wrong,
 * malformed or revoked one (401, nothing written); oversized bodies (413, also when only the
 * Content-Length header says so); too many runs (400); path traversal in every file-ish
 * parameter (400/404, never a file's content); slow-loris clients that trickle headers or a
 * body (closed by the server's timeouts, on a real socket); rate limits (429).
 */
import { connect } from 'node:net';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { closePools } from '../../src/jobs/localPool.ts';
import { buildApp } from '../../src/server/app.ts';
import { HistoryService } from '../../src/server/services/history.ts';
import type { ServerConfig } from '../../src/server/config.ts';
import { openSqliteStore, type Store } from '../../src/store/index.ts';
import { smallScenario, SMALL_ID } from '../server/helper.ts';

const history = HistoryService.load();
type Server = { app: FastifyInstance; store: Store; token: string; url: string; port: number };

async function start(config: Partial<ServerConfig> = {}): Promise<Server> {
  const store = await openSqliteStore(':memory:');
  await store.saveScenario(smallScenario());
  await store.saveScenario(
    smallScenario({ id: 'big-war', settings: { runs: 50_000, horizonMonths: 36, seed: 1 } }),
  );
  const { token } = await store.createToken('abuse');
  const app = await buildApp({
    store,
    history,
    config: { rateLimit: false, threads: 1, maxRuns: 10_000, ...config },
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, store, token, url, port: Number(new URL(url).port) };
}
const stop = async (s: Server | undefined) => {
  await s?.app.close();
  await s?.store.close();
};

let s: Server;
beforeAll(async () => {
  s = await start();
});
afterAll(async () => {
  await stop(s);
  await closePools();
});

const tried: Record<string, number> = {};
const count = (what: string) => (tried[what] = (tried[what] ?? 0) + 1);
afterAll(() => console.log(`abuses tried: ${JSON.stringify(tried)}`));

const expectIssues = (body: string, code?: string) => {
  const parsed = JSON.parse(body) as { issues: { code: string; message: string }[] };
  expect(parsed.issues.length).toBeGreaterThan(0);
  if (code) expect(parsed.issues.map((i) => i.code)).toContain(code);
  expect(body).not.toMatch(/node_modules|\.ts:\d+|SQLITE|stack/);
};

/** A raw HTTP request: the path is sent exactly as given (fetch would normalise "..") */
function raw(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('authentication', () => {
  it('refuses every write route without a token (401) and writes nothing', async () => {
    const doc = s.app.swagger() as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    const writes: [string, string][] = [];
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops))
        if (op.security?.length) writes.push([method.toUpperCase(), path]);
        // the one unauthenticated POST stores nothing
        else if (method !== 'get') expect(`${method} ${path}`).toBe('post /scenarios/validate');
    expect(writes.length).toBeGreaterThanOrEqual(4);
    const before = await s.store.listRuns();
    for (const [method, path] of writes) {
      const url = path
        .replace(
          '{id}',
          path.startsWith('/scenarios') ? SMALL_ID : '00000000-0000-4000-8000-000000000000',
        )
        .replace(/\{[^}]+\}/g, 'x');
      const r = await s.app.inject({
        method: method as 'POST',
        url,
        payload: { scenarioId: SMALL_ID, runs: 10 },
      });
      count('write without a token');
      expect(r.statusCode, `${method} ${url}`).toBe(401);
      expectIssues(r.body, 'unauthorized');
    }
    expect(await s.store.listRuns()).toEqual(before);
    expect((await s.store.getScenario(SMALL_ID))?.version).toBe(1);
  });

  it('refuses wrong, malformed and revoked tokens (401)', async () => {
    const [, id] = /^parley_([0-9a-f]{12})_/.exec(s.token)!;
    const revoked = await s.store.createToken('to revoke');
    const bad = [
      'Bearer parley_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', // unknown id
      `Bearer parley_${id}_${'A'.repeat(32)}`, // right id, wrong secret
      `Bearer ${s.token.slice(0, -1)}`, // truncated
      `Bearer ${s.token}x`,
      `Basic ${Buffer.from(`user:${s.token}`).toString('base64')}`,
      `Bearer ${s.token} extra`,
      'Bearer ' + 'x'.repeat(8000),
      `Bearer ${s.token.toUpperCase()}`,
      `Bearer parley_${id}_${'A'.repeat(31)}'`,
      `Bearer ${revoked.token}`,
    ];
    expect(await s.store.revokeToken(revoked.meta.id)).toBe(true);
    for (const authorization of bad) {
      const r = await s.app.inject({
        method: 'POST',
        url: '/runs',
        headers: { authorization },
        payload: { scenarioId: SMALL_ID, runs: 10 },
      });
      count('wrong, malformed or revoked token');
      expect(r.statusCode, authorization.slice(0, 60)).toBe(401);
      expectIssues(r.body, 'unauthorized');
    }
    // the right token still works
    const ok = await s.app.inject({
      method: 'POST',
      url: '/runs',
      headers: { authorization: `Bearer ${s.token}` },
      payload: { scenarioId: SMALL_ID, runs: 10 },
    });
    expect(ok.statusCode).toBe(201);
  });
});

describe('bounds', () => {
  it('refuses oversized bodies with 413, JSON or YAML, or announced by Content-Length alone', async () => {
    const big = 'x'.repeat(1024 * 1024 + 1);
    for (const [type, payload] of [
      ['application/json', JSON.stringify({ ...smallScenario(), description: big })],
      ['application/yaml', `id: x\ndescription: ${big}\n`],
      ['text/plain', big],
    ]) {
      const r = await s.app.inject({
        method: 'POST',
        url: '/scenarios',
        headers: { authorization: `Bearer ${s.token}`, 'content-type': type },
        payload,
      });
      count('oversized body');
      expect([413, 415], type).toContain(r.statusCode);
      if (type !== 'text/plain') expectIssues(r.body, 'too_large');
    }
    // a 10 GB Content-Length is refused before any of the body is read
    const r = await new Promise<string>((resolve) => {
      const sock = connect(s.port, '127.0.0.1', () =>
        sock.write(
          `POST /scenarios HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${s.token}\r\nContent-Type: application/json\r\nContent-Length: 10737418240\r\n\r\n{`,
        ),
      );
      let text = '';
      sock.on('data', (d: Buffer) => {
        text += d.toString();
        if (text.includes('\r\n\r\n')) sock.destroy();
      });
      sock.on('close', () => resolve(text));
    });
    count('oversized body');
    // only one byte of the body is ever sent: an answer at all means it was refused unread (a
    // server reading the body would wait for the request timeout), whatever the machine's speed
    expect(r).toMatch(/^HTTP\/1\.1 413/);
  });

  it('refuses too many runs (400), in the request or in the saved scenario', async () => {
    const post = (body: unknown) =>
      s.app.inject({
        method: 'POST',
        url: '/runs',
        headers: { authorization: `Bearer ${s.token}` },
        payload: body as object,
      });
    for (const runs of [10_001, 1e9, 2 ** 53, -1, 0, 1.5]) {
      const r = await post({ scenarioId: SMALL_ID, runs });
      count('too many runs');
      expect(r.statusCode, String(runs)).toBe(400);
      expectIssues(r.body);
    }
    const fromScenario = await post({ scenarioId: 'big-war' });
    count('too many runs');
    expect(fromScenario.statusCode).toBe(400);
    expectIssues(fromScenario.body, 'too_many_runs');
    expect((await s.store.listRuns()).filter((r) => r.runs > 10_000)).toEqual([]);
  });
});

describe('path traversal', () => {
  const uuid = '00000000-0000-4000-8000-000000000000';
  const api = [
    '/scenarios/..%2F..%2Fetc%2Fpasswd',
    '/scenarios/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/scenarios/..%5C..%5Cwindows%5Cwin.ini',
    '/scenarios/small-war%00.yaml',
    '/scenarios/%00',
    '/scenarios/..%252F..%252Fetc%252Fpasswd',
    '/scenarios/..%2F..%2Fpackage.json/versions',
    '/scenarios/small-war?version=..%2F..%2Fetc%2Fpasswd',
    '/runs/..%2F..%2Fetc%2Fpasswd',
    '/runs/..%2F..%2Fetc%2Fpasswd/result',
    '/runs/%2e%2e/report',
    `/runs/${uuid}%00/result`,
    `/runs/${uuid}/charts/..%2F..%2F..%2Fpackage.json`,
    `/runs/${uuid}/charts/%2e%2e%2f%2e%2e%2fetc%2fpasswd`,
    '/cases/..%2F..%2Fpackage.json',
    '/cases/..%2F..%2Fdata%2Fcases%2Fkorea-1953',
    '/cases/%00',
    '/analyses/..%2F..%2Fetc%2Fpasswd',
    '/analogues?scenarioId=..%2F..%2Fetc%2Fpasswd',
    '/analogues?caseId=..%2F..%2Fpackage.json',
    '/runs?scenarioId=..%2F..%2Fetc%2Fpasswd',
  ];
  const anywhere = [
    '/../../../../etc/passwd',
    '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    '/assets/..%2f..%2f..%2fpackage.json',
    '/assets/../../package.json',
    '/index.html/../../package.json',
    '/docs/static/../../../package.json',
    '/docs/static/..%2f..%2f..%2fpackage.json',
    '/docs/static/%2e%2e%2f%2e%2e%2f%2e%2e%2fpackage.json',
    '//etc/passwd',
    '/%00',
    '/package.json',
    '/.env',
    '/parley.db',
  ];
  const leaked = (body: string) =>
    /root:x:0:0|"dependencies"|\[extensions\]|SQLite format/.test(body);

  it('answers 400 or 404 for traversal in ids and never serves a file', async () => {
    for (const path of api) {
      const r = await raw(s.port, 'GET', path);
      count('path traversal');
      expect([400, 404], path).toContain(r.status);
      expect(leaked(r.body), path).toBe(false);
      expectIssues(r.body);
    }
    for (const scenarioId of ['../../etc/passwd', 'small-war\u0000', '..\\..\\x', '%2e%2e%2f']) {
      const r = await s.app.inject({
        method: 'POST',
        url: '/runs',
        headers: { authorization: `Bearer ${s.token}` },
        payload: { scenarioId, runs: 10 },
      });
      count('path traversal');
      expect(r.statusCode).toBe(400);
    }
  });

  it('never serves a file outside the web build or the docs bundle', async () => {
    for (const path of anywhere) {
      const r = await raw(s.port, 'GET', path);
      count('path traversal');
      expect([400, 403, 404], path).toContain(r.status);
      expect(leaked(r.body), path).toBe(false);
    }
  });
});

describe('slow clients (slow-loris) on a real socket', () => {
  let slow: Server;
  beforeAll(async () => {
    slow = await start({ headersTimeoutMs: 1000, requestTimeoutMs: 2000 });
  });
  afterAll(() => stop(slow));

  /** Opens a socket, sends `head`, then one byte of `trickle` every 200 ms; resolves when the server closes it. */
  const trickle = (head: string, drip: string) =>
    new Promise<{ ms: number; answer: string; byServer: boolean }>((resolve) => {
      const t0 = performance.now();
      let answer = '';
      let i = 0;
      const sock = connect(slow.port, '127.0.0.1', () => sock.write(head));
      const timer = setInterval(() => {
        if (!sock.destroyed && !sock.writableEnded) sock.write(drip[i++ % drip.length]);
      }, 200);
      sock.on('data', (d: Buffer) => (answer += d.toString()));
      sock.on('error', () => undefined);
      sock.on('close', () => {
        clearInterval(timer);
        resolve({ ms: performance.now() - t0, answer, byServer: !ours });
      });
      // the test's own bound, far beyond the server's timeouts: a server that never closes the
      // connection fails (byServer false), however slow or fast the machine
      let ours = false;
      setTimeout(() => {
        ours = true;
        sock.destroy();
      }, 30_000);
    });

  it('closes a client that trickles its headers', async () => {
    const r = await trickle(
      'GET /scenarios HTTP/1.1\r\nHost: x\r\n',
      'X-Slow: aaaaaaaaaaaaaaaaaaaaa\r\n',
    );
    count('slow-loris');
    expect(r.byServer).toBe(true);
    expect(r.answer).toMatch(/^HTTP\/1\.1 408|^$/);
  });

  it('closes a client that trickles its body', async () => {
    const r = await trickle(
      `POST /scenarios HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${slow.token}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{`,
      '"aaaaaaaaaa",',
    );
    count('slow-loris');
    expect(r.byServer).toBe(true);
    expect(r.answer).toMatch(/^HTTP\/1\.1 408|^$/);
    // the server still answers others
    expect((await fetch(`${slow.url}/health`)).status).toBe(200);
  });
});

describe('rate limits', () => {
  it('answers 429 once a client exceeds its budget, reads and writes alike; health stays open', async () => {
    const limited = await start({ rateLimit: { max: 5, timeWindowMs: 60_000 } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 8; i++) {
        const r = await limited.app.inject({
          method: i % 2 ? 'GET' : 'POST',
          url: i % 2 ? '/scenarios' : '/scenarios/validate',
          payload: i % 2 ? undefined : { id: 'x' },
        });
        codes.push(r.statusCode);
        count('rate limit');
        if (r.statusCode === 429) {
          expectIssues(r.body, 'rate_limited');
          expect(r.headers['retry-after']).toBeDefined();
        }
      }
      expect(codes.slice(0, 5).every((c) => c === 200)).toBe(true);
      expect(codes.slice(5)).toEqual([429, 429, 429]);
      expect((await limited.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    } finally {
      await stop(limited);
    }
  });
});
