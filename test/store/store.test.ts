/**
 * One store test suite, run against every backend (SQLite; PostgreSQL when
 * PARLEY_TEST_DATABASE_URL is set): scenario versions, runs, analyses, datasets, tokens,
 * migrations and all-or-nothing multi-row writes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../engine/fixtures.ts';
import type { Store } from '../../src/store/index.ts';
import { BACKENDS, warnSkipped } from './backends.ts';

for (const backend of BACKENDS) {
  warnSkipped(backend, 'store tests');
  describe.skipIf(backend.skip !== undefined)(`store (${backend.name})`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    beforeAll(async () => {
      ({ store, cleanup } = await backend.open());
    });
    afterAll(async () => {
      await store?.close();
      await cleanup?.();
    });

    const scenario = (id: string, seed = 1) =>
      build({ id, name: `War ${id}`, settings: { runs: 10, horizonMonths: 12, seed } });

    it('answers ping and reports its kind', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
      expect(store.kind).toBe(backend.name);
    });

    it('keeps every saved version with its hash; saving the same content again is a no-op', async () => {
      const v1 = await store.saveScenario(scenario('alpha-war'));
      expect(v1).toMatchObject({ created: true, version: { id: 'alpha-war', version: 1 } });
      expect(v1.version.hash).toMatch(/^[0-9a-f]{64}$/);
      const again = await store.saveScenario(scenario('alpha-war'));
      expect(again).toEqual({ created: false, version: v1.version });
      const v2 = await store.saveScenario(scenario('alpha-war', 2));
      expect(v2.version.version).toBe(2);
      expect(v2.version.hash).not.toBe(v1.version.hash);

      expect((await store.listScenarioVersions('alpha-war')).map((v) => v.version)).toEqual([1, 2]);
      expect((await store.getScenario('alpha-war'))?.scenario.settings.seed).toBe(2);
      expect((await store.getScenario('alpha-war', 1))?.scenario.settings.seed).toBe(1);
      expect(await store.getScenario('alpha-war', 3)).toBeUndefined();
      expect(await store.getScenario('no-such-war')).toBeUndefined();
      const listed = (await store.listScenarios()).find((s) => s.id === 'alpha-war');
      expect(listed).toMatchObject({ version: 2, versions: 2, name: 'War alpha-war' });
    });

    it('gives concurrent saves of one scenario distinct consecutive versions', async () => {
      const saved = await Promise.all(
        [1, 2, 3, 4, 5, 6].map((seed) => store.saveScenario(scenario('busy-war', seed))),
      );
      expect(saved.map((s) => s.version.version).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    });

    it('stores runs: queued → running → done, with the result text unchanged', async () => {
      const { version } = await store.saveScenario(scenario('run-war'));
      const base = {
        scenarioId: 'run-war',
        scenarioVersion: version.version,
        scenarioHash: version.hash,
        seed: 1,
        runs: 10,
        engineVersion: '0.1.0',
      };
      const run = await store.createRun({ ...base, status: 'queued' });
      expect(run).toMatchObject({ status: 'queued', startedAt: null, error: null });
      await store.startRun(run.id);
      expect((await store.getRun(run.id))?.status).toBe('running');
      const json = '{"b":1,"a":[1.5,null]}';
      await store.finishRun(run.id, json, 12.5);
      expect(await store.getRun(run.id)).toMatchObject({ status: 'done', durationMs: 12.5 });
      expect(await store.getRunResultJson(run.id)).toBe(json);
      // a finished run cannot be failed afterwards
      await store.failRun(run.id, 'late');
      expect((await store.getRun(run.id))?.status).toBe('done');

      const done = await store.createRun({
        ...base,
        status: 'done',
        resultJson: '{}',
        startedAt: new Date().toISOString(),
        durationMs: 3,
      });
      expect(done.status).toBe('done');
      expect(await store.getRunResultJson(done.id)).toBe('{}');

      const failed = await store.createRun({ ...base, status: 'queued' });
      await store.failRun(failed.id, 'worker crashed');
      expect(await store.getRun(failed.id)).toMatchObject({
        status: 'failed',
        error: 'worker crashed',
      });
      expect(await store.getRunResultJson(failed.id)).toBeUndefined();

      const stale = await store.createRun({ ...base, status: 'queued' });
      expect(await store.failUnfinishedRuns('too old', { createdBefore: '2000-01-01' })).toBe(0);
      expect(await store.failUnfinishedRuns('server restarted')).toBe(1);
      expect((await store.getRun(stale.id))?.error).toBe('server restarted');
      expect((await store.listRuns({ scenarioId: 'run-war' })).length).toBe(4);
      expect(await store.getRun('00000000-0000-0000-0000-000000000000')).toBeUndefined();
    });

    it('saves an analysis with its rows in one transaction, and nothing when a row fails', async () => {
      const { version } = await store.saveScenario(scenario('sweep-war'));
      const rows = Array.from({ length: 1200 }, (_, i) => ({ cell: i, p: i / 1200 }));
      const a = await store.saveAnalysis({
        kind: 'sweep',
        scenarioId: 'sweep-war',
        scenarioVersion: version.version,
        params: { grid: [1, 2] },
        summary: { cells: 1200 },
        rows,
      });
      expect(a).toMatchObject({ kind: 'sweep', rowCount: 1200, params: { grid: [1, 2] } });
      expect(await store.getAnalysis(a.id)).toEqual(a);
      expect(await store.getAnalysisRows(a.id, { offset: 1000, limit: 3 })).toEqual(
        rows.slice(1000, 1003),
      );
      expect(
        (await store.listAnalyses({ kind: 'sweep', scenarioId: 'sweep-war' })).map((x) => x.id),
      ).toEqual([a.id]);

      const bad = [...rows.slice(0, 600), { big: 10n }];
      await expect(
        store.saveAnalysis({
          kind: 'sweep',
          scenarioId: 'sweep-war',
          scenarioVersion: 1,
          params: {},
          rows: bad,
        }),
      ).rejects.toThrow();
      expect(await store.listAnalyses({ scenarioId: 'sweep-war' })).toHaveLength(1);
    });

    it('deletes a scenario with every version, run and analysis', async () => {
      const { version } = await store.saveScenario(scenario('doomed-war'));
      await store.saveScenario(scenario('doomed-war', 9));
      const run = await store.createRun({
        scenarioId: 'doomed-war',
        scenarioVersion: version.version,
        scenarioHash: version.hash,
        seed: 1,
        runs: 10,
        engineVersion: '0.1.0',
        status: 'queued',
      });
      await store.saveAnalysis({
        kind: 'comparison',
        scenarioId: 'doomed-war',
        scenarioVersion: 1,
        params: {},
        rows: [{ x: 1 }],
      });
      expect(await store.deleteScenario('doomed-war')).toBe(true);
      expect(await store.getScenario('doomed-war')).toBeUndefined();
      expect(await store.getRun(run.id)).toBeUndefined();
      expect(await store.listAnalyses({ scenarioId: 'doomed-war' })).toEqual([]);
      expect(await store.deleteScenario('doomed-war')).toBe(false);
    });

    it('imports datasets idempotently: same rows (any key order) write nothing, new rows replace', async () => {
      const rows = [
        { warNum: 1, name: 'First', start: 1823 },
        { warNum: 4, name: 'Second', start: 1828 },
      ];
      const first = await store.importDataset({
        name: 'cow-inter',
        version: '4.0',
        rows,
        source: 'test',
      });
      expect(first.status).toBe('created');
      expect(first.dataset).toMatchObject({ rowCount: 2, source: 'test', columns: null });
      const reordered = rows.map((r) => ({ start: r.start, name: r.name, warNum: r.warNum }));
      const again = await store.importDataset({
        name: 'cow-inter',
        version: '4.0',
        rows: reordered,
        source: 'test',
      });
      expect(again).toEqual({ status: 'unchanged', dataset: first.dataset });
      const changed = await store.importDataset({
        name: 'cow-inter',
        version: '4.0',
        rows: [rows[1]],
      });
      expect(changed.status).toBe('replaced');
      expect(await store.getDatasetRows('cow-inter', '4.0')).toEqual([rows[1]]);
      const other = await store.importDataset({
        name: 'cow-inter',
        version: '4.1',
        rows,
        columns: ['warNum', 'name', 'start'],
      });
      expect(other.status).toBe('created');
      expect((await store.getDataset('cow-inter', '4.1'))?.columns).toEqual([
        'warNum',
        'name',
        'start',
      ]);
      expect(
        (await store.listDatasets()).map((d) => `${d.name}@${d.version}:${d.rowCount}`),
      ).toEqual(['cow-inter@4.0:1', 'cow-inter@4.1:2']);
      const many = Array.from({ length: 2500 }, (_, i) => ({ i }));
      await store.importDataset({ name: 'big', version: '1', rows: many });
      expect(await store.getDatasetRows('big', '1', { offset: 2498, limit: 10 })).toEqual([
        { i: 2498 },
        { i: 2499 },
      ]);
    });

    it('keeps API tokens hashed: the secret verifies once created, never after revocation', async () => {
      const { token, meta } = await store.createToken('ci');
      expect(token).toMatch(/^parley_[0-9a-f]{12}_[A-Za-z0-9_-]{32}$/);
      expect(await store.verifyToken(token)).toEqual(meta);
      expect(
        await store.verifyToken(token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A')),
      ).toBeUndefined();
      expect(await store.verifyToken('not-a-token')).toBeUndefined();
      // the secret is everything after `parley_<id>_` (it may itself contain '_')
      const secret = token.slice('parley_'.length + meta.id.length + 1);
      expect(secret).toHaveLength(32);
      expect(JSON.stringify(await store.listTokens())).not.toContain(secret);
      expect(await store.revokeToken(meta.id)).toBe(true);
      expect(await store.verifyToken(token)).toBeUndefined();
      expect(await store.revokeToken(meta.id)).toBe(false);
    });
  });
}
