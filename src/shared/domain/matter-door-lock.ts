import type { Temporal } from 'temporal-polyfill';
import type { Weekday } from './schedule';

/*
 * The user record and schedules Porter programs into a lock, after the Matter Door Lock
 * cluster (Matter Application Cluster Specification 1.4, §5.2). Section numbers below are
 * that document's; 'core' means the Matter Core Specification 1.4.
 */

/**
 * UserTypeEnum (§5.2.6.18), the values Porter uses. 'schedule_restricted_user' (§5.2.6.18.9)
 * is the only type under which a lock requires BOTH a week-day and a year-day schedule to
 * match; under 'week_day_schedule_user' (§5.2.6.18.3) a year-day schedule would be ignored.
 */
export type LockUserType =
  | 'unrestricted_user'
  | 'year_day_schedule_user'
  | 'week_day_schedule_user'
  | 'schedule_restricted_user'
  | 'disposable_user';

/** SetWeekDaySchedule (§5.2.10.12): a daily window on the days in the mask, lock-local time. */
export interface WeekDaySchedule {
  daysMask: number;
  startHour: number;
  startMinute: number;
  endHour: number;
  endMinute: number;
}

/** SetYearDaySchedule (§5.2.10.16): LocalStartTime and LocalEndTime, see lockLocalSeconds. */
export interface YearDaySchedule {
  localStartTime: number;
  localEndTime: number;
}

export interface LockUser {
  userType: LockUserType;
  weekDaySchedules: WeekDaySchedule[];
  yearDaySchedules: YearDaySchedule[];
}

/** DaysMaskMap (§5.2.6.1): bit 0 is Sunday, bit 1 Monday, ... bit 6 Saturday. */
const dayBit: Record<Weekday, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

export function daysMaskOf(days: readonly Weekday[]): number {
  return days.reduce((mask, day) => mask | (1 << dayBit[day]), 0);
}

/** The Matter epoch, 2000-01-01T00:00:00Z, in Unix seconds (core §7.19.2.4, epoch-s). */
export const matterEpochUnixSeconds = 946_684_800;
/** epoch-s is an unsigned 32-bit count; this is the latest time a lock can hold (in 2136). */
export const latestLockTime = 0xffff_ffff;

/**
 * A year-day time as the lock reads it. The fields are epoch-s "with local time offset based on
 * the local timezone and DST offset on the day represented by the value" (§5.2.10.16.3): the
 * lock's wall clock counted as if it were UTC, in seconds since 2000-01-01T00:00 (core §7.19.2.4).
 * So 09:00 is 09:00 on either side of a DST change. Clamped to what the field can hold.
 */
export function lockLocalSeconds(wallClock: Temporal.PlainDateTime): number {
  const seconds = wallClock.toZonedDateTime('UTC').epochMilliseconds / 1000 - matterEpochUnixSeconds;
  return Math.min(latestLockTime, Math.max(0, Math.floor(seconds)));
}
