import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { databaseFileName, migrate, openDatabase } from '../../../src/main/store/database';
import { migrations } from '../../../src/main/store/migrations';
import { tempDir } from '../../helpers/test-console';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('store migrations', () => {
  it('apply to an empty file, in WAL mode, creating every table', () => {
    const dir = tempDir();
    dirs.push(dir);
    const db = openDatabase({ dataDir: dir });
    expect(fs.existsSync(path.join(dir, databaseFileName))).toBe(true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    for (const t of ['community', 'buildings', 'floors', 'units', 'doors', 'lock_models', 'guests', 'credentials', 'door_credentials', 'audit_log', 'outbox'])
      expect(tables).toContain(t);
    const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
    expect(versions).toEqual(migrations.map((m) => m.version));
    db.close();
  });

  it('are idempotent on restart: nothing runs twice and data survives', () => {
    const dir = tempDir();
    dirs.push(dir);
    const first = openDatabase({ dataDir: dir });
    first.prepare("INSERT INTO settings (key, value) VALUES ('console_id', 'abc')").run();
    first.close();
    const second = openDatabase({ dataDir: dir });
    expect(migrate(second)).toEqual([]);
    expect(second.prepare("SELECT value FROM settings WHERE key = 'console_id'").pluck().get()).toBe('abc');
    second.close();
  });

  it('creates the data folder when it does not exist', () => {
    const dir = path.join(tempDir(), 'nested', 'porter');
    dirs.push(path.dirname(path.dirname(dir)));
    openDatabase({ dataDir: dir }).close();
    expect(fs.existsSync(path.join(dir, databaseFileName))).toBe(true);
  });
});

describe('migration 9', () => {
  it('gives older credentials the role of the staff member named as their granter, and none when nobody on staff has that name', async () => {
    const { openTestConsole, comboUnit, jane } = await import('../../helpers/test-console');
    const t = openTestConsole({ id: 'jordan', name: 'Jordan Lee', role: 'leasing' });
    try {
      const granted = await t.core.dispatch('access.grant', { unitId: comboUnit, kind: 'pin', schedule: { type: 'permanent' }, guest: jane });
      if (!granted.ok) throw new Error(granted.error.message);
      const id = (granted.value as { id: string }).id;
      // The store as it was before migration 9.
      t.db.exec(`DELETE FROM schema_migrations WHERE version = 9; DROP TABLE sign_in_throttle; DROP TABLE bulk_run_units; DROP TABLE bulk_runs;
        ALTER TABLE credentials DROP COLUMN granted_role;`);
      expect(migrate(t.db)).toEqual([9]);
      const roleOf = t.db.prepare('SELECT granted_role FROM credentials WHERE id = ?').pluck();
      expect(roleOf.get(id)).toBe('leasing');
      const demoGrant = t.db.prepare("SELECT id FROM credentials WHERE created_by = 'Demo data' LIMIT 1").pluck().get();
      expect(roleOf.get(demoGrant)).toBeNull();
    } finally {
      t.close();
    }
  });
});
