/** Migrations are applied once, in order, inside one transaction, and recorded. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../src/store/index.ts';
import { MIGRATIONS } from '../../src/store/migrations/index.ts';

describe('migrations (sqlite file)', () => {
  it('records each version once and reopens without re-applying', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-mig-'));
    try {
      const file = join(dir, 'm.db');
      const s1 = await openSqliteStore(file);
      await s1.saveScenario(
        (await import('../engine/fixtures.ts')).build({ id: 'kept-war', name: 'Kept' }),
      );
      await s1.close();
      const s2 = await openSqliteStore(file);
      expect((await s2.listScenarios()).map((s) => s.id)).toEqual(['kept-war']);
      await s2.close();
      const db = new Database(file, { readonly: true });
      const rows = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
      expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
