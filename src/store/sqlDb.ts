/**
 * The small SQL port the store is written against: `?` placeholders, rows as plain objects,
 * and transactions that hand the callback a handle bound to the transaction. sqlite.ts and
 * postgres.ts implement it; sqlStore.ts holds the one implementation of the Store over it.
 */
export type SqlParam = string | number | null;

export interface SqlDb {
  readonly dialect: 'sqlite' | 'postgres';
  all<T>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly SqlParam[]): Promise<T | undefined>;
  run(sql: string, params?: readonly SqlParam[]): Promise<{ changes: number }>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs fn in one transaction: committed when it resolves, rolled back when it throws. */
  tx<T>(fn: (t: SqlDb) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
