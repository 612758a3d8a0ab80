import type { DoorRef } from '../../shared/domain';
import type { Db } from './database';
import { scalar, statement } from './statement';

/** A door with its lock model, as a grant's coverage weighs it. */
export interface DoorLockRow {
  id: string;
  name: string;
  kind: DoorRef['kind'];
  modelName: string;
  capabilitiesJson: string;
}

const selectDoor = `SELECT d.id, d.name, d.kind, m.name AS modelName, m.capabilities_json AS capabilitiesJson
  FROM doors d JOIN lock_models m ON m.id = d.lock_model_id`;

export const ownDoor = statement<[unitId: string], DoorLockRow>(`${selectDoor} WHERE d.unit_id = ? AND d.kind = 'unit'`);

/** A unit's own door, or null when the unit has none on record. */
export function unitDoorLock(db: Db, unitId: string): DoorLockRow | null {
  return ownDoor(db).get(unitId) ?? null;
}

export const doorsOnTheWay = statement<{ unit: string; amenities: 0 | 1; amenityIds: string }, DoorLockRow>(
  `${selectDoor} WHERE d.unit_id IS NULL AND (
    (d.kind = 'entrance' AND d.building_id = (SELECT building_id FROM units WHERE id = @unit))
    OR d.kind = 'perimeter' OR d.kind = 'package_room'
    OR (@amenities AND d.kind = 'amenity' AND d.id IN (SELECT value FROM json_each(@amenityIds))))
   ORDER BY d.kind, d.name`,
);

/**
 * The shared doors on a guest's way to a unit: its building's entrance, the perimeter gates,
 * the package room and, when `amenityIds` is given, those amenities.
 */
export function sharedDoorsToUnit(db: Db, unitId: string, amenityIds: readonly string[] | null): DoorLockRow[] {
  return doorsOnTheWay(db).all({ unit: unitId, amenities: amenityIds ? 1 : 0, amenityIds: JSON.stringify(amenityIds ?? []) });
}

const amenities = scalar<[], string>("SELECT id FROM doors WHERE kind = 'amenity'");

export function amenityDoorIds(db: Db): string[] {
  return amenities(db).all();
}
