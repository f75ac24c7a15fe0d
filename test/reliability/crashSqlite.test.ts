/**
 * Crash safety of the SQLite store (issue #10): writer children write scenario versions, runs
 * and analyses through the real Store and print each acknowledged write; they are SIGKILLed at
 * random moments (50–400 ms after they are ready), four at a time on the same database file,
 * at least 50 times. Afterwards the file opens, `PRAGMA integrity_check` is "ok", no foreign key
 * dangles, no row is partial (a done run without its result, an analysis missing rows, a version
 * whose body does not hash to its hash, a gap in version numbers) and every acknowledged write
 * is there. PostgreSQL: crashPostgres.test.ts.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/index.ts';
import { killLoop, setUp, verify } from './crash/harness.ts';

let tmp: string;
let cleanUp = () => {};
beforeAll(async () => ({ tmp, cleanUp } = await setUp()));
afterAll(() => cleanUp());

describe('SQLite: SIGKILL while writing', () => {
  it('survives ≥ 50 kills with an intact database and every acknowledged write', async () => {
    const file = join(tmp, 'crash.db');
    const { acks, killed } = await killLoop([file], 54, 4, 101);
    expect(killed).toBeGreaterThanOrEqual(50);
    expect(acks.runs.size).toBeGreaterThan(20);

    const raw = new Database(file);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(raw.pragma('foreign_key_check')).toEqual([]);
    raw.close();
    const store = await openSqliteStore(file);
    const db = new Database(file, { readonly: true });
    try {
      const counts = await verify(
        store,
        (sql) => Promise.resolve(db.prepare(sql).all() as never[]),
        acks,
      );
      console.log(
        `SQLite crash safety: ${killed} kills survived; acknowledged ${acks.scenarios.size} versions, ${acks.runs.size} runs, ${acks.analyses.size} analyses, all present; stored ${JSON.stringify(counts)}; integrity_check ok`,
      );
    } finally {
      db.close();
      await store.close();
    }
  });
});
