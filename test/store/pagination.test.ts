/**
 * Keyset pages of the store's lists, on every backend (SQLite; PostgreSQL when
 * PARLEY_TEST_DATABASE_URL is set): page after page from the last key gives exactly the whole
 * list in its order, ties of created_at (many rows in one millisecond) included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../engine/fixtures.ts';
import type { Store } from '../../src/store/index.ts';
import { BACKENDS, warnSkipped } from './backends.ts';

type TimeKey = { createdAt: string; id: string };

/** Every item, pages of `limit` fetched with the key of the previous page's last item. */
async function pages<T, K>(
  limit: number,
  fetch: (after: K | undefined) => Promise<T[]>,
  key: (t: T) => K,
) {
  const out: T[] = [];
  let after: K | undefined;
  for (;;) {
    const page = await fetch(after);
    out.push(...page);
    if (page.length < limit) return out;
    after = key(page[page.length - 1]);
  }
}

for (const backend of BACKENDS) {
  warnSkipped(backend, 'store pagination tests');
  describe.skipIf(backend.skip !== undefined)(`store pages (${backend.name})`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    beforeAll(async () => {
      ({ store, cleanup } = await backend.open());
      for (const id of ['b-war', 'a-war', 'c-war', 'e-war', 'd-war'])
        await store.saveScenario(
          build({ id, name: `War ${id}`, settings: { runs: 10, horizonMonths: 12, seed: 1 } }),
        );
      for (let seed = 2; seed <= 4; seed++)
        await store.saveScenario(
          build({
            id: 'a-war',
            name: 'War a-war',
            settings: { runs: 10, horizonMonths: 12, seed },
          }),
        );
      const v = (await store.getScenario('a-war'))!;
      // written at once: many share a created_at, so the id breaks the ties
      await Promise.all(
        Array.from({ length: 23 }, (_, seed) =>
          store.createRun({
            scenarioId: v.id,
            scenarioVersion: v.version,
            scenarioHash: v.hash,
            seed,
            runs: 10,
            engineVersion: 'test',
            status: 'queued',
          }),
        ),
      );
      for (let i = 0; i < 7; i++)
        await store.saveAnalysis({
          kind: 'sweep',
          scenarioId: v.id,
          scenarioVersion: v.version,
          params: { i },
          rows: [],
        });
    });
    afterAll(async () => {
      await store?.close();
      await cleanup?.();
    });

    it('pages runs newest first, ties by id', async () => {
      const whole = await store.listRuns({ limit: 1000 });
      expect(whole).toHaveLength(23);
      for (const limit of [1, 2, 5])
        expect(
          (
            await pages(
              limit,
              (after?: TimeKey) => store.listRuns({ limit, after }),
              (r) => ({ createdAt: r.createdAt, id: r.id }),
            )
          ).map((r) => r.id),
        ).toEqual(whole.map((r) => r.id));
    });

    it('pages analyses, scenarios and versions', async () => {
      const analyses = await store.listAnalyses();
      expect(
        (
          await pages(
            3,
            (after?: TimeKey) => store.listAnalyses({ limit: 3, after }),
            (a) => ({ createdAt: a.createdAt, id: a.id }),
          )
        ).map((a) => a.id),
      ).toEqual(analyses.map((a) => a.id));
      const scenarios = await store.listScenarios();
      expect(scenarios.map((s) => s.id)).toEqual(
        ['a-war', 'b-war', 'c-war', 'e-war', 'd-war'].sort(),
      );
      expect(
        (
          await pages(
            2,
            (afterId?: string) => store.listScenarios({ limit: 2, afterId }),
            (s) => s.id,
          )
        ).map((s) => s.id),
      ).toEqual(scenarios.map((s) => s.id));
      expect(
        (
          await pages(
            2,
            (afterVersion?: number) =>
              store.listScenarioVersions('a-war', { limit: 2, afterVersion }),
            (v) => v.version,
          )
        ).map((v) => v.version),
      ).toEqual([1, 2, 3, 4]);
    });
  });
}
