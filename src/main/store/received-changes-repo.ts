import type { Guidelines, Role, Schedule } from '../../shared/domain';
import type { Db } from './database';
import { scalar, statement } from './statement';

/*
 * What applying the cloud's changes (src/main/sync/apply) reads and writes: credentials,
 * their slots on doors, text statuses, guidelines and lock serials another console changed.
 * A first pull applies a hundred thousand changes, each running a few of these: every one is
 * prepared once per database and reused (preparing costs as much as running), and compares
 * its parameters as `+?` so that it stays prepared (statement.ts).
 */

const held = statement<[credentialId: string], { pinCode: string | null; endedAt: string | null }>(
  'SELECT pin_code AS pinCode, ended_at AS endedAt FROM credentials WHERE id = ?',
);

/** Whether a credential is here, its code and whether it ended. */
export function credentialHeld(db: Db, credentialId: string): { pinCode: string | null; endedAt: string | null } | undefined {
  return held(db).get(credentialId);
}

const live = scalar<[credentialId: string], 1>('SELECT 1 FROM credentials WHERE id = +? AND ended_at IS NULL');

export function isLiveCredential(db: Db, credentialId: string): boolean {
  return live(db).get(credentialId) !== undefined;
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
  /** The vendor's visit it is part of, or null. */
  visitId: string | null;
  /** Written already ended: a later change of the same batch ends it (src/main/sync/apply/ends-ahead.ts). */
  ended: { at: string; reason: 'revoked' | 'expired' | 'used'; by: string } | null;
}

const insertCredential = statement<[string, string, string, string, string, string, string, string | null, string | null, string | null, string | null, string, string, Role | null, string | null, string | null, string | null, string | null, string | null, string | null]>(
  `INSERT INTO credentials (id, unit_id, guest_id, kind, audience, access_type, schedule_json, starts_at, ends_at,
     pin_code, ble_pass, created_at, created_by, granted_role, reissued_from, notifications_sent, origin_console, visit_id,
     ended_at, end_reason, ended_by)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)`,
);

/** A credential granted on another console (or this one's, back from the cloud before it was kept). */
export function insertReceivedCredential(db: Db, c: ReceivedCredential): void {
  insertCredential(db).run(
    c.id, c.unitId, c.guestId, c.kind, c.audience, c.schedule.type, JSON.stringify(c.schedule), c.startsAt, c.endsAt,
    c.pinCode, c.blePass, c.createdAt, c.createdBy, c.grantedRole, c.reissuedFrom, c.originConsole, c.visitId,
    c.ended?.at ?? null, c.ended?.reason ?? null, c.ended?.by ?? null,
  );
}

const pin = statement<[pinCode: string, credentialId: string, pinCode: string]>('UPDATE credentials SET pin_code = ? WHERE id = +? AND pin_code IS NOT ?');

/** The cloud settled another code: answers whether it changed. */
export function setCredentialPin(db: Db, credentialId: string, pinCode: string): boolean {
  return pin(db).run(pinCode, credentialId, pinCode).changes > 0;
}

const liveDoors = scalar<[credentialId: string], string>('SELECT door_id FROM door_credentials WHERE credential_id = +? AND removed_at IS NULL');

/** The doors a credential is live on. */
export function liveDoorsOf(db: Db, credentialId: string): string[] {
  return liveDoors(db).all(credentialId);
}

const slotOnDoor = scalar<[doorId: string, credentialId: string], number>('SELECT slot FROM door_credentials WHERE door_id = +? AND credential_id = +?');

/** The slot a credential has on a door (live or removed), if any. */
export function slotOf(db: Db, doorId: string, credentialId: string): number | undefined {
  return slotOnDoor(db).get(doorId, credentialId);
}

const holder = scalar<[doorId: string, slot: number, except: string], string>(
  'SELECT credential_id FROM door_credentials WHERE door_id = +? AND slot = +? AND removed_at IS NULL AND credential_id <> ?',
);

/** Another live credential in that slot of the door. */
export function slotHolder(db: Db, doorId: string, slot: number, except: string): string | undefined {
  return holder(db).get(doorId, slot, except);
}

const afterLast = scalar<[doorId: string], number>('SELECT coalesce(max(slot), 0) + 1 FROM door_credentials WHERE door_id = +? AND removed_at IS NULL');

/** The slot after the highest in use on a door. */
export function slotAfterLast(db: Db, doorId: string): number {
  return afterLast(db).get(doorId) ?? 1;
}

const move = statement<[slot: number, doorId: string, credentialId: string]>('UPDATE door_credentials SET slot = ? WHERE door_id = +? AND credential_id = +?');

export function moveToSlot(db: Db, doorId: string, credentialId: string, slot: number): void {
  move(db).run(slot, doorId, credentialId);
}

const add = statement<[doorId: string, credentialId: string, slot: number, at: string, removedAt: string | null]>(
  'INSERT INTO door_credentials (door_id, credential_id, slot, added_at, removed_at) VALUES (?, ?, ?, ?, ?)',
);

/** Puts a credential in a door's slot; `removedAt` for one already ended (its row kept for history). */
export function addToSlot(db: Db, doorId: string, credentialId: string, slot: number, at: string, removedAt: string | null = null): void {
  add(db).run(doorId, credentialId, slot, at, removedAt);
}

const textStatus = statement<[status: string, error: string | null, credentialId: string, credentialId: string, status: string]>(
  `UPDATE credentials SET notification = ?, notification_error = ?
   WHERE (id = ? OR visit_id = (SELECT visit_id FROM credentials WHERE id = ?)) AND notification IS NOT ?`,
);

const visitTextStatus = statement<{ credentialId: string; visitId: string }>(
  `UPDATE credentials SET (notification, notification_error) =
     (SELECT v.notification, v.notification_error FROM credentials v WHERE v.visit_id = @visitId AND v.id <> @credentialId AND v.notification <> 'queued' LIMIT 1)
   WHERE id = @credentialId AND EXISTS (SELECT 1 FROM credentials v WHERE v.visit_id = @visitId AND v.id <> @credentialId AND v.notification <> 'queued')`,
);

/** A visit's credential arriving after its one text's outcome: it shows that outcome too. */
export function adoptVisitTextStatus(db: Db, credentialId: string, visitId: string): void {
  visitTextStatus(db).run({ credentialId, visitId });
}

/** How the guest's text went, as the cloud reports it (a visit's one text: for all its credentials): answers whether it changed. */
export function setTextStatus(db: Db, credentialId: string, status: 'sent' | 'failed', error: string | null): boolean {
  return textStatus(db).run(status, error, credentialId, credentialId, status).changes > 0;
}

const guidelines = statement<[json: string]>('UPDATE community SET guidelines_json = ?');

/** Another console's admin changed the community's guidelines. */
export function setGuidelines(db: Db, g: Guidelines): void {
  guidelines(db).run(JSON.stringify(g));
}

const serial = statement<[doorId: string], { serial: string | null }>('SELECT serial FROM doors WHERE id = ?');

/** The serial of the lock assigned to a door, null for none, undefined for no such door. */
export function doorSerial(db: Db, doorId: string): string | null | undefined {
  return serial(db).get(doorId)?.serial;
}
