import { PorterError } from '../../shared/errors';
import type { Db } from '../store/database';
import type { CoveredDoor } from './door-coverage';

/** The lowest free credential slot on a door, or a slots_full error naming the door. */
export function freeSlot(db: Db, door: CoveredDoor): number {
  const used = db
    .prepare('SELECT slot FROM door_credentials WHERE door_id = ? AND removed_at IS NULL ORDER BY slot')
    .pluck()
    .all(door.id) as number[];
  let slot = 1;
  for (const taken of used) {
    if (taken !== slot) break;
    slot++;
  }
  if (slot > door.capabilities.slots)
    throw new PorterError(
      'slots_full',
      `${door.name} has no free credential slot (all ${door.capabilities.slots} are in use). Revoke a credential on it first.`,
    );
  return slot;
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
