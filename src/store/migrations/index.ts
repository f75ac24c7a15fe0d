/**
 * Versioned migrations, applied in order when a store opens and recorded in `schema_migrations`.
 * Never edit a released migration: add the next one (002_…) and list it here.
 */
import type { SqlDb } from '../sqlDb.ts';
import { initial } from './001_initial.ts';
import { exercises } from './002_exercises.ts';
import { exerciseControl } from './003_exercise_control.ts';

export type Migration = { version: number; name: string; sqlite: string; postgres: string };

export const MIGRATIONS: readonly Migration[] = [initial, exercises, exerciseControl];

/** Applies the missing migrations in one transaction; returns the versions applied. */
export async function migrate(
  db: SqlDb,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  return db.tx(async (t) => {
    // concurrent openers of one PostgreSQL database wait here instead of racing
    if (t.dialect === 'postgres') await t.get('SELECT pg_advisory_xact_lock(727165)');
    await t.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    const done = new Set(
      (await t.all<{ version: number }>('SELECT version FROM schema_migrations')).map(
        (r) => r.version,
      ),
    );
    const applied: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue;
      await t.exec(t.dialect === 'postgres' ? m.postgres : m.sqlite);
      await t.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        m.version,
        m.name,
        new Date().toISOString(),
      ]);
      applied.push(m.version);
    }
    return applied;
  });
}
