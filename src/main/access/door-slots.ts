import { PorterError } from '../../shared/errors';
import type { Db } from '../store/database';
import type { CoveredDoor } from './door-coverage';

/**
 * A free credential slot on a door: the one after the highest in use (an index lookup, so a
 * perimeter reader with tens of thousands of credentials stays fast), or, once the top is
 * reached, the lowest gap left by revoked credentials. slots_full names the door.
 */
export function freeSlot(db: Db, door: CoveredDoor): number {
  const highest = db
    .prepare('SELECT max(slot) FROM door_credentials WHERE door_id = ? AND removed_at IS NULL')
    .pluck()
    .get(door.id) as number | null;
  const next = (highest ?? 0) + 1;
  if (next <= door.capabilities.slots) return next;
  const gap = db
    .prepare(
      `SELECT 1 AS slot WHERE NOT EXISTS (SELECT 1 FROM door_credentials WHERE door_id = @door AND slot = 1 AND removed_at IS NULL)
       UNION ALL
       SELECT min(dc.slot + 1) FROM door_credentials dc WHERE dc.door_id = @door AND dc.removed_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM door_credentials n WHERE n.door_id = @door AND n.slot = dc.slot + 1 AND n.removed_at IS NULL)
       LIMIT 1`,
    )
    .pluck()
    .get({ door: door.id }) as number | null;
  const slot = gap ?? next;
  if (slot > door.capabilities.slots)
    throw new PorterError(
      'slots_full',
      `${door.name} has no free credential slot (all ${door.capabilities.slots} are in use). Revoke a credential on it first.`,
    );
  return slot;
}

/** Is this PIN code live on this door? An index lookup on the code. */
export function pinLiveOnDoor(db: Db, doorId: string, code: string): boolean {
  return (
    db
      .prepare(
        // CROSS JOIN keeps SQLite on the code's index (a handful of rows) rather than the
        // door's (tens of thousands on a perimeter reader).
        `SELECT 1 FROM credentials c CROSS JOIN door_credentials dc ON dc.credential_id = c.id
         WHERE c.pin_code = ? AND c.ended_at IS NULL AND dc.door_id = ? AND dc.removed_at IS NULL`,
      )
      .get(code, doorId) !== undefined
  );
}

/** PIN codes live on a door right now, for uniqueness checks. Stays inside the access module. */
export function livePinCodes(db: Db, doorId: string): string[] {
  return db
    .prepare(
      `SELECT c.pin_code FROM door_credentials dc JOIN credentials c ON c.id = dc.credential_id
       WHERE dc.door_id = ? AND dc.removed_at IS NULL AND c.pin_code IS NOT NULL`,
    )
    .pluck()
    .all(doorId) as string[];
}

/** Records that the console wants a door to change; "pending since" keeps the oldest change. */
export function markDoorChanged(db: Db, doorId: string, at: string): void {
  db.prepare(
    `UPDATE doors SET
       desired_changed_at = CASE WHEN reported_version IS NOT NULL AND desired_version <= reported_version
                                 THEN @at ELSE coalesce(desired_changed_at, @at) END,
       desired_version = desired_version + 1
     WHERE id = @doorId`,
  ).run({ doorId, at });
}
