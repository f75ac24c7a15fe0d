/**
 * The store backends every store test runs against: SQLite in a temporary file, and PostgreSQL
 * when PARLEY_TEST_DATABASE_URL is set (each store in its own schema, dropped afterwards).
 * Without it the PostgreSQL suites are skipped with a printed reason (scripts/pg.sh starts one).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgresStore, openSqliteStore, type Store } from '../../src/store/index.ts';

export type Backend = {
  name: 'sqlite' | 'postgres';
  skip: string | undefined;
  /** A new, empty store; `cleanup` removes it after close. */
  open(): Promise<{ store: Store; cleanup: () => Promise<void> }>;
};

const PG_URL = process.env.PARLEY_TEST_DATABASE_URL;

export const BACKENDS: Backend[] = [
  {
    name: 'sqlite',
    skip: undefined,
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'parley-store-'));
      const store = await openSqliteStore(join(dir, 'test.db'));
      return {
        store,
        cleanup: () => {
          rmSync(dir, { recursive: true, force: true });
          return Promise.resolve();
        },
      };
    },
  },
  {
    name: 'postgres',
    skip: PG_URL
      ? undefined
      : 'PARLEY_TEST_DATABASE_URL is not set: PostgreSQL store tests skipped (start one with `eval "$(scripts/pg.sh start)"`)',
    async open() {
      const schema = `t_${randomBytes(6).toString('hex')}`;
      const store = await openPostgresStore(PG_URL!, { schema, max: 4 });
      return {
        store,
        cleanup: async () => {
          const c = new pg.Client(PG_URL);
          await c.connect();
          await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
          await c.end();
        },
      };
    },
  },
];

/** Prints why a backend's suite is skipped (vitest's skip alone says nothing). */
export function warnSkipped(b: Backend, what: string): void {
  if (b.skip) console.warn(`skipping ${what} on ${b.name}: ${b.skip}`);
}
