/**
 * Report export and the explorer's case filters against a real listening server: the run report
 * printed to PDF by Debian's Chromium (skipped with a printed reason where it is absent), the
 * printer's failures as data (no Chromium, time limit), and GET /cases?mediation=&channel=.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by expect */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePools } from '../../src/jobs/localPool.ts';
import { CHROMIUM_PATH, htmlToPdf } from '../../src/report/pdf.ts';
import { call, SMALL_ID, startTestServer, type TestServer } from './helper.ts';

const chromium = existsSync(CHROMIUM_PATH);
if (!chromium) console.log(`export.test: PDF checks skipped: no Chromium at ${CHROMIUM_PATH}`);

let s: TestServer;
let runId: string;
beforeAll(async () => {
  s = await startTestServer();
  const r = await call(s, 'POST', '/runs', {
    body: { scenarioId: SMALL_ID, runs: 200 },
    token: true,
  });
  expect(r.status).toBe(201);
  runId = r.body.run.id;
});
afterAll(async () => {
  await s?.close();
  await closePools();
});

/** Pages in a PDF: its page objects (`/Type /Page`, not `/Type /Pages`). */
const pdfPages = (b: Buffer) => (b.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

describe('GET /runs/{id}/report.pdf', () => {
  it.skipIf(!chromium)(
    'prints the run report to a multi-page A4 PDF',
    async () => {
      const res = await fetch(`${s.url}/runs/${runId}/report.pdf?download=1`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('content-disposition')).toMatch(
        /^attachment; filename="parley-small-war-/,
      );
      const pdf = Buffer.from(await res.arrayBuffer());
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(20_000);
      // the report has five charts, a why-panel, analogues and insights: more than one A4 page
      expect(pdfPages(pdf)).toBeGreaterThan(1);
      // A4 is 595 x 842 points
      expect(pdf.toString('latin1')).toMatch(
        /\/MediaBox\s*\[\s*0 0 595(\.\d+)? 841(\.\d+)?|\/MediaBox\s*\[\s*0 0 595(\.\d+)? 842/,
      );
    },
    60_000,
  );

  it.skipIf(chromium)('answers 501 with the reason where Chromium is absent', async () => {
    const r = await call(s, 'GET', `/runs/${runId}/report.pdf`);
    expect(r.status).toBe(501);
    expect(r.body.issues[0]).toMatchObject({ code: 'pdf_unavailable' });
    expect(r.body.issues[0].message).toContain(CHROMIUM_PATH);
  });

  it('answers 404 for an unknown run, 400 for a malformed id', async () => {
    const missing = await call(s, 'GET', '/runs/00000000-0000-4000-8000-000000000000/report.pdf');
    expect(missing.status).toBe(404);
    expect(missing.body.issues[0].code).toBe('not_found');
    expect((await call(s, 'GET', '/runs/nope/report.pdf')).status).toBe(400);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await call(s, 'GET', '/openapi.json')).body;
    expect(doc.paths['/runs/{id}/report.pdf'].get.operationId).toBe('runReportPdf');
  });
});

describe('htmlToPdf failures are data', () => {
  it('names the missing browser', async () => {
    const r = await htmlToPdf('<p>x</p>', { executablePath: '/nonexistent/chromium' });
    expect(r).toEqual({
      ok: false,
      code: 'pdf_unavailable',
      message: expect.stringContaining('/nonexistent/chromium'),
    });
  });

  it.skipIf(!chromium)(
    'stops at the time limit, then prints the next one',
    async () => {
      const slow = await htmlToPdf('<p>x</p>', { timeoutMs: 5 });
      expect(slow).toMatchObject({ ok: false, code: 'pdf_timeout' });
      const ok = await htmlToPdf('<h1>Parley</h1><p>one page</p>');
      expect(ok.ok).toBe(true);
      if (ok.ok) {
        expect(ok.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(pdfPages(ok.pdf)).toBe(1);
      }
    },
    60_000,
  );
});

describe('GET /cases: mediation and channel filters', () => {
  it('splits the case base by mediation and filters by channel', async () => {
    const all = (await call(s, 'GET', '/cases')).body;
    const yes = (await call(s, 'GET', '/cases?mediation=yes')).body;
    const no = (await call(s, 'GET', '/cases?mediation=no')).body;
    expect(yes.total).toBeGreaterThan(0);
    expect(no.total).toBeGreaterThan(0);
    expect(yes.total + no.total).toBe(all.total);
    const one = (await call(s, 'GET', `/cases/${yes.cases[0].id}`)).body;
    expect(one.timeline.some((e: any) => e.kind === 'mediation')).toBe(true);
    const none = (await call(s, 'GET', `/cases/${no.cases[0].id}`)).body;
    expect(none.timeline.some((e: any) => e.kind === 'mediation')).toBe(false);

    const back = (await call(s, 'GET', '/cases?channel=back-channel')).body;
    expect(back.total).toBeGreaterThan(0);
    expect(back.total).toBeLessThan(all.total);
    for (const c of back.cases.slice(0, 5)) {
      const full = (await call(s, 'GET', `/cases/${c.id}`)).body;
      expect(
        full.timeline.some((e: any) => e.kind === 'back-channel' || e.kind === 'secret-contact'),
      ).toBe(true);
    }
    // mediated channel = mediation yes; combined with another filter, still a subset
    expect((await call(s, 'GET', '/cases?channel=mediated')).body.total).toBe(yes.total);
    const civilPublic = (await call(s, 'GET', '/cases?channel=public&type=civil')).body;
    expect(civilPublic.cases.every((c: any) => c.type === 'civil')).toBe(true);
    const bad = await call(s, 'GET', '/cases?channel=carrier-pigeon');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('channel');
  });
});
