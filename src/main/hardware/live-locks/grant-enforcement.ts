import type { CredentialKind, DoorEnforcement, ScheduleRequest } from '../../../shared/domain';
import type { AccessContext } from '../../access/access-context';
import { doorsForGrant } from '../../access/door-coverage';
import { checkSchedule, compileForLock, resolveSchedule } from '../../access/schedule';
import { liveLockForDoor } from '../../store/live-locks-repo';
import { isBluetoothDoor } from '../../store/lock-keys-repo';
import { doorEnforcement, type DoorLink } from './door-enforcement';

export interface EnforcementRequest {
  unitId: string;
  kind: CredentialKind;
  schedule: ScheduleRequest;
}

/**
 * The grant form's "enforced how" for the doors a grant would open, before it is made: the
 * same doors and the same schedule checks as the grant itself, so a refusal reads the same.
 */
export function grantEnforcement(ctx: AccessContext, request: EnforcementRequest): DoorEnforcement[] {
  const community = ctx.community();
  const zone = community.timeZone;
  const now = ctx.now();
  const schedule = resolveSchedule(request.schedule, { zone, now, deliveryWindowMinutes: community.guidelines.deliveryWindowMinutes });
  checkSchedule(schedule, { zone, now, maxTemporaryDays: community.guidelines.maxTemporaryDays, communityName: community.name });
  const doors = doorsForGrant(ctx.db, community, request.unitId, request.kind, schedule);
  const links = doors.map(({ id, name, kind }): DoorLink => {
    const door = { id, name, kind };
    const live = liveLockForDoor(ctx.db, id);
    if (live) return { door, link: 'zwave', schedules: live.capabilities?.schedules ?? null };
    return { door, link: isBluetoothDoor(ctx.db, id) ? 'bluetooth' : 'key_programmer' };
  });
  return doorEnforcement(compileForLock(schedule, zone), links);
}
