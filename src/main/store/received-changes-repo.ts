import type { Guidelines, Role, Schedule } from '../../shared/domain';
import type { Db } from './database';

/*
 * What applying the cloud's changes (src/main/sync/apply) reads and writes: credentials,
 * their slots on doors, text statuses, guidelines and lock serials another console changed.
 */

/** Whether a credential is here, its code and whether it ended. */
export function credentialHeld(db: Db, credentialId: string): { pinCode: string | null; endedAt: string | null } | undefined {
  return db.prepare<[string], { pinCode: string | null; endedAt: string | null }>('SELECT pin_code AS pinCode, ended_at AS endedAt FROM credentials WHERE id = ?').get(credentialId);
}

export function isLiveCredential(db: Db, credentialId: string): boolean {
  return db.prepare<[string], { live: number }>('SELECT 1 AS live FROM credentials WHERE id = ? AND ended_at IS NULL').get(credentialId) !== undefined;
}

export interface ReceivedCredential {
  id: string;
  unitId: string;
  guestId: string;
  kind: 'pin' | 'ble';
  audience: 'guest' | 'vendor';
  schedule: Schedule;
  startsAt: string | null;
  endsAt: string | null;
  pinCode: string | null;
  blePass: string | null;
  createdAt: string;
  createdBy: string;
  grantedRole: Role | null;
  reissuedFrom: string | null;
  /** The console it was granted on; null for this one. */
  originConsole: string | null;
}

/** A credential granted on another console (or this one's, back from the cloud before it was kept). */
export function insertReceivedCredential(db: Db, c: ReceivedCredential): void {
  db.prepare<[string, string, string, string, string, string, string, string | null, string | null, string | null, string | null, string, string, Role | null, string | null, string | null]>(
    `INSERT INTO credentials (id, unit_id, guest_id, kind, audience, access_type, schedule_json, starts_at, ends_at,
       pin_code, ble_pass, created_at, created_by, granted_role, reissued_from, notifications_sent, origin_console)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)`,
  ).run(
    c.id, c.unitId, c.guestId, c.kind, c.audience, c.schedule.type, JSON.stringify(c.schedule), c.startsAt, c.endsAt,
    c.pinCode, c.blePass, c.createdAt, c.createdBy, c.grantedRole, c.reissuedFrom, c.originConsole,
  );
}

/** The cloud settled another code: answers whether it changed. */
export function setCredentialPin(db: Db, credentialId: string, pinCode: string): boolean {
  return db.prepare<[string, string, string]>('UPDATE credentials SET pin_code = ? WHERE id = ? AND pin_code IS NOT ?').run(pinCode, credentialId, pinCode).changes > 0;
}

/** The doors a credential is live on. */
export function liveDoorsOf(db: Db, credentialId: string): string[] {
  return db.prepare<[string], { doorId: string }>('SELECT door_id AS doorId FROM door_credentials WHERE credential_id = ? AND removed_at IS NULL').all(credentialId).map((r) => r.doorId);
}

/** The slot a credential has on a door (live or removed), if any. */
export function slotOf(db: Db, doorId: string, credentialId: string): number | undefined {
  return db.prepare<[string, string], { slot: number }>('SELECT slot FROM door_credentials WHERE door_id = ? AND credential_id = ?').get(doorId, credentialId)?.slot;
}

/** Another live credential in that slot of the door. */
export function slotHolder(db: Db, doorId: string, slot: number, except: string): string | undefined {
  return db
    .prepare<[string, number, string], { credentialId: string }>('SELECT credential_id AS credentialId FROM door_credentials WHERE door_id = ? AND slot = ? AND removed_at IS NULL AND credential_id <> ?')
    .get(doorId, slot, except)?.credentialId;
}

/** The slot after the highest in use on a door. */
export function slotAfterLast(db: Db, doorId: string): number {
  return db.prepare<[string], { slot: number }>('SELECT coalesce(max(slot), 0) + 1 AS slot FROM door_credentials WHERE door_id = ? AND removed_at IS NULL').get(doorId)?.slot ?? 1;
}

export function moveToSlot(db: Db, doorId: string, credentialId: string, slot: number): void {
  db.prepare<[number, string, string]>('UPDATE door_credentials SET slot = ? WHERE door_id = ? AND credential_id = ?').run(slot, doorId, credentialId);
}

export function addToSlot(db: Db, doorId: string, credentialId: string, slot: number, at: string): void {
  db.prepare<[string, string, number, string]>('INSERT INTO door_credentials (door_id, credential_id, slot, added_at) VALUES (?, ?, ?, ?)').run(doorId, credentialId, slot, at);
}

/** How the guest's text went, as the cloud reports it: answers whether it changed. */
export function setTextStatus(db: Db, credentialId: string, status: 'sent' | 'failed', error: string | null): boolean {
  return (
    db.prepare<[string, string | null, string, string]>('UPDATE credentials SET notification = ?, notification_error = ? WHERE id = ? AND notification IS NOT ?').run(status, error, credentialId, status).changes > 0
  );
}

/** Another console's admin changed the community's guidelines. */
export function setGuidelines(db: Db, guidelines: Guidelines): void {
  db.prepare<[string]>('UPDATE community SET guidelines_json = ?').run(JSON.stringify(guidelines));
}

/** The serial of the lock assigned to a door, null for none, undefined for no such door. */
export function doorSerial(db: Db, doorId: string): string | null | undefined {
  return db.prepare<[string], { serial: string | null }>('SELECT serial FROM doors WHERE id = ?').get(doorId)?.serial;
}
