import type { z } from 'zod';
import type { AccessPreview, AccessPreviewRequest, Schedule, ScheduleRequest } from '../../../shared/domain';
import type { AccessContext } from '../../access/access-context';
import { doorsOnTheWay, noCommonDoors } from '../../access/door-coverage';
import { commonPinLength } from '../../access/door-hold';
import { checkSchedule, compileForLock, resolveSchedule } from '../../access/schedule';
import { previewDoor } from './door-preview';

/** The draft's schedule as a grant would resolve and check it now, so a refusal reads the same. */
export function draftSchedule(ctx: AccessContext, request: ScheduleRequest): Schedule {
  const community = ctx.community();
  const zone = community.timeZone;
  const now = ctx.now();
  const schedule = resolveSchedule(request, { zone, now, deliveryWindowMinutes: community.guidelines.deliveryWindowMinutes });
  checkSchedule(schedule, { zone, now, maxTemporaryDays: community.guidelines.maxTemporaryDays, communityName: community.name });
  return schedule;
}

/**
 * What each door a grant would reach will hold, before it is sent: unit door first, then the
 * doors on the guest's way. `refusal`: what access.grant would refuse it with (every door that
 * cannot hold it, naming it), null when it can be granted.
 */
export function accessPreview(ctx: AccessContext, request: z.output<typeof AccessPreviewRequest>): AccessPreview {
  const schedule = draftSchedule(ctx, request.schedule);
  const community = ctx.community();
  const doors = doorsOnTheWay(ctx.db, community, request.unitId, schedule);
  if (doors.length === 0) return { doors: [], refusal: noCommonDoors(community) };
  const user = compileForLock(schedule, community.timeZone);
  const rows = doors.map((d) => previewDoor(ctx, d, request.kind, schedule, user));
  const reasons = rows.flatMap((r) => (r.reason === null ? [] : [r.reason]));
  if (reasons.length) return { doors: rows, refusal: reasons.join(' ') };
  const length = request.kind === 'pin' ? commonPinLength(doors) : null;
  return { doors: rows, refusal: length && 'reason' in length ? length.reason : null };
}
