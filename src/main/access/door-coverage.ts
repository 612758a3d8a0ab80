import type { Community, CredentialKind, DoorRef, LockCapabilities, Schedule } from '../../shared/domain';
import { PorterError } from '../../shared/errors';
import type { Db } from '../store/database';
import { kindPlurals, typeNames } from './guidelines';
import { requiredScheduleKinds } from '../../shared/domain/required-schedule-kinds';

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

const scheduleNames = { week_day: 'week-day schedules', year_day: 'year-day schedules', one_time: 'one-time codes' };

/** Why a door's lock cannot hold this credential, or null if it can. */
export function whyDoorCannotHold(door: CoveredDoor, kind: CredentialKind, schedule: Schedule): string | null {
  const caps = door.capabilities;
  if (!caps.credentialKinds.includes(kind)) return `${door.name} has a ${door.modelName} lock, which cannot hold ${kindPlurals[kind]}.`;
  const missing = requiredScheduleKinds(schedule).filter((k) => !caps.scheduleKinds.includes(k));
  if (missing.length)
    return `${door.name} has a ${door.modelName} lock, which cannot hold ${typeNames[schedule.type]} access (it has no ${missing.map((k) => scheduleNames[k]).join(' or ')}).`;
  return null;
}

export function unitDoor(db: Db, unitId: string): CoveredDoor {
  const unit = db.prepare('SELECT number FROM units WHERE id = ?').get(unitId) as { number: string } | undefined;
  if (!unit) throw new PorterError('not_found', 'There is no unit with this id.', 'unitId');
  const row = db.prepare(`${selectDoor} WHERE d.unit_id = ? AND d.kind = 'unit'`).get(unitId) as DoorRow | undefined;
  if (!row) throw new PorterError('not_found', `Unit ${unit.number} has no door on record.`, 'unitId');
  return toCovered(row);
}

/**
 * Every door a grant opens: the unit's own door (unless the community keeps delivery codes
 * to the common doors) and, where the community's access system is supported, the doors on
 * the guest's way: building entrance, perimeter gates, package room and, except for
 * deliveries, the amenities the guidelines name. Shared doors whose reader cannot hold the
 * credential are left out; a unit door that cannot hold it refuses the grant.
 */
export function doorsForGrant(db: Db, community: Community, unitId: string, kind: CredentialKind, schedule: Schedule): CoveredDoor[] {
  const own = unitDoor(db, unitId);
  const delivery = schedule.type === 'delivery';
  const includeUnitDoor = !delivery || community.guidelines.deliveryOpens === 'unit_and_common';
  if (includeUnitDoor) {
    const why = whyDoorCannotHold(own, kind, schedule);
    if (why) throw new PorterError('not_allowed', why, 'kind');
  }
  const shared = community.accessSystem?.supported
    ? (
        db
          .prepare(
            `${selectDoor} WHERE d.unit_id IS NULL AND (
              (d.kind = 'entrance' AND d.building_id = (SELECT building_id FROM units WHERE id = @unit))
              OR d.kind = 'perimeter' OR d.kind = 'package_room'
              OR (@amenities AND d.kind = 'amenity' AND d.id IN (SELECT value FROM json_each(@amenityIds))))
             ORDER BY d.kind, d.name`,
          )
          .all({ unit: unitId, amenities: delivery ? 0 : 1, amenityIds: JSON.stringify(community.guidelines.amenityDoorIds) }) as DoorRow[]
      )
        .map(toCovered)
        .filter((d) => whyDoorCannotHold(d, kind, schedule) === null)
    : [];
  const doors = includeUnitDoor ? [own, ...shared] : shared;
  if (doors.length === 0)
    throw new PorterError('not_allowed', `Delivery codes at ${community.name} open only common doors, and none of them can hold this credential.`, 'schedule.type');
  return doors;
}
