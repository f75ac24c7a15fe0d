/**
 * GET /insights with the standard datasets (issue 19): a server given the data folder answers
 * every finding and names no missing dataset; one given an empty folder names each dataset it
 * did not find and the findings it could not compute. Datasets live in /work/shared/data (never
 * committed); the first test is skipped with a printed reason where that folder is absent.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by expect */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR } from '../../src/data/datasets.ts';
import { INSIGHTS } from '../../src/history/insights/index.ts';
import { closePools } from '../../src/jobs/localPool.ts';
import { buildApp } from '../../src/server/app.ts';
import { HistoryService } from '../../src/server/services/history.ts';
import { openSqliteStore } from '../../src/store/index.ts';

type Server = { url: string; close: () => Promise<void> };

/** The real app over a fresh SQLite store, with the history service under test. */
async function serve(history: HistoryService): Promise<Server> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-insights-'));
  const store = await openSqliteStore(join(dir, 'api.db'));
  const app = await buildApp({ store, history, config: { rateLimit: false, threads: 1 } });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    close: async () => {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const get = async (s: Server, path: string) => {
  const res = await fetch(s.url + path);
  return { status: res.status, body: (await res.json()) as any };
};

const haveData = existsSync(DEFAULT_DATA_DIR);
if (!haveData) console.log(`insightsData: skipped the full-data check: no ${DEFAULT_DATA_DIR}`);

const servers: Server[] = [];
const empty = mkdtempSync(join(tmpdir(), 'parley-nodata-'));
afterAll(async () => {
  for (const s of servers) await s.close();
  await closePools();
  rmSync(empty, { recursive: true, force: true });
});

describe('GET /insights over the data folder', () => {
  it.skipIf(!haveData)(
    'with the data folder: every finding, nothing missing',
    async () => {
      const s = await serve(HistoryService.load(undefined, DEFAULT_DATA_DIR));
      servers.push(s);
      const r = await get(s, '/insights');
      expect(r.status).toBe(200);
      expect(r.body.datasets.missing).toEqual([]);
      expect(r.body.skipped.filter((k: any) => /not loaded/.test(k.reason))).toEqual([]);
      expect(r.body.insights.length + r.body.skipped.length).toBe(INSIGHTS.length);
      const needing = INSIGHTS.filter((q) => q.needs.length > 0).map((q) => q.id);
      expect(needing.length).toBeGreaterThan(0);
      const got = new Set((r.body.insights as { id: string }[]).map((i) => i.id));
      expect(needing.filter((id) => !got.has(id))).toEqual([]);
    },
    60_000,
  );

  it('with an empty folder: names the missing datasets and the findings they hold back', async () => {
    const s = await serve(HistoryService.load(undefined, empty));
    servers.push(s);
    const r = await get(s, '/insights');
    expect(r.status).toBe(200);
    const needed = [...new Set(INSIGHTS.flatMap((q) => q.needs))].sort();
    expect(r.body.datasets).toEqual({ loaded: [], missing: needed });
    expect(r.body.skipped.length).toBe(INSIGHTS.filter((q) => q.needs.length > 0).length);
  });
});
