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
