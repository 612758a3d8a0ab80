import type { HardwareDoor, HardwareOverview, PendingDoor } from '../../shared/domain';
import { containing, searchText } from './like';
import { toLockModel } from './community-repo';
import type { Db } from './database';

export function lockModelsInService(db: Db): HardwareOverview['models'] {
  return db
    .prepare<[], Parameters<typeof toLockModel>[0] & { door_count: number }>(
      `SELECT m.*, (SELECT count(*) FROM doors d WHERE d.lock_model_id = m.id) AS door_count
       FROM lock_models m ORDER BY m.role, m.name`,
    )
    .all()
    .map((r) => ({ model: toLockModel(r), doorCount: r.door_count }));
}

/**
 * Doors whose desired table is ahead of what they last reported: a technician's round. Doors
 * that still hold an ended credential come first, the longest exposed first (exposure-repo.ts:
 * the rows removed after the door was last programmed), then the oldest change first. A door
 * with a live lock is not on it: its queue brings it in sync.
 */
export function pendingDoors(db: Db): PendingDoor[] {
  return db
    .prepare<[], PendingDoor>(
      `SELECT d.id, d.name, d.kind, d.unit_id AS unitId, m.id AS modelId, m.name AS modelName, d.desired_changed_at AS pendingSince,
              coalesce(b.name, ub.name) AS buildingName, x.exposedSince, coalesce(x.exposedCount, 0) AS exposedCount
       FROM doors d
       LEFT JOIN (
         SELECT dc.door_id, min(c.ended_at) AS exposedSince, count(*) AS exposedCount
         FROM doors pd JOIN door_credentials dc
           ON dc.door_id = pd.id AND dc.removed_at > pd.reported_at AND dc.added_at <= pd.reported_at
         JOIN credentials c ON c.id = dc.credential_id AND c.ended_at IS NOT NULL
         WHERE pd.reported_version IS NOT NULL AND pd.desired_version > pd.reported_version
         GROUP BY dc.door_id
       ) x ON x.door_id = d.id JOIN lock_models m ON m.id = d.lock_model_id
       LEFT JOIN buildings b ON b.id = d.building_id
       LEFT JOIN units u ON u.id = d.unit_id LEFT JOIN buildings ub ON ub.id = u.building_id
       WHERE d.reported_version IS NOT NULL AND d.desired_version > d.reported_version
         AND NOT EXISTS (SELECT 1 FROM live_locks l WHERE l.door_id = d.id)
       ORDER BY x.exposedSince IS NULL, x.exposedSince, d.desired_changed_at, d.name`,
    )
    .all();
}

/** Doors by name, building or lock serial, optionally of one lock model, for the Hardware page's picker. */
export function findDoors(db: Db, q: { search?: string; modelId?: string; limit: number }): HardwareDoor[] {
  const typed = searchText(q.search);
  const search = typed ? containing(typed) : null;
  return db
    .prepare<{ modelId: string | null; search: string | null; exact: string | null; limit: number }, HardwareDoor>(
      `SELECT d.id, d.name, d.kind, coalesce(b.name, ub.name) AS buildingName, m.id AS modelId, m.name AS modelName, d.serial
       FROM doors d JOIN lock_models m ON m.id = d.lock_model_id
       LEFT JOIN buildings b ON b.id = d.building_id
       LEFT JOIN units u ON u.id = d.unit_id LEFT JOIN buildings ub ON ub.id = u.building_id
       WHERE (@modelId IS NULL OR d.lock_model_id = @modelId)
         AND (@search IS NULL OR d.name LIKE @search ESCAPE '\\' OR coalesce(b.name, ub.name) || ' ' || d.name LIKE @search ESCAPE '\\'
              OR d.serial LIKE @search ESCAPE '\\' OR d.id = @exact)
       ORDER BY buildingName, d.name LIMIT @limit`,
    )
    .all({ modelId: q.modelId ?? null, search, exact: typed || null, limit: q.limit });
}

/** The building a door is in: its own (an entrance, a gate) or its unit's. */
export function doorBuildingName(db: Db, doorId: string): string | null {
  return (
    db
      .prepare<[doorId: string], string | null>(
        `SELECT coalesce(b.name, ub.name) FROM doors d
         LEFT JOIN buildings b ON b.id = d.building_id
         LEFT JOIN units u ON u.id = d.unit_id LEFT JOIN buildings ub ON ub.id = u.building_id
         WHERE d.id = ?`,
      )
      .pluck()
      .get(doorId) ?? null
  );
}
