import type { Credential, DoorRef } from '../../shared/domain';
import type { Db } from './database';

interface Row {
  id: string;
  unit_id: string;
  unit_number: string;
  guest_id: string;
  guest_name: string;
  phone_e164: string;
  company: string | null;
  kind: Credential['kind'];
  access_type: Credential['accessType'];
  status: Credential['status'];
  notification: Credential['notification'];
  created_at: string;
  created_by: string;
  revoked_at: string | null;
  revoked_by: string | null;
}

// The PIN code column is deliberately not selected: it never leaves the access module.
const selectCredential = `
  SELECT c.id, c.unit_id, u.number AS unit_number, g.id AS guest_id, g.name AS guest_name,
    g.phone_e164, g.company, c.kind, c.access_type, c.status, c.notification,
    c.created_at, c.created_by, c.revoked_at, c.revoked_by
  FROM credentials c JOIN units u ON u.id = c.unit_id JOIN guests g ON g.id = c.guest_id`;

function doorsOf(db: Db, credentialId: string): DoorRef[] {
  return db
    .prepare(
      `SELECT d.id, d.name, d.kind FROM door_credentials dc JOIN doors d ON d.id = dc.door_id
       WHERE dc.credential_id = ? ORDER BY d.kind = 'unit' DESC, d.name`,
    )
    .all(credentialId) as DoorRef[];
}

function toCredential(db: Db, r: Row): Credential {
  return {
    id: r.id,
    unitId: r.unit_id,
    unitNumber: r.unit_number,
    guest: { id: r.guest_id, name: r.guest_name, phone: r.phone_e164, company: r.company },
    kind: r.kind,
    accessType: r.access_type,
    status: r.status,
    doors: doorsOf(db, r.id),
    notification: r.notification,
    createdAt: r.created_at,
    createdBy: r.created_by,
    revokedAt: r.revoked_at,
    revokedBy: r.revoked_by,
  };
}

export function getCredential(db: Db, id: string): Credential | null {
  const row = db.prepare(`${selectCredential} WHERE c.id = ?`).get(id) as Row | undefined;
  return row ? toCredential(db, row) : null;
}

/** A unit's credentials, active first, newest first. */
export function listUnitCredentials(db: Db, unitId: string): Credential[] {
  const rows = db
    .prepare(`${selectCredential} WHERE c.unit_id = ? ORDER BY c.status = 'active' DESC, c.created_at DESC`)
    .all(unitId) as Row[];
  return rows.map((r) => toCredential(db, r));
}
