/**
 * POST /reports: the report of a scenario as edited in the browser, not saved (Results → Export),
 * against a real listening server: HTML with the edited scenario's name and numbers, PDF where
 * Chromium is installed, the draft's problems at their paths, and the bounds.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by expect */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePools } from '../../src/jobs/localPool.ts';
import { parseScenarioText } from '../../src/model/index.ts';
import { CHROMIUM_PATH } from '../../src/report/pdf.ts';
import { call, startTestServer, type TestServer } from './helper.ts';

const chromium = existsSync(CHROMIUM_PATH);
const draft = (() => {
  const r = parseScenarioText(
    readFileSync(new URL('../../data/scenarios/russia-japan-1905.yaml', import.meta.url), 'utf8'),
  );
  if (!r.ok) throw new Error('bundled scenario invalid');
  return { ...r.value, name: 'Portsmouth, as edited in the browser' };
})();

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.close();
  await closePools();
});

describe('POST /reports (a scenario as edited, not saved)', () => {
  it('answers the HTML report of the edited scenario, saying it is not saved', async () => {
    const r = await call(s, 'POST', '/reports', {
      body: { scenario: draft, runs: 200 },
      token: true,
    });
    expect(r.status).toBe(200);
    const html = r.text;
    expect(html).toContain('<h1>Portsmouth, as edited in the browser</h1>');
    expect(html).toContain('Scenario russia-japan-1905 as edited (not saved) · 200 runs');
    expect(html).not.toMatch(/Scenario scenario/i);
  });

  it('names the problems of an invalid draft at their paths under scenario', async () => {
    const bad = structuredClone(draft) as any;
    bad.settings.horizonMonths = -3;
    const r = await call(s, 'POST', '/reports', { body: { scenario: bad }, token: true });
    expect(r.status).toBe(400);
    expect(r.body.issues[0].path).toEqual(['scenario', 'settings', 'horizonMonths']);
  });

  it('needs the session token and bounds the runs', async () => {
    const anon = await call(s, 'POST', '/reports', { body: { scenario: draft, runs: 200 } });
    expect(anon.status).toBe(401);
    const many = await call(s, 'POST', '/reports', {
      body: { scenario: draft, runs: 10_000_000 },
      token: true,
    });
    expect(many.status).toBe(400);
  });

  it.skipIf(!chromium)(
    'prints it to PDF',
    async () => {
      const res = await fetch(`${s.url}/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${s.token}` },
        body: JSON.stringify({ scenario: draft, runs: 200, format: 'pdf' }),
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(
        Buffer.from(await res.arrayBuffer())
          .subarray(0, 5)
          .toString('latin1'),
      ).toBe('%PDF-');
    },
    120_000,
  );
});
