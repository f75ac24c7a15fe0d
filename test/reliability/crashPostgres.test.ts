/**
 * Crash safety of the PostgreSQL store (issue #10): as crashSqlite.test.ts, against the server
 * of PARLEY_TEST_DATABASE_URL in a schema of its own, with fewer kills (20). A killed client's
 * open transaction is rolled back by the server; nothing acknowledged may be missing and no row
 * may be partial. Skipped, with the reason printed, when the variable is unset.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/store/index.ts';
import { killLoop, setUp, verify } from './crash/harness.ts';

const PG_URL = process.env.PARLEY_TEST_DATABASE_URL;
let cleanUp = () => {};
beforeAll(async () => {
  if (PG_URL) ({ cleanUp } = await setUp());
});
afterAll(() => cleanUp());

describe.skipIf(!PG_URL)('PostgreSQL: SIGKILL while writing', () => {
  it('survives ≥ 20 kills with every acknowledged write and no partial rows', async () => {
    const schema = `crash_${randomBytes(4).toString('hex')}`;
    const client = new pg.Client(PG_URL);
    await client.connect();
    try {
      const { acks, killed } = await killLoop(['postgres', PG_URL!, schema], 22, 2, 202);
      expect(killed).toBeGreaterThanOrEqual(20);
      await client.query(`SET search_path = ${schema}`);
      const store = await openPostgresStore(PG_URL!, { schema, max: 2 });
      try {
        const counts = await verify(
          store,
          async (sql) => (await client.query(sql)).rows as never[],
          acks,
        );
        console.log(
          `PostgreSQL crash safety: ${killed} kills survived; acknowledged ${acks.runs.size} runs, all present; stored ${JSON.stringify(counts)}`,
        );
      } finally {
        await store.close();
      }
    } finally {
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
      await client.end();
    }
  });
});
if (!PG_URL)
  console.warn(
    'skipping the PostgreSQL crash test: PARLEY_TEST_DATABASE_URL is not set (start one with `eval "$(bash scripts/pg.sh start)"`)',
  );
