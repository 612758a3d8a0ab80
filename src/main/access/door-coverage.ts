import type { Community, CredentialKind, DoorRef, LockCapabilities, Schedule } from '../../shared/domain';
import { PorterError } from '../../shared/errors';
import type { Db } from '../store/database';
import { sharedDoorsToUnit, unitDoorLock, type DoorLockRow } from '../store/doors-repo';
import { liveLockForDoor } from '../store/live-locks-repo';
import { unitNumber } from '../store/unit-labels-repo';
import { kindPlurals, typeNames } from './guidelines';
import { requiredScheduleKinds } from '../../shared/domain/required-schedule-kinds';
import { slotTotal } from './slot-total';

export interface CoveredDoor extends DoorRef {
  modelName: string;
  capabilities: LockCapabilities;
  /** A live Z-Wave lock is fitted to the door (the stick reaches it). */
  zwave: boolean;
}

/**
 * The door's lock as its model describes it, narrowed by what a live lock fitted to the door
 * says of itself: a Z-Wave lock set to take only six-digit codes gets six-digit codes, and one
 * that reports 30 user codes holds 30 whatever its model says.
 */
function toCovered(db: Db, r: DoorLockRow): CoveredDoor {
  const capabilities = JSON.parse(r.capabilitiesJson) as LockCapabilities;
  const fitted = liveLockForDoor(db, r.id);
  const lock = fitted?.capabilities;
  const live = lock?.pinLength;
  const pinLength = capabilities.pinLength && live ? { min: Math.max(capabilities.pinLength.min, live.min), max: Math.min(capabilities.pinLength.max, live.max) } : capabilities.pinLength;
  const slots = slotTotal(capabilities.slots, lock?.slots).total;
  return { id: r.id, name: r.name, kind: r.kind, modelName: r.modelName, capabilities: { ...capabilities, pinLength, slots }, zwave: fitted !== null };
}

const scheduleNames = { week_day: 'week-day schedules', year_day: 'year-day schedules', one_time: 'one-time codes' };

/** Why a door's lock cannot hold this credential, or null if it can. */
export function whyDoorCannotHold(door: CoveredDoor, kind: CredentialKind, schedule: Schedule): string | null {
  const caps = door.capabilities;
  if (!caps.credentialKinds.includes(kind)) return `${door.name} has a ${door.modelName} lock, which cannot hold ${kindPlurals[kind]}.`;
  if (door.zwave && kind === 'ble') return `${door.name}'s lock is reached over Z-Wave, which carries PIN codes only: it cannot hold ${kindPlurals[kind]}.`;
  const missing = requiredScheduleKinds(schedule).filter((k) => !caps.scheduleKinds.includes(k));
  if (missing.length)
    return `${door.name} has a ${door.modelName} lock, which cannot hold ${typeNames[schedule.type]} access (it has no ${missing.map((k) => scheduleNames[k]).join(' or ')}).`;
  return null;
}

export function unitDoor(db: Db, unitId: string): CoveredDoor {
  const number = unitNumber(db, unitId);
  if (number === null) throw new PorterError('not_found', 'There is no unit with this id.', 'unitId');
  const row = unitDoorLock(db, unitId);
  if (!row) throw new PorterError('not_found', `Unit ${number} has no door on record.`, 'unitId');
  return toCovered(db, row);
}

/**
 * Every door a grant would reach: the unit's own door (unless the community keeps delivery
 * codes to the common doors) and, where the community's access system is supported, the doors
 * on the guest's way: building entrance, perimeter gates, package room and, except for
 * deliveries, the amenities the guidelines name. Doors that cannot hold it are listed too
 * (whyDoorCannotHold says why): the preview shows them, and the grant refuses them.
 */
export function doorsOnTheWay(db: Db, community: Community, unitId: string, schedule: Schedule): CoveredDoor[] {
  const own = unitDoor(db, unitId);
  const delivery = schedule.type === 'delivery';
  const includeUnitDoor = !delivery || community.guidelines.deliveryOpens === 'unit_and_common';
  const shared = community.accessSystem?.supported
    ? sharedDoorsToUnit(db, unitId, delivery ? null : community.guidelines.amenityDoorIds).map((r) => toCovered(db, r))
    : [];
  return includeUnitDoor ? [own, ...shared] : shared;
}

export const noCommonDoors = (community: Community) => `Delivery codes at ${community.name} open only common doors, and this unit has none on record.`;

/**
 * The doors a grant opens, every one able to hold it; else it is refused up front, naming
 * each door that cannot and why, before anything is written.
 */
export function doorsForGrant(db: Db, community: Community, unitId: string, kind: CredentialKind, schedule: Schedule): CoveredDoor[] {
  const doors = doorsOnTheWay(db, community, unitId, schedule);
  if (doors.length === 0) throw new PorterError('not_allowed', noCommonDoors(community), 'schedule.type');
  const refusals = doors.map((d) => whyDoorCannotHold(d, kind, schedule)).filter((why): why is string => why !== null);
  if (refusals.length) throw new PorterError('not_allowed', refusals.join(' '), 'kind');
  return doors;
}
