import type { Community, CredentialKind, DoorRef, LockCapabilities } from '../../shared/domain';
import { PorterError } from '../../shared/errors';
import type { Db } from '../store/database';

export interface CoveredDoor extends DoorRef {
  modelName: string;
  capabilities: LockCapabilities;
}

interface DoorRow {
  id: string;
  name: string;
  kind: DoorRef['kind'];
  model_name: string;
  capabilities_json: string;
}

const selectDoor = `SELECT d.id, d.name, d.kind, m.name AS model_name, m.capabilities_json
  FROM doors d JOIN lock_models m ON m.id = d.lock_model_id`;

function toCovered(r: DoorRow): CoveredDoor {
  return { id: r.id, name: r.name, kind: r.kind, modelName: r.model_name, capabilities: JSON.parse(r.capabilities_json) };
}

const kindNames: Record<CredentialKind, string> = { pin: 'PIN codes', ble: 'Bluetooth passes' };

/**
 * Every door a unit grant opens: the unit's own door and, where the community's access
 * system is supported, the doors on the guest's way (building entrance, perimeter gates,
 * package room, amenities the guidelines name), keeping those whose reader takes the kind.
 */
export function doorsForUnitGrant(db: Db, community: Community, unitId: string, kind: CredentialKind): CoveredDoor[] {
  const unit = db.prepare('SELECT id, building_id, number FROM units WHERE id = ?').get(unitId) as
    | { id: string; building_id: string; number: string }
    | undefined;
  if (!unit) throw new PorterError('not_found', `No unit with id ${unitId}.`);
  const unitDoorRow = db.prepare(`${selectDoor} WHERE d.unit_id = ? AND d.kind = 'unit'`).get(unitId) as DoorRow | undefined;
  if (!unitDoorRow) throw new PorterError('not_found', `Unit ${unit.number} has no door on record.`);
  const unitDoor = toCovered(unitDoorRow);
  if (!unitDoor.capabilities.credentialKinds.includes(kind))
    throw new PorterError(
      'not_allowed',
      `${unitDoor.name} has a ${unitDoor.modelName} lock, which cannot hold ${kindNames[kind]}.`,
    );
  if (!community.accessSystem?.supported) return [unitDoor];

  const shared = (
    db
      .prepare(
        `${selectDoor} WHERE d.unit_id IS NULL AND (
          (d.kind = 'entrance' AND d.building_id = @building)
          OR d.kind = 'perimeter' OR d.kind = 'package_room'
          OR (d.kind = 'amenity' AND d.id IN (SELECT value FROM json_each(@amenities))))
         ORDER BY d.kind, d.name`,
      )
      .all({ building: unit.building_id, amenities: JSON.stringify(community.guidelines.amenityDoorIds) }) as DoorRow[]
  )
    .map(toCovered)
    .filter((d) => d.capabilities.credentialKinds.includes(kind));
  return [unitDoor, ...shared];
}
