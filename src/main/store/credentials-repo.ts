import type { Audience, CredentialKind, DoorRef, NotificationStatus, Role, Schedule } from '../../shared/domain';
import type { Db } from './database';

export type EndReason = 'revoked' | 'expired' | 'used' | 'reissued';

/** A credential as stored; access/credential-view.ts turns it into what staff see. */
export interface CredentialRecord {
  id: string;
  unitId: string;
  unitNumber: string;
  buildingName: string;
  guest: { id: string; name: string; phone: string; company: string | null };
  audience: Audience;
  kind: CredentialKind;
  schedule: Schedule;
  doors: DoorRef[];
  notification: { status: NotificationStatus; requests: number; lastError: string | null };
  createdAt: string;
  createdBy: string;
  endedAt: string | null;
  endReason: EndReason | null;
  endedBy: string | null;
  usedAt: string | null;
  reissuedFrom: string | null;
  reissuedAs: string | null;
  /** Granted on another console and received through the cloud. */
  grantedElsewhere: boolean;
  /** The role of whoever granted it; null when the store does not know (an old grant). */
  grantedByRole: Role | null;
  codeHandOver: { at: string; by: string; how: 'shown' | 'printed' } | null;
  /** The vendor's visit it is part of, and how many units the visit covers; null on its own. */
  visit: { id: string; units: number } | null;
}

interface Row {
  id: string;
  unit_id: string;
  unit_number: string;
  building_name: string;
  guest_id: string;
  guest_name: string;
  phone_e164: string;
  company: string | null;
  audience: Audience;
  kind: CredentialKind;
  schedule_json: string;
  notification: NotificationStatus;
  notifications_sent: number;
  notification_error: string | null;
  created_at: string;
  created_by: string;
  ended_at: string | null;
  end_reason: EndReason | null;
  ended_by: string | null;
  used_at: string | null;
  reissued_from: string | null;
  reissued_as: string | null;
  granted_elsewhere: 0 | 1;
  granted_role: Role | null;
  code_handed_over_at: string | null;
  code_handed_over_by: string | null;
  code_handed_over_how: 'shown' | 'printed' | null;
  visit_id: string | null;
  visit_units: number;
}

// The PIN code column is deliberately not selected: it never leaves the access module.
export const selectCredential = `
  SELECT c.id, c.unit_id, u.number AS unit_number, b.name AS building_name,
    g.id AS guest_id, g.name AS guest_name, g.phone_e164, g.company,
    c.audience, c.kind, c.schedule_json, c.notification, c.notifications_sent, c.notification_error,
    c.created_at, c.created_by, c.ended_at, c.end_reason, c.ended_by, c.used_at, c.reissued_from,
    (SELECT n.id FROM credentials n WHERE n.reissued_from = c.id) AS reissued_as,
    c.origin_console IS NOT NULL AS granted_elsewhere, c.granted_role,
    c.code_handed_over_at, c.code_handed_over_by, c.code_handed_over_how,
    -- A visit holds one credential per unit (it is never given new dates a unit at a time).
    c.visit_id, (SELECT count(*) FROM credentials v WHERE v.visit_id = c.visit_id) AS visit_units
  FROM credentials c
  JOIN units u ON u.id = c.unit_id
  JOIN buildings b ON b.id = u.building_id
  JOIN guests g ON g.id = c.guest_id`;

function doorsOf(db: Db, credentialId: string): DoorRef[] {
  return db
    .prepare<[credentialId: string], DoorRef>(
      `SELECT d.id, d.name, d.kind FROM door_credentials dc JOIN doors d ON d.id = dc.door_id
       WHERE dc.credential_id = ? ORDER BY d.kind = 'unit' DESC, d.name`,
    )
    .all(credentialId);
}

export function toRecord(db: Db, r: Row): CredentialRecord {
  return {
    id: r.id,
    unitId: r.unit_id,
    unitNumber: r.unit_number,
    buildingName: r.building_name,
    guest: { id: r.guest_id, name: r.guest_name, phone: r.phone_e164, company: r.company },
    audience: r.audience,
    kind: r.kind,
    schedule: JSON.parse(r.schedule_json) as Schedule,
    doors: doorsOf(db, r.id),
    notification: { status: r.notification, requests: r.notifications_sent, lastError: r.notification_error },
    createdAt: r.created_at,
    createdBy: r.created_by,
    endedAt: r.ended_at,
    endReason: r.end_reason,
    endedBy: r.ended_by,
    usedAt: r.used_at,
    reissuedFrom: r.reissued_from,
    reissuedAs: r.reissued_as,
    grantedElsewhere: r.granted_elsewhere === 1,
    grantedByRole: r.granted_role,
    codeHandOver:
      r.code_handed_over_at && r.code_handed_over_by && r.code_handed_over_how
        ? { at: r.code_handed_over_at, by: r.code_handed_over_by, how: r.code_handed_over_how }
        : null,
    visit: r.visit_id ? { id: r.visit_id, units: r.visit_units } : null,
  };
}

export function getCredentialRecord(db: Db, id: string): CredentialRecord | null {
  const row = db.prepare<[id: string], Row>(`${selectCredential} WHERE c.id = ?`).get(id);
  return row ? toRecord(db, row) : null;
}

/** A unit's credentials, live ones first, newest first. */
export function listUnitCredentialRecords(db: Db, unitId: string): CredentialRecord[] {
  const rows = db
    .prepare<[unitId: string], Row>(`${selectCredential} WHERE c.unit_id = ? ORDER BY c.ended_at IS NULL DESC, c.created_at DESC`)
    .all(unitId);
  return rows.map((r) => toRecord(db, r));
}

export type { Row as CredentialRow };
