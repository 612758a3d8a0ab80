import type { Schedule } from '../../../shared/domain/schedule';
import { assertNever, PorterError } from '../../../shared/errors';
import { scheduleBounds } from './schedule-bounds';
import { longerThanDays, tooLongMessage } from '../../../shared/rules/schedule-rules';

export interface CheckScheduleContext {
  zone: string;
  now: Date;
  /** From the community's guidelines. */
  maxTemporaryDays: number;
  /** Named in refusals, so staff know whose rule it is. */
  communityName: string;
}

/**
 * Refuses a resolved schedule staff cannot issue, with a message for the form and the field
 * (inside the grant request) to show it on. Shape problems come first ('invalid_input'),
 * then the community's guidelines ('not_allowed').
 */
export function checkSchedule(schedule: Schedule, ctx: CheckScheduleContext): void {
  const bounds = scheduleBounds(schedule, ctx.zone);
  switch (schedule.type) {
    case 'permanent':
      return;
    case 'temporary':
      // Compared as instants: 02:30 on a spring-forward night reads as 03:30, after 03:15.
      if (bounds.endsAt!.getTime() <= bounds.startsAt!.getTime())
        refuse('invalid_input', 'Access must end after it starts.', 'schedule.ends');
      refuseIfPast(bounds.endsAt!, ctx, 'This access would already be over; choose a later end.', 'schedule.ends');
      if (longerThanDays(schedule, ctx.maxTemporaryDays)) refuse('not_allowed', tooLongMessage(ctx.maxTemporaryDays, ctx.communityName), 'schedule.ends');
      return;
    case 'recurring':
      if (new Set(schedule.days).size !== schedule.days.length)
        refuse('invalid_input', 'Each day may be chosen only once.', 'schedule.days');
      if (schedule.until <= schedule.from)
        refuse(
          'invalid_input',
          'The daily window must end after it starts. Windows past midnight are not supported, because locks hold same-day windows; split it into two days instead.',
          'schedule.until',
        );
      if (schedule.startsOn && schedule.endsOn && schedule.endsOn < schedule.startsOn)
        refuse('invalid_input', 'The last day must not be before the first day.', 'schedule.endsOn');
      if (bounds.endsAt) refuseIfPast(bounds.endsAt, ctx, 'This access would already be over; choose a later last day.', 'schedule.endsOn');
      return;
    case 'delivery':
      // A delivery's end is computed from its start, so the start is what staff can fix.
      refuseIfPast(bounds.endsAt!, ctx, 'A delivery code starting then would already be over; leave the start empty to start now.', 'schedule.starts');
      return;
    default:
      assertNever(schedule, 'schedule');
  }
}

function refuseIfPast(endsAt: Date, ctx: CheckScheduleContext, message: string, field: string): void {
  if (endsAt.getTime() <= ctx.now.getTime()) refuse('invalid_input', message, field);
}

function refuse(code: 'invalid_input' | 'not_allowed', message: string, field: string): never {
  throw new PorterError(code, message, field);
}
