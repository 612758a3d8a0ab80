import type { z } from 'zod';
import type { BulkCapacityRequest, CapacityWarning, CredentialKind, EndFirst, GrantCapacityRequest, Schedule } from '../../shared/domain';
import { PorterError } from '../../shared/errors';
import type { AccessContext } from '../access/access-context';
import { targetUnits } from '../access/bulk-grant';
import { doorsForGrant } from '../access/door-coverage';
import { resolveSchedule } from '../access/schedule';
import { endFirstOnDoor } from '../store/slot-capacity-repo';
import { doorCapacity } from './door-capacity';
import { nearFullSlots } from '../access/slot-total';

/** Credentials named as "end first" per door. */
const endFirstCount = 3;

function scheduleOf(ctx: AccessContext, request: { schedule: z.output<typeof GrantCapacityRequest>['schedule'] }): Schedule {
  const community = ctx.community();
  return resolveSchedule(request.schedule, { zone: community.timeZone, now: ctx.now(), deliveryWindowMinutes: community.guidelines.deliveryWindowMinutes });
}

/**
 * The doors a planned grant would leave within a few slots of full (or could not fit on),
 * each with what to end first. `needed`: how many slots the grant takes on each door.
 */
function warningsFor(ctx: AccessContext, needed: ReadonlyMap<string, number>): CapacityWarning[] {
  const now = ctx.now();
  const warnings: CapacityWarning[] = [];
  for (const [doorId, count] of needed) {
    const capacity = doorCapacity(ctx.db, doorId, now);
    if (!capacity) continue;
    const freeAfter = capacity.free - count;
    if (freeAfter >= nearFullSlots(capacity.guestSlots)) continue;
    const endFirst = endFirstOnDoor(ctx.db, doorId, now.toISOString(), endFirstCount).map(
      (r): EndFirst => ({ ...r, why: r.endsAt !== null && r.endsAt <= now.toISOString() ? 'time_over' : 'oldest_temporary' }),
    );
    warnings.push({ capacity, needed: count, freeAfter, endFirst });
  }
  // The door that can least take it first.
  return warnings.sort((a, b) => a.freeAfter - b.freeAfter || a.capacity.door.name.localeCompare(b.capacity.door.name));
}

/** The grant form's warning: the doors this one grant would take to within a few slots of full. */
export function grantCapacity(ctx: AccessContext, request: z.output<typeof GrantCapacityRequest>): CapacityWarning[] {
  const doors = doorsForGrant(ctx.db, ctx.community(), request.unitId, request.kind, scheduleOf(ctx, request));
  return warningsFor(ctx, new Map(doors.map((d) => [d.id, 1])));
}

/**
 * The bulk form's warning: a bulk grant takes one slot per unit on its unit door and on every
 * shared door the unit's guests pass, so a building's entrance takes one per unit of the
 * building. Units whose own door cannot hold the grant are left out, as the run refuses them.
 */
export function bulkGrantCapacity(ctx: AccessContext, request: z.output<typeof BulkCapacityRequest>): CapacityWarning[] {
  const units = targetUnits(ctx, request.target);
  const schedule = scheduleOf(ctx, request);
  const needed = new Map<string, number>();
  for (const unit of units) for (const door of coveredOrNone(ctx, unit.id, request.kind, schedule)) needed.set(door, (needed.get(door) ?? 0) + 1);
  return warningsFor(ctx, needed);
}

function coveredOrNone(ctx: AccessContext, unitId: string, kind: CredentialKind, schedule: Schedule): string[] {
  try {
    return doorsForGrant(ctx.db, ctx.community(), unitId, kind, schedule).map((d) => d.id);
  } catch (error) {
    if (error instanceof PorterError) return [];
    throw error;
  }
}
