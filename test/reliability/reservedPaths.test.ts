/**
 * Prototype pollution through names a user chooses (issue #15, finding 1), closed as a class:
 * every entry point that takes a path (sweep params, sensitivity factors, overlay paths) or an
 * overlay document (variant files, inline variants) refuses `__proto__`, `prototype` and
 * `constructor` segments and `__proto__` keys with a clear issue, and afterwards
 * `({}).polluted` is undefined and the defaults behave as before. Properties over random
 * paths (fast-check), then the API (a real server) and the CLI (child processes).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getPath,
  parseFactor,
  parseGridParam,
  parseVariantDocument,
  prepareVariants,
  setPath,
  withValues,
} from '../../src/analysis/index.ts';
import { closePools } from '../../src/jobs/localPool.ts';
import { RESERVED_SEGMENTS, validateScenario } from '../../src/model/index.ts';
import { loadScenario, REPO_ROOT } from '../../src/data/scenarios.ts';
import { call, SMALL_ID, startTestServer, type TestServer } from '../server/helper.ts';
import { pollution } from './fuzz/targets.ts';

const RESERVED = [...RESERVED_SEGMENTS];
const base = (() => {
  const r = loadScenario('russia-japan-1905').result;
  if (!r.ok) throw new Error('bundled scenario invalid');
  return r.value;
})();

/** A path with at least one reserved segment among ordinary ones. */
const reservedPath = fc
  .tuple(
    fc.array(fc.constantFrom('settings', 'parties', '0', 'front', 'demands', 'polluted', 'runs'), {
      maxLength: 3,
    }),
    fc.constantFrom(...RESERVED),
    fc.array(fc.constantFrom('polluted', 'runs', 'seed', 'x'), { minLength: 1, maxLength: 3 }),
  )
  .map(([a, r, b]) => [...a, r, ...b].join('.'));

const clean = () => {
  expect(pollution()).toBeUndefined();
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(({} as Record<string, unknown>).runs).toBeUndefined();
};

describe('paths and overlays in the core', () => {
  it('refuses reserved segments in every path-taking function and leaves prototypes alone', () => {
    fc.assert(
      fc.property(reservedPath, fc.integer({ min: 1, max: 9 }), (path, value) => {
        const set = setPath(base, path, value);
        expect(set.ok).toBe(false);
        if (!set.ok) expect(set.message).toMatch(/cannot be used in a path/);
        expect(getPath(base, path)).toBeUndefined();
        const grid = parseGridParam(`${path}=${value},${value + 1}`);
        expect(grid.ok).toBe(false);
        if (!grid.ok) expect(grid.issues[0].code).toBe('reserved_key');
        const factor = parseFactor(`${path}=0:${value}`);
        expect(factor.ok).toBe(false);
        const w = withValues(base, [{ path, value }]);
        expect(w.ok).toBe(false);
        clean();
      }),
      { numRuns: 300, seed: 15 },
    );
    // the defaults are what they were
    const again = validateScenario(structuredClone(base));
    expect(again.ok && again.value.settings.runs).toBe(base.settings.runs);
  });

  it('refuses __proto__ keys at any depth of a variant overlay, from files and inline', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('settings', 'front', 'demands', 'x'), { maxLength: 3 }),
        (prefix) => {
          // JSON.parse keeps `__proto__` as an own key, as YAML files and JSON bodies do
          const nest = prefix.reduceRight(
            (inner, k) => `{"${k}":${inner}}`,
            '{"__proto__":{"polluted":1}}',
          );
          const overlay: unknown = JSON.parse(nest);
          const file = parseVariantDocument({ id: 'v', name: 'v', overlay }, 'v');
          expect(file.ok).toBe(false);
          if (!file.ok) expect(file.issues[0].code).toBe('reserved_key');
          const inline = validateScenario({
            ...structuredClone(base),
            variants: [{ id: 'v', name: 'v', overlay }],
          });
          expect(inline.ok).toBe(false);
          if (!inline.ok) expect(inline.issues.map((i) => i.code)).toContain('reserved_key');
          clean();
        },
      ),
      { numRuns: 50, seed: 16 },
    );
  });

  it('lets no overlay data key `constructor` reach a prototype', () => {
    const r = prepareVariants(base, [
      { id: 'v', name: 'v', overlay: { settings: { constructor: 1 } } },
    ]);
    // an unknown settings field is refused by the schema; nothing reaches Object.prototype
    expect(r.ok).toBe(false);
    clean();
  });
});

describe('the API', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => {
    await s.close();
    await closePools();
  });

  it('answers 400 for reserved paths in sweeps and keeps every later default unchanged', async () => {
    const before = await call(s, 'POST', '/runs', { body: { scenarioId: SMALL_ID }, token: true });
    expect(before.status).toBe(201);
    for (const path of ['__proto__.runs', 'constructor.prototype.runs', 'settings.__proto__.runs'])
      for (const params of [[`${path}=7`], [`${path}=1:9`]]) {
        const r = await call(s, 'POST', `/scenarios/${SMALL_ID}/sweep`, {
          body: { params, random: params[0].includes(':') ? 2 : undefined, runs: 10 },
          token: true,
        });
        expect(r.status).toBe(400);
        expect(JSON.stringify(r.body.issues)).toMatch(/cannot be used in a path/);
      }
    clean();
    const after = await call(s, 'POST', '/runs', { body: { scenarioId: SMALL_ID }, token: true });
    expect(after.status).toBe(201);
    expect(after.body.result.meta.runs).toBe(before.body.result.meta.runs);
    expect(after.body.result.meta.runs).toBe(200);
  });
});

describe('the CLI', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'parley-reserved-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const parley = (...args: string[]) =>
    new Promise<{ code: number; out: string }>((resolve) =>
      execFile(
        process.execPath,
        [join(REPO_ROOT, 'bin/parley.js'), ...args],
        { cwd: tmp, timeout: 60_000 },
        (e, stdout, stderr) =>
          resolve({
            code: e ? (typeof e.code === 'number' ? e.code : -1) : 0,
            out: stdout + stderr,
          }),
      ),
    );

  it('exits 2 naming the segment for sweep --param, sensitivity --factor and overlay files', async () => {
    const overlay = join(tmp, 'proto.json');
    writeFileSync(overlay, '{"id":"p","name":"p","overlay":{"__proto__":{"polluted":1}}}');
    const runs = await Promise.all([
      parley('sweep', 'russia-japan-1905', '--param', '__proto__.runs=7', '--runs', '5', '-q'),
      parley('sensitivity', 'russia-japan-1905', '--factor', 'constructor.x=0:1', '--runs', '5'),
      parley('compare', 'russia-japan-1905', '--variants', overlay, '--runs', '5'),
    ]);
    for (const r of runs) {
      expect(r.code).toBe(2);
      expect(r.out).toMatch(/__proto__|constructor/);
      expect(r.out).not.toMatch(/\bat .*\.ts:\d+/);
    }
  });
});
