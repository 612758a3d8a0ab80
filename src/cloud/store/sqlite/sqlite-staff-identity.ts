import type Database from 'better-sqlite3';
import type { StaffKeyRecord, StaffRecord } from '../cloud-store';
import { toStaffKey, type StaffKeyRow } from '../rows';

/* The SQL of staff identity (migration 003): passcode hashes, signing keys; `c`: the community every statement is scoped to. */

type Sql = (text: string) => Database.Statement;

export function staffWithPasscode(sql: Sql, c: string, staffId: string): { staff: StaffRecord; passcodeHash: string | null } | null {
  const row = sql('SELECT id, name, role, passcode_hash FROM staff WHERE community_id = ? AND id = ?').get(c, staffId) as (StaffRecord & { passcode_hash: string | null }) | undefined;
  return row ? { staff: { id: row.id, name: row.name, role: row.role }, passcodeHash: row.passcode_hash } : null;
}

export function staffWithoutPasscode(sql: Sql, c: string): string[] {
  return sql('SELECT id FROM staff WHERE community_id = ? AND passcode_hash IS NULL ORDER BY id').pluck().all(c) as string[];
}

export function setStaffPasscode(sql: Sql, c: string, staffId: string, passcodeHash: string): void {
  sql('UPDATE staff SET passcode_hash = ? WHERE community_id = ? AND id = ?').run(passcodeHash, c, staffId);
}

export function kioskStaff(sql: Sql, c: string): StaffRecord | null {
  return (sql("SELECT id, name, role FROM staff WHERE community_id = ? AND role = 'kiosk' ORDER BY name LIMIT 1").get(c) as StaffRecord | undefined) ?? null;
}

/** A key that has not ended with its console. */
export function staffKey(sql: Sql, c: string, keyId: string): StaffKeyRecord | null {
  const row = sql('SELECT * FROM staff_keys WHERE community_id = ? AND key_id = ? AND revoked_at IS NULL').get(c, keyId) as StaffKeyRow | undefined;
  return row ? toStaffKey(row) : null;
}

export function issueStaffKey(sql: Sql, c: string, key: StaffKeyRecord): StaffKeyRecord {
  sql('INSERT INTO staff_keys (community_id, key_id, console_id, staff_id, secret, issued_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (community_id, console_id, staff_id) DO NOTHING').run(
    c, key.keyId, key.consoleId, key.staffId, key.secret, key.issuedAt,
  );
  return toStaffKey(sql('SELECT * FROM staff_keys WHERE community_id = ? AND console_id = ? AND staff_id = ?').get(c, key.consoleId, key.staffId) as StaffKeyRow);
}

export function revokeStaffKeys(sql: Sql, c: string, consoleId: string, at: string): void {
  sql('UPDATE staff_keys SET revoked_at = ? WHERE community_id = ? AND console_id = ? AND revoked_at IS NULL').run(at, c, consoleId);
}

/** SQLite's passing troubles: another writer, the disk, memory. Anything else comes back the same on a retry. */
const transientCodes = ['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_IOERR', 'SQLITE_FULL', 'SQLITE_CANTOPEN', 'SQLITE_NOMEM', 'SQLITE_PROTOCOL', 'SQLITE_INTERRUPT', 'SQLITE_READONLY'];

export function isTransientSqliteError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && transientCodes.some((c) => code === c || code.startsWith(`${c}_`))) return true;
  // better-sqlite3 on a closed connection (the cloud is shutting down).
  return error instanceof TypeError && /database connection is not open/.test(error.message);
}
