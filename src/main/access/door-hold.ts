import type { Community, CredentialKind, Schedule } from '../../shared/domain';
import { PorterError } from '../../shared/errors';
import type { AccessContext } from './access-context';
import { doorsOnTheWay, noCommonDoors, whyDoorCannotHold, type CoveredDoor } from './door-coverage';
import { freeSlot } from './door-slots';

/**
 * Whether a door can hold a credential now: its lock takes the kind and the schedule, and it
 * has a free slot for a guest. `slot`: the one the grant would take; `reason` names the door.
 */
export function doorHold(ctx: AccessContext, door: CoveredDoor, kind: CredentialKind, schedule: Schedule): { slot: number | null; reason: string | null } {
  const why = whyDoorCannotHold(door, kind, schedule);
  if (why) return { slot: null, reason: why };
  try {
    return { slot: freeSlot(ctx.db, door), reason: null };
  } catch (error) {
    if (error instanceof PorterError && error.code === 'slots_full') return { slot: null, reason: error.message };
    throw error;
  }
}

/** The one PIN length every door accepts, or why there is none: the longest minimum, if no door's maximum is shorter. */
export function commonPinLength(doors: readonly CoveredDoor[]): { length: number } | { reason: string } {
  const min = Math.max(...doors.map((d) => d.capabilities.pinLength?.min ?? 4));
  const max = Math.min(...doors.map((d) => d.capabilities.pinLength?.max ?? 12));
  if (min > max) return { reason: `The doors this grant covers accept no common PIN length (${min} to ${max} digits).` };
  return { length: min };
}

type DoorHold = { slot: number | null; reason: string | null };

/**
 * doorHold for one pass that writes nothing (a bulk preview, a bulk grant's check before it
 * starts): each door answered once, not once per unit behind it (an entrance serves 500).
 */
export function doorHolds(ctx: AccessContext, kind: CredentialKind, schedule: Schedule): (door: CoveredDoor) => DoorHold {
  const known = new Map<string, DoorHold>();
  return (door) => {
    let hold = known.get(door.id);
    if (!hold) known.set(door.id, (hold = doorHold(ctx, door, kind, schedule)));
    return hold;
  };
}

/**
 * Why a grant on this unit would be refused at its doors (their locks, their slots, a PIN
 * length they share), in plain words naming each door; null when every door can hold it.
 */
export function whyUnitCannotHold(ctx: AccessContext, unitId: string, kind: CredentialKind, schedule: Schedule, hold = doorHolds(ctx, kind, schedule)): string | null {
  const community = ctx.community();
  return whyDoorsCannotHold(community, doorsOnTheWay(ctx.db, community, unitId, schedule), kind, hold);
}

/** whyUnitCannotHold for a unit whose doors are known already. */
export function whyDoorsCannotHold(community: Community, doors: readonly CoveredDoor[], kind: CredentialKind, hold: (door: CoveredDoor) => DoorHold): string | null {
  if (doors.length === 0) return noCommonDoors(community);
  const reasons = doors.map((d) => hold(d).reason).filter((r): r is string => r !== null);
  if (reasons.length) return reasons.join(' ');
  if (kind === 'pin') {
    const length = commonPinLength(doors);
    if ('reason' in length) return length.reason;
  }
  return null;
}
