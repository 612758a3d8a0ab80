import type { CredentialKind, Schedule } from '../../shared/domain';
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

/**
 * Why a grant on this unit would be refused at its doors (their locks, their slots, a PIN
 * length they share), in plain words naming each door; null when every door can hold it.
 */
export function whyUnitCannotHold(ctx: AccessContext, unitId: string, kind: CredentialKind, schedule: Schedule): string | null {
  const community = ctx.community();
  const doors = doorsOnTheWay(ctx.db, community, unitId, schedule);
  if (doors.length === 0) return noCommonDoors(community);
  const reasons = doors.map((d) => doorHold(ctx, d, kind, schedule).reason).filter((r): r is string => r !== null);
  if (reasons.length) return reasons.join(' ');
  if (kind === 'pin') {
    const length = commonPinLength(doors);
    if ('reason' in length) return length.reason;
  }
  return null;
}
