/**
 * PostgreSQL backend (pg@8), selected by PARLEY_DATABASE_URL, for teams sharing one database.
 * A pool of connections; a transaction holds one client from BEGIN to COMMIT/ROLLBACK.
 * `?` placeholders are rewritten to `$1, $2, …` (the store's SQL has no `?` in literals).
 */
import pg from 'pg';
import type { SqlDb, SqlParam } from './sqlDb.ts';
import { SqlStore } from './sqlStore.ts';

const numbered = new Map<string, string>();
function toNumbered(sql: string): string {
  let out = numbered.get(sql);
  if (out === undefined) {
    let n = 0;
    out = sql.replace(/\?/g, () => `$${++n}`);
    if (numbered.size > 500) numbered.clear();
    numbered.set(sql, out);
  }
  return out;
}

type Queryable = pg.Pool | pg.PoolClient;

class PgDb implements SqlDb {
  readonly dialect = 'postgres' as const;
  constructor(
    private readonly q: Queryable,
    private readonly pool: pg.Pool,
    private readonly inTx: boolean,
  ) {}

  async all<T>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
    const r = await this.q.query(toNumbered(sql), [...params]);
    return r.rows as T[];
  }
  async get<T>(sql: string, params?: readonly SqlParam[]): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }
  async run(sql: string, params: readonly SqlParam[] = []): Promise<{ changes: number }> {
    const r = await this.q.query(toNumbered(sql), [...params]);
    return { changes: r.rowCount ?? 0 };
  }
  async exec(sql: string): Promise<void> {
    await this.q.query(sql);
  }
  async tx<T>(fn: (t: SqlDb) => Promise<T>): Promise<T> {
    if (this.inTx) return fn(this);
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(new PgDb(client, this.pool, true));
      await client.query('COMMIT');
      return result;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }
  close(): Promise<void> {
    return this.pool.end();
  }
}

export type PostgresOptions = {
  /** Schema for the tables (created if missing); tests use one schema each. Default: public. */
  schema?: string;
  max?: number;
};

export async function openPostgresStore(
  url: string,
  opts: PostgresOptions = {},
): Promise<SqlStore> {
  if (opts.schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(opts.schema))
    throw new Error(`invalid schema: ${opts.schema}`);
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
  });
  // an idle client's network error must not crash the process; the next query reports it
  pool.on('error', () => undefined);
  try {
    if (opts.schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${opts.schema}`);
    return await SqlStore.open(new PgDb(pool, pool, false));
  } catch (e) {
    await pool.end();
    throw e;
  }
}
