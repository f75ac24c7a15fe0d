// /openapi.json names the shapes a client works with (components a generated client turns into
// named types) and describes each error status for what it means, not with the shared error body.
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return -- the OpenAPI document is checked by expect */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { ERROR_DESCRIPTIONS } from '../../src/server/openapi.ts';
import { ErrorSchema } from '../../src/contracts/index.ts';
import { openSqliteStore, type Store } from '../../src/store/index.ts';

let app: FastifyInstance;
let store: Store;
let doc: any;
beforeAll(async () => {
  store = await openSqliteStore(':memory:');
  app = await buildApp({ store, config: { rateLimit: false } });
  await app.ready();
  doc = app.swagger();
});
afterAll(async () => {
  await app?.close();
  await store?.close();
});

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (response: any) => response.content['application/json'].schema;

describe('named component schemas', () => {
  it('names the API’s shapes, and keeps only components some operation uses', () => {
    const names = Object.keys(doc.components.schemas).sort();
    expect(names).toEqual(
      [
        'Analogue',
        'Case',
        'CaseSummary',
        'Error',
        'Insight',
        'Issue',
        'RunRecord',
        'RunResult',
        'Scenario',
        'ScenarioInput',
        'ScenarioSummary',
        'ScenarioVersion',
      ].sort(),
    );
    const text = JSON.stringify(doc);
    for (const n of names) expect(text, n).toContain(`"#/components/schemas/${n}"`);
  });

  it('refers to them where they are used', () => {
    const p = doc.paths;
    expect(p['/scenarios'].post.requestBody.content['application/json'].schema).toEqual(
      ref('ScenarioInput'),
    );
    expect(json(p['/runs/{id}/result'].get.responses['200'])).toEqual(ref('RunResult'));
    expect(json(p['/runs'].post.responses['201']).properties).toEqual({
      run: ref('RunRecord'),
      result: ref('RunResult'),
    });
    expect(json(p['/cases/{id}'].get.responses['200'])).toEqual(ref('Case'));
    expect(json(p['/cases'].get.responses['200']).properties.cases.items).toEqual(
      ref('CaseSummary'),
    );
    expect(json(p['/analogues'].get.responses['200']).properties.analogues.items).toEqual(
      ref('Analogue'),
    );
    expect(json(p['/insights'].get.responses['200']).properties.insights.items).toEqual(
      ref('Insight'),
    );
    expect(json(p['/scenarios/{id}'].get.responses['200']).properties.scenario).toEqual(
      ref('Scenario'),
    );
    expect(doc.components.schemas.Error.properties.issues.items).toEqual(ref('Issue'));
    expect(doc.components.schemas.Scenario.properties.parties).toBeDefined();
  });
});

describe('error descriptions', () => {
  const errors = () =>
    Object.entries(doc.paths).flatMap(([path, ops]: [string, any]) =>
      Object.entries(ops).flatMap(([method, op]: [string, any]) =>
        Object.entries(op.responses ?? {})
          .filter(([status]) => Number(status) >= 400)
          .map(([status, r]: [string, any]) => ({ at: `${method} ${path} ${status}`, status, r })),
      ),
    );

  it('every error response refers to Error and says what its status means', () => {
    const all = errors();
    expect(all.length).toBeGreaterThan(30);
    for (const { at, status, r } of all) {
      expect(json(r), at).toEqual(ref('Error'));
      expect(r.description, at).not.toBe(ErrorSchema.description);
      expect(r.description, at).not.toBe('Default Response');
      if (status in ERROR_DESCRIPTIONS && r.description !== ERROR_DESCRIPTIONS[status])
        // a route's own words, kept where it described the status itself
        expect(['503', '429'], at).toContain(status);
    }
  });

  it('a 401 is about the token, a 404 about a missing resource', () => {
    const by = (status: string) => errors().filter((e) => e.status === status);
    expect(by('401').length).toBeGreaterThan(0);
    for (const { at, r } of by('401')) expect(r.description, at).toMatch(/token/);
    for (const { at, r } of by('404')) expect(r.description, at).toBe('no such resource');
  });
});
