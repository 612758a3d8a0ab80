import type { StaffKeyRecord, StaffRecord } from '../cloud-store';
import { toStaffKey, type StaffKeyRow } from '../rows';
import { query, row, rows, type Queryable } from './postgres-database';

/* The SQL of staff identity: passcode hashes, signing keys; `c`: the community every statement is scoped to. */

export async function staffWithPasscode(db: Queryable, c: string, staffId: string): Promise<{ staff: StaffRecord; passcodeHash: string | null } | null> {
  const r = await row<StaffRecord & { passcode_hash: string | null }>(db, 'SELECT id, name, role, passcode_hash FROM staff WHERE community_id = $2 AND id = $1', [staffId, c]);
  return r ? { staff: { id: r.id, name: r.name, role: r.role }, passcodeHash: r.passcode_hash } : null;
}

export async function staffWithoutPasscode(db: Queryable, c: string): Promise<string[]> {
  return (await rows<{ id: string }>(db, 'SELECT id FROM staff WHERE community_id = $1 AND passcode_hash IS NULL ORDER BY id COLLATE "C"', [c])).map((r) => r.id);
}

export async function setStaffPasscode(db: Queryable, c: string, staffId: string, passcodeHash: string): Promise<void> {
  await query(db, 'UPDATE staff SET passcode_hash = $1 WHERE community_id = $3 AND id = $2', [passcodeHash, staffId, c]);
}

/** The community's kiosk identity; $1: the community. */
export const kioskStaffSql = `SELECT id, name, role FROM staff WHERE community_id = $1 AND role = 'kiosk' ORDER BY name COLLATE "C" LIMIT 1`;

/** A key that has not ended with its console; $1: the key, $2: the community. */
export const staffKeySql = 'SELECT key_id, console_id, staff_id, secret, issued_at FROM staff_keys WHERE community_id = $2 AND key_id = $1 AND revoked_at IS NULL';

/** A staff member; $1: their id, $2: the community. */
export const staffMemberSql = 'SELECT id, name, role FROM staff WHERE community_id = $2 AND id = $1';

/** Stores the key, or answers the one the console and staff member already have (one statement: two instances racing agree). */
export async function issueStaffKey(db: Queryable, c: string, key: StaffKeyRecord): Promise<StaffKeyRecord> {
  await query(db, 'INSERT INTO staff_keys (community_id, key_id, console_id, staff_id, secret, issued_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (community_id, console_id, staff_id) DO NOTHING', [
    c, key.keyId, key.consoleId, key.staffId, key.secret, key.issuedAt,
  ]);
  const r = await row<StaffKeyRow>(db, 'SELECT key_id, console_id, staff_id, secret, issued_at FROM staff_keys WHERE community_id = $3 AND console_id = $1 AND staff_id = $2', [key.consoleId, key.staffId, c]);
  return toStaffKey(r!);
}

export async function revokeStaffKeys(db: Queryable, c: string, consoleId: string, at: string): Promise<void> {
  await query(db, 'UPDATE staff_keys SET revoked_at = $1 WHERE community_id = $3 AND console_id = $2 AND revoked_at IS NULL', [at, consoleId, c]);
}

