/**
 * SQLite backend (better-sqlite3@12): one embedded file, `./parley.db` by default or PARLEY_DB,
 * in WAL mode with foreign keys on. better-sqlite3 is synchronous; transactions are serialised
 * with a promise lock so that another request's statement can never run inside an open
 * transaction while its callback awaits.
 */
import Database from 'better-sqlite3';
import type { SqlDb, SqlParam } from './sqlDb.ts';
import { SqlStore } from './sqlStore.ts';

export const DEFAULT_SQLITE_FILE = 'parley.db';

class SqliteDb implements SqlDb {
  readonly dialect = 'sqlite' as const;
  private readonly statements = new Map<string, Database.Statement>();
  /** Resolves when no transaction is open. */
  private idle: Promise<void> = Promise.resolve();

  constructor(private readonly db: Database.Database) {}

  private stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      if (this.statements.size > 500) this.statements.clear();
      this.statements.set(sql, s);
    }
    return s;
  }

  // direct* run at once: used by the transaction's own handle and, after waiting, by the others
  directAll<T>(sql: string, params: readonly SqlParam[] = []): T[] {
    return this.stmt(sql).all(...params) as T[];
  }
  directRun(sql: string, params: readonly SqlParam[] = []): { changes: number } {
    const s = this.stmt(sql);
    if (s.reader) {
      s.all(...params);
      return { changes: 0 };
    }
    return { changes: s.run(...params).changes };
  }
  directExec(sql: string): void {
    this.db.exec(sql);
  }

  async all<T>(sql: string, params?: readonly SqlParam[]): Promise<T[]> {
    await this.idle;
    return this.directAll<T>(sql, params);
  }
  async get<T>(sql: string, params?: readonly SqlParam[]): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }
  async run(sql: string, params?: readonly SqlParam[]): Promise<{ changes: number }> {
    await this.idle;
    return this.directRun(sql, params);
  }
  async exec(sql: string): Promise<void> {
    await this.idle;
    this.directExec(sql);
  }

  async tx<T>(fn: (t: SqlDb) => Promise<T>): Promise<T> {
    const before = this.idle;
    let release!: () => void;
    this.idle = new Promise((r) => (release = r));
    try {
      await before;
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(new SqliteTx(this));
        this.db.exec('COMMIT');
        return result;
      } catch (e) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw e;
      }
    } finally {
      release();
    }
  }

  close(): Promise<void> {
    this.db.close();
    return Promise.resolve();
  }
}

/** The handle a transaction callback gets: runs at once, inside the open transaction. */
class SqliteTx implements SqlDb {
  readonly dialect = 'sqlite' as const;
  constructor(private readonly owner: SqliteDb) {}
  all<T>(sql: string, params?: readonly SqlParam[]): Promise<T[]> {
    return Promise.resolve(this.owner.directAll<T>(sql, params));
  }
  get<T>(sql: string, params?: readonly SqlParam[]): Promise<T | undefined> {
    return Promise.resolve(this.owner.directAll<T>(sql, params)[0]);
  }
  run(sql: string, params?: readonly SqlParam[]): Promise<{ changes: number }> {
    return Promise.resolve(this.owner.directRun(sql, params));
  }
  exec(sql: string): Promise<void> {
    this.owner.directExec(sql);
    return Promise.resolve();
  }
  tx<T>(fn: (t: SqlDb) => Promise<T>): Promise<T> {
    return fn(this);
  }
  close(): Promise<void> {
    return Promise.reject(new Error('invalid close: inside a transaction'));
  }
}

/** Opens (creating if needed) a SQLite store; `:memory:` gives a private in-memory database. */
export async function openSqliteStore(file: string = DEFAULT_SQLITE_FILE): Promise<SqlStore> {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  try {
    return await SqlStore.open(new SqliteDb(db));
  } catch (e) {
    db.close();
    throw e;
  }
}
