import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CommunityFile } from '../../../src/shared/community-file';
import { importCommunity } from '../../../src/main/store/community-import';
import { databaseFileName, migrate, openDatabase, type Db } from '../../../src/main/store/database';
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
      await t.close();
    }
  });
});

/** A store made by the migrations before `version`, as a console that ran an older Porter holds it. */
function storeBefore(dir: string, version: number): Db {
  const db = new Database(path.join(dir, databaseFileName));
  db.pragma('foreign_keys = ON');
  db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT');
  for (const m of migrations.filter((x) => x.version < version))
    db.transaction(() => {
      db.exec(m.sql);
      m.after?.(db);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
    })();
  return db;
}

describe('migration 11: a credential kept without its code (a kiosk is not sent other consoles’ codes), and random Bluetooth passes', () => {
  it('keeps every credential, door row, count, index and trigger, and then takes a PIN credential without a code', () => {
    const dir = tempDir();
    dirs.push(dir);
    const old = storeBefore(dir, 11);
    importCommunity(old, CommunityFile.parse(JSON.parse(fs.readFileSync('resources/demo/community.json', 'utf8'))), '2026-11-01T10:00:00.000Z', 'test');
    old.prepare("INSERT INTO guests (id, name, phone_e164, company, created_at) VALUES ('g1', 'Ana Ruiz', '+13125550101', NULL, 'now')").run();
    const credential = old.prepare(
      `INSERT INTO credentials (id, unit_id, guest_id, kind, audience, access_type, schedule_json, pin_code, created_at, created_by, ended_at, end_reason, ended_by, reissued_from)
       VALUES (?, 'north-204', 'g1', ?, 'guest', 'permanent', '{"type":"permanent"}', ?, 'now', 'Jordan Lee', ?, ?, ?, ?)`,
    );
    credential.run('c-old', 'pin', '482913', 'then', 'reissued', 'Jordan Lee', null);
    credential.run('c-new', 'pin', '593024', null, null, null, 'c-old');
    credential.run('c-ble', 'ble', null, null, null, null, null);
    const link = old.prepare("INSERT INTO door_credentials (door_id, credential_id, slot, added_at, removed_at) VALUES (?, ?, ?, 'now', ?)");
    link.run('door-north-204', 'c-old', 1, 'then');
    link.run('door-north-204', 'c-new', 2, null);
    link.run('north-entrance', 'c-new', 1, null);
    const snapshot = (db: Db) => ({
      credentials: db.prepare('SELECT * FROM credentials ORDER BY id').all(),
      doors: db.prepare('SELECT * FROM door_credentials ORDER BY door_id, credential_id').all(),
      unit: db.prepare("SELECT live_credentials, live_pin, live_ble FROM units WHERE id = 'north-204'").get(),
      guests: db.prepare("SELECT names FROM unit_guests WHERE unit_id = 'north-204'").get(),
      schema: db.prepare("SELECT type, name FROM sqlite_master WHERE tbl_name = 'credentials' ORDER BY type, name").all(),
    });
    const before = snapshot(old);
    expect(before.unit).toEqual({ live_credentials: 2, live_pin: 1, live_ble: 1 });
    old.close();

    const db = openDatabase({ dataDir: dir });
    // Every row as it was, with the new (empty) Bluetooth pass column, 019's code hand-over columns and 025's visit.
    const laterColumns = { ble_pass: null, code_handed_over_at: null, code_handed_over_by: null, code_handed_over_how: null, visit_id: null };
    // And the indexes of later migrations: 021's of ended credentials, 022's newest first, 025's
    // of vendors' visits; and 024's triggers that name a unit stale while a pulled page defers its search rows.
    const laterIndexes = ['credentials_ended', 'credentials_created', 'credentials_visit'].map((name) => ({ type: 'index', name }));
    const laterTriggers = ['insert', 'update', 'delete'].map((on) => ({ type: 'trigger', name: `credentials_unit_guests_${on}_deferred` }));
    const schema = [...(before.schema as { type: string; name: string }[]), ...laterIndexes, ...laterTriggers].sort((a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name));
    expect(snapshot(db)).toEqual({ ...before, schema, credentials: (before.credentials as object[]).map((c) => ({ ...c, ...laterColumns })) });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // A PIN credential whose code this console was not sent, and the triggers at work on it.
    const insert = db.prepare(
      "INSERT INTO credentials (id, unit_id, guest_id, kind, audience, access_type, schedule_json, pin_code, created_at, created_by) VALUES (?, 'north-204', 'g1', ?, 'guest', 'permanent', '{\"type\":\"permanent\"}', ?, 'now', 'Front desk')",
    );
    insert.run('c-withheld', 'pin', null);
    expect(db.prepare("SELECT live_credentials, live_pin FROM units WHERE id = 'north-204'").get()).toEqual({ live_credentials: 3, live_pin: 2 });
    // A Bluetooth pass still never holds a code, nor a PIN credential a pass.
    expect(() => insert.run('c-bad', 'ble', '739104')).toThrow(/CHECK constraint/);
    expect(() => db.prepare("UPDATE credentials SET ble_pass = 'AAAAAAAAAAAAAAAAAAAAAA' WHERE id = 'c-new'").run()).toThrow(/CHECK constraint/);
    db.close();
  });
});
