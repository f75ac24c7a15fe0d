/**
 * Fuzzing the inputs (issue #10), the short version CI runs: seeded mutations of the bundled
 * scenarios and fast-check properties through the loader, the API (app.inject) and a sample
 * through the CLI. Every input ends in a valid result or a clear error (issues with codes; exit
 * 2; 4xx), never a throw, a 5xx, a hang or prototype pollution. The CLI sample is in
 * fuzzCli.test.ts (processes are slow). `npm run fuzz` (bench/fuzz.ts) runs ≥ 10,000.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { FastifyInstance } from 'fastify';
import { closePools } from '../../src/jobs/localPool.ts';
import { parseScenarioText, validateScenario } from '../../src/model/index.ts';
import { buildApp } from '../../src/server/app.ts';
import { openSqliteStore, type Store } from '../../src/store/index.ts';
import { loadBases, mutationCases } from './fuzz/mutations.ts';
import { apiTarget, issueProblem, loaderTarget, pollution, Tally } from './fuzz/targets.ts';

const SEED = 20261125;
/** per-case bound: the slowest legitimate case (a 1 MB document) parses in a few seconds */
const CASE_MS = 15_000;
const bases = loadBases();
let tmp: string;
const totals: Record<string, number> = {};

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'parley-fuzz-'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  console.log(`fuzz cases run: ${JSON.stringify(totals)}`);
});

const report = (name: string, t: Tally, boundMs = CASE_MS) => {
  totals[name] = t.count;
  console.log(`${name}: ${t.count} cases, slowest ${t.maxMs.toFixed(0)} ms: ${t.summary()}`);
  expect(
    t.problems.map(({ c, o }) => ({
      case: typeof c === 'string' ? c : `${c.index} ${c.kind} ${c.base}`,
      ...o,
    })),
  ).toEqual([]);
  expect(t.maxMs).toBeLessThan(boundMs);
};

describe('loader (parseScenarioText)', () => {
  it('ends every mutated bundled scenario in a valid result or located issues', () => {
    const t = new Tally();
    for (const c of mutationCases(SEED, 600, { bases, largeShare: 0.01 }))
      t.add(c, loaderTarget(c, tmp));
    report('loader mutations', t);
    // bounded memory: alias bombs, huge lists and megabyte strings do not pile up
    expect(process.memoryUsage().rss).toBeLessThan(2 * 2 ** 30);
    // the mutations must actually exercise both ends
    expect(t.classes.get('valid') ?? 0).toBeGreaterThan(20);
    expect(t.classes.get('rejected:syntax_error') ?? 0).toBeGreaterThan(10);
  });

  it('reports nesting beyond the limit as too_deep, however it is written', () => {
    let block = '';
    for (let i = 0; i < 1400; i++) block += ' '.repeat(i) + 'a:\n'; // ~1 MB of indentation
    let shallow = '';
    for (let i = 0; i < 100; i++) shallow += ' '.repeat(i) + 'a:\n';
    let json: unknown = 1;
    for (let i = 0; i < 5000; i++) json = { a: [json] };
    for (const r of [
      parseScenarioText('['.repeat(100_000)),
      parseScenarioText(block),
      parseScenarioText(shallow),
      validateScenario(json),
    ]) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues[0].code).toBe('too_deep');
    }
  });

  it('never throws on arbitrary text (fast-check)', () => {
    const t = new Tally();
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 400 })),
        (text) => {
          const t0 = performance.now();
          const r = parseScenarioText(text);
          const problem = (r.ok ? undefined : issueProblem(r.issues)) ?? pollution();
          t.add('text', {
            cls: r.ok ? 'valid' : `rejected:${r.issues[0].code}`,
            problem,
            ms: performance.now() - t0,
          });
          return problem === undefined;
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
    report('fast-check text', t);
  });

  it('never throws on arbitrary values, __proto__ keys included (fast-check)', () => {
    const t = new Tally();
    const key = fc.oneof(
      fc.string(),
      fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'parties', 'settings'),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.oneof(fc.double(), fc.integer(), fc.string(), fc.boolean(), fc.constant(null)),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(key, tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 8 }), (data) => {
        // JSON text parsed again, as the API receives it: "__proto__" becomes an own key
        const json: unknown = JSON.parse(JSON.stringify(data));
        const t0 = performance.now();
        const r = validateScenario(json);
        const problem = (r.ok ? undefined : issueProblem(r.issues)) ?? pollution();
        t.add('value', {
          cls: r.ok ? 'valid' : `rejected:${r.issues[0].code}`,
          problem,
          ms: performance.now() - t0,
        });
        return problem === undefined;
      }),
      { seed: SEED, numRuns: 200 },
    );
    report('fast-check values', t);
  });

  it('keeps valid scenarios valid and their meaning through a YAML round trip (fast-check)', () => {
    // numbers inside their documented ranges: the validated value survives YAML and JSON unchanged
    const base = parseScenarioText(bases[0].text);
    if (!base.ok) throw new Error('invalid bundled scenario');
    fc.assert(
      fc.property(
        fc.record({
          runs: fc.integer({ min: 1, max: 1_000_000 }),
          seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
          name: fc.string({ minLength: 1, maxLength: 300 }),
        }),
        ({ runs, seed, name }) => {
          const s = { ...base.value, name, settings: { ...base.value.settings, runs, seed } };
          const again = parseScenarioText(stringify(s));
          const json = validateScenario(JSON.parse(JSON.stringify(s)));
          return again.ok && json.ok && JSON.stringify(again.value) === JSON.stringify(json.value);
        },
      ),
      { seed: SEED, numRuns: 100 },
    );
    totals['fast-check round trip'] = 100;
  });
});

describe('API (app.inject)', () => {
  let app: FastifyInstance;
  let store: Store;
  let token: string;
  beforeAll(async () => {
    store = await openSqliteStore(join(tmp, 'api.db'));
    token = (await store.createToken('fuzz')).token;
    for (const b of bases) {
      const r = validateScenario(b.data);
      if (r.ok) await store.saveScenario(r.value);
    }
    app = await buildApp({
      store,
      config: { rateLimit: false, threads: 1, maxRuns: 100, syncMaxRuns: 100 },
    });
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
    await closePools();
  });

  it('answers every mutated body on validate, save and run with 2xx or 4xx issues', async () => {
    const t = new Tally();
    const ids = bases.map((b) => b.name.replace(/\.ya?ml$/, ''));
    for (const c of mutationCases(SEED + 1, 240, { bases, largeShare: 0.01 }))
      t.add(c, await apiTarget(app, token, c, ids));
    report('api', t);
    expect([...t.classes.keys()].some((k) => k.startsWith('/runs 201'))).toBe(true);
    // every run the API acknowledged is stored, done, with its result
    for (const run of await store.listRuns({ limit: 1000 })) {
      expect(run.status).toBe('done');
      expect(await store.getRunResultJson(run.id)).toMatch(/^\{/);
    }
  });
});
