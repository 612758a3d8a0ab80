import type { CredentialKind } from '../../shared/domain';
import type { Db } from './database';
import { recordingDroppedCodes } from './exposure-repo';

/** One credential in one slot of a door, as the store keeps it (schedule still as JSON). */
export interface DoorSlotRecord {
  slot: number;
  credentialId: string;
  kind: CredentialKind;
  pinCode: string | null;
  /** base64url; null for a credential made before passes were random (see door-entries.ts). */
  blePass: string | null;
  scheduleJson: string;
}

/**
 * The credentials a door holds: now (`asOf` null, the desired state) or as it was at an
 * instant (the door's table as last programmed, at doors.reported_at). Credentials are never
 * edited once written and door_credentials keeps removed rows, so the past is a query.
 */
export function doorSlotsAsOf(db: Db, doorId: string, asOf: string | null): DoorSlotRecord[] {
  return db
    .prepare<{ doorId: string; asOf: string | null }, DoorSlotRecord>(
      `SELECT dc.slot, c.id AS credentialId, c.kind, c.pin_code AS pinCode, c.ble_pass AS blePass, c.schedule_json AS scheduleJson
       FROM door_credentials dc JOIN credentials c ON c.id = dc.credential_id
       WHERE dc.door_id = @doorId
         AND (@asOf IS NULL OR dc.added_at <= @asOf)
         AND (dc.removed_at IS NULL OR (@asOf IS NOT NULL AND dc.removed_at > @asOf))
       ORDER BY dc.slot`,
    )
    .all({ doorId, asOf });
}

/** The credential that held a slot of a door at an instant (for a door's audit record). */
export function credentialInSlotAt(db: Db, doorId: string, slot: number, at: string): string | null {
  return (
    db
      .prepare<[doorId: string, slot: number, at: string, at: string], string>(
        `SELECT credential_id FROM door_credentials
         WHERE door_id = ? AND slot = ? AND added_at <= ? AND (removed_at IS NULL OR removed_at > ?)
         ORDER BY added_at DESC LIMIT 1`,
      )
      .pluck()
      .get(doorId, slot, at, at) ?? null
  );
}

export interface DoorHardwareRecord {
  id: string;
  name: string;
  kind: 'unit' | 'entrance' | 'perimeter' | 'amenity' | 'package_room';
  unitId: string | null;
  lockModelId: string;
  serial: string | null;
  desiredVersion: number;
  reportedVersion: number | null;
  reportedAt: string | null;
  reportedChecksum: number | null;
  auditRecord: number | null;
}

const doorColumns = `id, name, kind, unit_id AS unitId, lock_model_id AS lockModelId, serial,
  desired_version AS desiredVersion, reported_version AS reportedVersion, reported_at AS reportedAt,
  reported_checksum AS reportedChecksum, audit_record AS auditRecord`;

export function doorById(db: Db, doorId: string): DoorHardwareRecord | null {
  return db.prepare<[doorId: string], DoorHardwareRecord>(`SELECT ${doorColumns} FROM doors WHERE id = ?`).get(doorId) ?? null;
}

export function doorBySerial(db: Db, serial: string): DoorHardwareRecord | null {
  return db.prepare<[serial: string], DoorHardwareRecord>(`SELECT ${doorColumns} FROM doors WHERE serial = ?`).get(serial) ?? null;
}

/** What a door said when a programmer asked it to describe itself. */
export function recordDoorDescription(
  db: Db,
  doorId: string,
  d: { firmware: string; batteryPercent: number; clockDriftSeconds: number; at: string },
): void {
  db.prepare(
    `UPDATE doors SET firmware = @firmware, battery_percent = @batteryPercent,
       clock_drift_seconds = @clockDriftSeconds, described_at = @at WHERE id = @doorId`,
  ).run({ doorId, ...d });
}

/**
 * A verified commit: the door holds the desired table as planned (version and instant), so
 * it is in sync unless something changed since the plan was drawn.
 */
export function recordDoorProgrammed(db: Db, doorId: string, plan: { version: number; at: string; checksum: number }): void {
  // The door's table is now the desired one as of plan.at: any ended credential it held before is off it.
  recordingDroppedCodes(db, doorId, plan.at, () => writeProgrammed(db, doorId, plan));
}

function writeProgrammed(db: Db, doorId: string, plan: { version: number; at: string; checksum: number }): void {
  db.prepare(
    `UPDATE doors SET reported_version = @version, reported_at = @at, reported_checksum = @checksum,
       desired_changed_at = CASE WHEN desired_version > @version THEN desired_changed_at ELSE NULL END
     WHERE id = @doorId`,
  ).run({ doorId, ...plan });
}

export function recordAuditCursor(db: Db, doorId: string, record: number): void {
  db.prepare('UPDATE doors SET audit_record = ? WHERE id = ?').run(record, doorId);
}

export function assignSerial(db: Db, doorId: string, serial: string): void {
  db.prepare('UPDATE doors SET serial = NULL WHERE serial = ?').run(serial);
  db.prepare('UPDATE doors SET serial = ?, reported_checksum = NULL, audit_record = NULL WHERE id = ?').run(serial, doorId);
}
