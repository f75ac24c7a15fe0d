/**
 * Security headers (issue 15, finding 5) on every kind of answer, over a real socket: API JSON
 * (success, 4xx, 503), the UI (page, scripts), the API docs, a report and its charts, the
 * progress stream. Each has nosniff, no framing (X-Frame-Options and frame-ancestors), no
 * referrer, and a Content-Security-Policy that fits it. That the UI works under its policy is
 * checked in the browser (test/web/app.e2e.test.ts fails on any CSP refusal).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePools } from '../../src/jobs/workerPool.ts';
import { call, SMALL_ID, startTestServer, type TestServer } from './helper.ts';

let s: TestServer;
let runId: string;
beforeAll(async () => {
  s = await startTestServer();
  runId = (
    await call(s, 'POST', '/runs', { body: { scenarioId: SMALL_ID, runs: 100 }, token: true })
  ).body.run.id;
});
afterAll(async () => {
  await s?.close();
  await closePools();
});

function expectHeaders(h: Headers, what: string): string {
  expect(h.get('x-content-type-options'), what).toBe('nosniff');
  expect(h.get('x-frame-options'), what).toBe('DENY');
  expect(h.get('referrer-policy'), what).toBe('no-referrer');
  const csp = h.get('content-security-policy') ?? '';
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).not.toMatch(/unsafe-eval/);
  return csp;
}

describe('security headers', () => {
  it('sets them on API answers, errors included, with a policy that loads nothing', async () => {
    for (const path of ['/health', '/scenarios', `/runs/${runId}`, '/no-such-route', '/runs/x']) {
      const r = await call(s, 'GET', path);
      expect(expectHeaders(r.headers, path)).toContain("default-src 'none'");
    }
    const unauthorised = await call(s, 'POST', '/runs', { body: { scenarioId: SMALL_ID } });
    expect(unauthorised.status).toBe(401);
    expectHeaders(unauthorised.headers, '401');
  });

  it('sets them on a report (inline styles only) and its charts', async () => {
    const report = await call(s, 'GET', `/runs/${runId}/report`);
    expect(report.status).toBe(200);
    const csp = expectHeaders(report.headers, 'report');
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'unsafe-inline'");
    expect(csp).not.toContain('script-src');
    expect(report.text).not.toMatch(/<script/i);
    for (const format of ['svg', 'png']) {
      const chart = await fetch(`${s.url}/runs/${runId}/charts/fans?format=${format}`);
      expect(chart.status).toBe(200);
      expectHeaders(chart.headers, `chart ${format}`);
    }
  });

  it('sets them on the UI (or its placeholder) and the docs: scripts from this origin only', async () => {
    for (const path of ['/', '/docs/']) {
      const r = await fetch(`${s.url}${path}`);
      const csp = expectHeaders(r.headers, path);
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    }
  });

  it('sets them on a progress stream', async () => {
    const job = await call(s, 'POST', '/runs', {
      body: { scenarioId: SMALL_ID, runs: 5000 },
      token: true,
    });
    const r = await fetch(`${s.url}/runs/${job.body.run?.id ?? runId}/events`);
    expectHeaders(r.headers, 'events');
    await r.text();
  });
});
