import { droppedWords, type DoorLink, type EndReason } from '../../shared/domain';
import { appendAudit } from './audit-log';
import type { Db } from './database';
import { statement } from './statement';

/** One door still holding one ended credential, as the store answers it (ordered by credential). */
export interface ExposureRow {
  credentialId: string;
  unitId: string;
  unitLabel: string;
  guestName: string;
  kind: 'pin' | 'ble';
  endReason: EndReason;
  endedAt: string;
  doorId: string;
  doorName: string;
  link: DoorLink;
}

/**
 * What each door still holds of an ended credential, for every link kind at once:
 * - a door reached on a technician's round (key-programmer or Bluetooth lock) holds its
 *   door_credentials rows as of doors.reported_at (door-table-repo.ts), so a row removed after
 *   that instant is still on the lock; only a door whose desired state moved on can hold one;
 * - a live lock (Z-Wave) holds what it last confirmed per slot (live_lock_slots, 'enabled').
 * Never a code: the credential's id, whose it is, how and when it ended.
 */
const heldSql = (doorFilter: (column: string) => string): string => `
WITH held(door_id, credential_id, link) AS MATERIALIZED (
  SELECT d.id, dc.credential_id, 'round'
  FROM doors d JOIN door_credentials dc
    ON dc.door_id = d.id AND dc.removed_at > d.reported_at AND dc.added_at <= d.reported_at
  WHERE d.reported_at IS NOT NULL AND d.desired_version > d.reported_version ${doorFilter('d.id')}
    AND NOT EXISTS (SELECT 1 FROM live_locks l WHERE l.door_id = d.id)
  UNION ALL
  SELECT s.door_id, s.credential_id, 'live'
  FROM live_locks l CROSS JOIN live_lock_slots s ON s.door_id = l.door_id
  WHERE s.state = 'enabled' AND s.credential_id IS NOT NULL ${doorFilter('s.door_id')}
)
SELECT c.id AS credentialId, c.unit_id AS unitId, b.name || ' ' || u.number AS unitLabel, g.name AS guestName,
       c.kind, c.end_reason AS endReason, c.ended_at AS endedAt, h.door_id AS doorId, d.name AS doorName, h.link
FROM held h
CROSS JOIN credentials c ON c.id = h.credential_id AND c.ended_at IS NOT NULL
JOIN guests g ON g.id = c.guest_id
JOIN units u ON u.id = c.unit_id JOIN buildings b ON b.id = u.building_id
CROSS JOIN doors d ON d.id = h.door_id`;

/** Every door that still holds an ended credential, oldest ended first. The SQL is exported for the query-plan test. */
export const allExposure = statement<[], ExposureRow>(`${heldSql(() => '')}
ORDER BY c.ended_at, c.id, d.name`);

const exposureOfUnit = statement<[unitId: string], ExposureRow>(`${heldSql(() => '')}
WHERE c.unit_id = ?
ORDER BY c.ended_at, c.id, d.name`);

const exposureOfDoor = statement<{ doorId: string }, ExposureRow>(`${heldSql((column) => `AND ${column} = @doorId`)}
ORDER BY c.ended_at, c.id`);

/** Doors still holding ended credentials: all of them, or one unit's credentials. */
export function revocationExposureRows(db: Db, unitId: string | null): ExposureRow[] {
  return unitId === null ? allExposure(db).all() : exposureOfUnit(db).all(unitId);
}

/** The ended credentials one door still holds. */
export function endedCredentialsHeldBy(db: Db, doorId: string): ExposureRow[] {
  return exposureOfDoor(db).all({ doorId });
}

/**
 * Runs a write of a door's reported state and, in the same transaction, records each ended
 * credential the door held before the write and no longer holds after it: the moment its
 * exposure ended. Once only: after the write the door no longer holds it, so a later report
 * cannot find it dropped again (unless the lock took it back, which is a new exposure).
 */
export function recordingDroppedCodes<T>(db: Db, doorId: string, at: string, write: () => T): T {
  return db.transaction(() => {
    const before = endedCredentialsHeldBy(db, doorId);
    const result = write();
    if (before.length === 0) return result;
    const still = new Set(endedCredentialsHeldBy(db, doorId).map((r) => r.credentialId));
    for (const row of before) {
      if (still.has(row.credentialId)) continue;
      appendAudit(db, {
        at,
        actor: row.doorName,
        action: 'door.code_dropped',
        subjectId: row.credentialId,
        summary: droppedWords(row.doorName, row.guestName, row.kind, row.endReason, row.endedAt, at),
        details: { doorIds: [doorId], unitId: row.unitId, credentialId: row.credentialId, endReason: row.endReason, endedAt: row.endedAt, link: row.link },
      });
    }
    return result;
  })();
}
