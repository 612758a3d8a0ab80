import { Temporal } from 'temporal-polyfill';
import type { Schedule } from '../../../shared/domain/schedule';
import { assertNever } from '../../../shared/errors';
import { daysMaskOf, latestLockTime, lockLocalSeconds, type LockUser, type YearDaySchedule } from '../../../shared/domain/matter-door-lock';
import { instantOf, localDateAt, parseLocalDateTime, wallClockAt } from './wall-clock';

/**
 * The lock user that holds a schedule (Matter Door Lock cluster, see matter-door-lock.ts).
 * Locks keep their own wall clock in the community's zone, so times go to them as typed; the
 * zone only settles times that fall in a spring-forward gap, which move forward as everywhere
 * else in Porter (wall-clock.ts), so the lock and the console agree when the door opens.
 */
export function compileForLock(schedule: Schedule, zone: string): LockUser {
  const lockTime = (local: Temporal.PlainDateTime) => lockLocalSeconds(wallClockAt(instantOf(local, zone), zone));
  const yearDay = (from: Temporal.PlainDateTime, to: Temporal.PlainDateTime): YearDaySchedule => ({
    localStartTime: lockTime(from),
    localEndTime: lockTime(to),
  });
  switch (schedule.type) {
    case 'permanent':
      return { userType: 'unrestricted_user', weekDaySchedules: [], yearDaySchedules: [] };
    case 'temporary':
      return {
        userType: 'year_day_schedule_user',
        weekDaySchedules: [],
        yearDaySchedules: [yearDay(parseLocalDateTime(schedule.starts), parseLocalDateTime(schedule.ends))],
      };
    case 'recurring': {
      const from = Temporal.PlainTime.from(schedule.from);
      const until = Temporal.PlainTime.from(schedule.until);
      const weekDay = {
        daysMask: daysMaskOf(schedule.days),
        startHour: from.hour,
        startMinute: from.minute,
        endHour: until.hour,
        endMinute: until.minute,
      };
      if (!schedule.startsOn && !schedule.endsOn)
        return { userType: 'week_day_schedule_user', weekDaySchedules: [weekDay], yearDaySchedules: [] };
      // Week-day schedules repeat forever; the year-day schedule is what stops them. A missing
      // first or last day becomes the earliest or latest time the lock can hold.
      return {
        userType: 'schedule_restricted_user',
        weekDaySchedules: [weekDay],
        yearDaySchedules: [
          {
            localStartTime: schedule.startsOn ? lockTime(localDateAt(schedule.startsOn)) : 0,
            localEndTime: schedule.endsOn ? lockTime(localDateAt(schedule.endsOn, schedule.until)) : latestLockTime,
          },
        ],
      };
    }
    case 'delivery':
      // A disposable user opens once (§5.2.6.18.7); the year-day schedule closes it when the
      // window ends even if nobody came. The spec does not promise a lock honours schedules for a
      // disposable user, so whoever programs the lock should also clear it when the window ends.
      return {
        userType: 'disposable_user',
        weekDaySchedules: [],
        yearDaySchedules: [yearDay(parseLocalDateTime(schedule.starts), parseLocalDateTime(schedule.ends))],
      };
    default:
      return assertNever(schedule, 'schedule');
  }
}
