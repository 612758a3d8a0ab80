import type { SignInFailures, StaffKeyRecord, StaffRecord } from '../cloud-store';
import { query, row, rows, type Queryable } from './postgres-database';

/* The SQL of staff identity: passcode hashes, signing keys, wrong passcodes. */

interface StaffKeyRow {
  key_id: string;
  console_id: string;
  staff_id: string;
  secret: string;
  issued_at: string;
}

const toStaffKey = (r: StaffKeyRow): StaffKeyRecord => ({ keyId: r.key_id, consoleId: r.console_id, staffId: r.staff_id, secret: r.secret, issuedAt: r.issued_at });

export async function staffWithPasscode(db: Queryable, staffId: string): Promise<{ staff: StaffRecord; passcodeHash: string | null } | null> {
  const r = await row<StaffRecord & { passcode_hash: string | null }>(db, 'SELECT id, name, role, passcode_hash FROM staff WHERE id = $1', [staffId]);
  return r ? { staff: { id: r.id, name: r.name, role: r.role }, passcodeHash: r.passcode_hash } : null;
}

export async function staffWithoutPasscode(db: Queryable): Promise<string[]> {
  return (await rows<{ id: string }>(db, 'SELECT id FROM staff WHERE passcode_hash IS NULL ORDER BY id COLLATE "C"')).map((r) => r.id);
}

export async function setStaffPasscode(db: Queryable, staffId: string, passcodeHash: string): Promise<void> {
  await query(db, 'UPDATE staff SET passcode_hash = $1 WHERE id = $2', [passcodeHash, staffId]);
}

export function kioskStaff(db: Queryable): Promise<StaffRecord | null> {
  return row<StaffRecord>(db, `SELECT id, name, role FROM staff WHERE role = 'kiosk' ORDER BY name COLLATE "C" LIMIT 1`);
}

/** A key that has not ended with its console. */
export async function staffKey(db: Queryable, keyId: string): Promise<StaffKeyRecord | null> {
  const r = await row<StaffKeyRow>(db, 'SELECT key_id, console_id, staff_id, secret, issued_at FROM staff_keys WHERE key_id = $1 AND revoked_at IS NULL', [keyId]);
  return r ? toStaffKey(r) : null;
}

/** Stores the key, or answers the one the console and staff member already have (one statement: two instances racing agree). */
export async function issueStaffKey(db: Queryable, key: StaffKeyRecord): Promise<StaffKeyRecord> {
  await query(db, 'INSERT INTO staff_keys (key_id, console_id, staff_id, secret, issued_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (console_id, staff_id) DO NOTHING', [
    key.keyId, key.consoleId, key.staffId, key.secret, key.issuedAt,
  ]);
  const r = await row<StaffKeyRow>(db, 'SELECT key_id, console_id, staff_id, secret, issued_at FROM staff_keys WHERE console_id = $1 AND staff_id = $2', [key.consoleId, key.staffId]);
  return toStaffKey(r!);
}

export async function revokeStaffKeys(db: Queryable, consoleId: string, at: string): Promise<void> {
  await query(db, 'UPDATE staff_keys SET revoked_at = $1 WHERE console_id = $2 AND revoked_at IS NULL', [at, consoleId]);
}

export function signInFailures(db: Queryable, consoleId: string, staffId: string): Promise<SignInFailures | null> {
  return row<SignInFailures>(db, 'SELECT failures, blocked_until AS "blockedUntil" FROM sign_in_failures WHERE console_id = $1 AND staff_id = $2', [consoleId, staffId]);
}

export async function recordSignInFailures(db: Queryable, consoleId: string, staffId: string, f: SignInFailures): Promise<void> {
  await query(
    db,
    `INSERT INTO sign_in_failures (console_id, staff_id, failures, blocked_until) VALUES ($1, $2, $3, $4)
     ON CONFLICT (console_id, staff_id) DO UPDATE SET failures = excluded.failures, blocked_until = excluded.blocked_until`,
    [consoleId, staffId, f.failures, f.blockedUntil],
  );
}

export async function clearSignInFailures(db: Queryable, consoleId: string, staffId: string): Promise<void> {
  await query(db, 'DELETE FROM sign_in_failures WHERE console_id = $1 AND staff_id = $2', [consoleId, staffId]);
}
