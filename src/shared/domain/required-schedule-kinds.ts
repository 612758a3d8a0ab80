import type { LockCapabilities } from './community';
import type { Schedule } from './schedule';
import { assertNever } from '../errors';

export type ScheduleKind = LockCapabilities['scheduleKinds'][number];

/**
 * What a lock must support to hold a schedule, so a door that cannot is refused before
 * anything is written. A recurring schedule with start or end dates needs year-day
 * schedules too: week-day schedules alone repeat forever (see compileForLock).
 */
export function requiredScheduleKinds(schedule: Schedule): ScheduleKind[] {
  switch (schedule.type) {
    case 'permanent':
      return [];
    case 'temporary':
      return ['year_day'];
    case 'recurring':
      return schedule.startsOn || schedule.endsOn ? ['week_day', 'year_day'] : ['week_day'];
    case 'delivery':
      return ['one_time'];
    default:
      return assertNever(schedule, 'schedule');
  }
}
