import type { Audience, CredentialKind, Role, Schedule } from '../../shared/domain';
import type { EndReason } from './credentials-repo';
import type { Db } from './database';
import { statement } from './statement';

/** A credential as a grant writes it; its doors are linked apart (door-credentials-repo.ts). */
export interface CredentialInsert {
  id: string;
  unitId: string;
  guestId: string;
  kind: CredentialKind;
  audience: Audience;
  accessType: Schedule['type'];
  scheduleJson: string;
  startsAt: string | null;
  endsAt: string | null;
  pinCode: string | null;
  blePass: string | null;
  createdAt: string;
  createdBy: string;
  grantedRole: Role;
  reissuedFrom: string | null;
  /** The vendor's visit it is part of (the bulk run's id), or null. */
  visitId: string | null;
}

export const insertCredentialRow = statement<CredentialInsert>(
  `INSERT INTO credentials (id, unit_id, guest_id, kind, audience, access_type, schedule_json, starts_at, ends_at,
     pin_code, ble_pass, created_at, created_by, granted_role, reissued_from, notifications_sent, visit_id)
   VALUES (@id, @unitId, @guestId, @kind, @audience, @accessType, @scheduleJson, @startsAt, @endsAt,
     @pinCode, @blePass, @createdAt, @createdBy, @grantedRole, @reissuedFrom, 1, @visitId)`,
);

/** Writes a new credential; its guest is texted once (notifications_sent = 1; a visit's once for all its credentials). */
export function insertCredential(db: Db, c: CredentialInsert): void {
  insertCredentialRow(db).run(c);
}

const ended = statement<[at: string, reason: EndReason, by: string, credentialId: string]>(
  'UPDATE credentials SET ended_at = ?, end_reason = ?, ended_by = ? WHERE id = ?',
);

export function markCredentialEnded(db: Db, credentialId: string, at: string, reason: EndReason, by: string): void {
  ended(db).run(at, reason, by, credentialId);
}

const used = statement<[at: string, credentialId: string]>('UPDATE credentials SET used_at = ? WHERE id = ?');

/** When a door reported the credential opening it. */
export function markCredentialUsed(db: Db, credentialId: string, at: string): void {
  used(db).run(at, credentialId);
}

const textAgain = statement<[credentialId: string]>(
  "UPDATE credentials SET notification = 'queued', notifications_sent = notifications_sent + 1, notification_error = NULL WHERE id = ?",
);

/** Queues the guest's text once more. */
export function queueTextAgain(db: Db, credentialId: string): void {
  textAgain(db).run(credentialId);
}

/** A live credential whose schedule is over, with what the expiry's audit entry names. */
export interface DueCredential {
  id: string;
  unitId: string;
  kind: CredentialKind;
  accessType: Schedule['type'];
  guestName: string;
  unitLabel: string;
}

export const dueToEnd = statement<[now: string], DueCredential>(
  `SELECT c.id, c.unit_id AS unitId, c.kind, c.access_type AS accessType, g.name AS guestName, b.name || ' ' || u.number AS unitLabel
   FROM credentials c JOIN guests g ON g.id = c.guest_id JOIN units u ON u.id = c.unit_id JOIN buildings b ON b.id = u.building_id
   WHERE c.ended_at IS NULL AND c.ends_at IS NOT NULL AND c.ends_at <= ?`,
);

/** Live credentials whose schedule ended at or before `now`, for the expiry sweep. */
export function credentialsDueToEnd(db: Db, now: string): DueCredential[] {
  return dueToEnd(db).all(now);
}

const visitSecret = statement<[visitId: string], { pinCode: string | null; blePass: string | null }>(
  'SELECT pin_code AS pinCode, ble_pass AS blePass FROM credentials WHERE visit_id = ? ORDER BY rowid LIMIT 1',
);

/** The code (or pass) a visit's credentials share, when one of them is written already. */
export function visitSecretOf(db: Db, visitId: string): { pinCode: string | null; blePass: string | null } | undefined {
  return visitSecret(db).get(visitId);
}

const liveOfVisit = statement<[visitId: string], { id: string }>('SELECT id FROM credentials WHERE visit_id = ? AND ended_at IS NULL ORDER BY rowid');

/** The live credentials of a visit, by id. */
export function liveVisitCredentials(db: Db, visitId: string): string[] {
  return liveOfVisit(db).all(visitId).map((r) => r.id);
}
