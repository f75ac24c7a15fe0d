/**
 * Opens the configured store: PostgreSQL when PARLEY_DATABASE_URL is set, otherwise the
 * embedded SQLite file PARLEY_DB (default ./parley.db).
 */
import { openPostgresStore } from './postgres.ts';
import { DEFAULT_SQLITE_FILE, openSqliteStore } from './sqlite.ts';
import type { Store } from './store.ts';

export * from './store.ts';
export { openSqliteStore, DEFAULT_SQLITE_FILE } from './sqlite.ts';
export { openPostgresStore } from './postgres.ts';

export type StoreConfig = { databaseUrl?: string; sqliteFile?: string };

export function storeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  return {
    databaseUrl: env.PARLEY_DATABASE_URL || undefined,
    sqliteFile: env.PARLEY_DB || undefined,
  };
}

export function openStore(config: StoreConfig = storeConfigFromEnv()): Promise<Store> {
  if (config.databaseUrl) return openPostgresStore(config.databaseUrl);
  return openSqliteStore(config.sqliteFile ?? DEFAULT_SQLITE_FILE);
}

/** Where the store lives, for messages (never prints a password). */
export function describeStore(config: StoreConfig): string {
  if (config.databaseUrl) {
    try {
      const u = new URL(config.databaseUrl);
      return `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}`;
    } catch {
      return 'PostgreSQL';
    }
  }
  return `SQLite ${config.sqliteFile ?? DEFAULT_SQLITE_FILE}`;
}
