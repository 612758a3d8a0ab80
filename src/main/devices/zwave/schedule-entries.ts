import { Temporal } from 'temporal-polyfill';
import type {
  ScheduleEntryLockDailyRepeatingSchedule,
  ScheduleEntryLockWeekday,
  ScheduleEntryLockWeekDaySchedule,
  ScheduleEntryLockYearDaySchedule,
} from 'zwave-js';
import { matterEpochUnixSeconds, type LockUser, type WeekDaySchedule, type YearDaySchedule } from '../../../shared/domain/matter-door-lock';
import type { LiveLockCapabilities, ScheduleFit } from '../live/live-lock-network';

/*
 * Porter's schedule (compiled to a Matter-style LockUser by compileForLock) as Schedule Entry
 * Lock CC entries (Z-Wave Application Command Class Specification, Schedule Entry Lock CC v1-v3).
 *
 * The rule that shapes everything here: a Z-Wave user identifier runs ONE kind of schedule at a
 * time. Setting a week-day, year-day or daily-repeating slot switches the user to that kind
 * (zwave-js caches it as the user's "schedule kind"), and the lock then opens when any slot of
 * that kind matches. So unlike Matter's schedule_restricted_user, a Z-Wave lock cannot require a
 * weekly window AND a date range together: for a recurring schedule with a first or last day the
 * lock keeps the weekly window and Porter adds the code on the first day and removes it after the
 * last ('both'). Nor has Z-Wave a one-time user: a delivery code's window is kept by the lock and
 * Porter removes the code once it is used.
 *
 * Times are the lock's wall clock, which the console sets to the community's local time; a
 * year-day entry is the wall-clock text compileForLock already settled (a time in a
 * spring-forward gap moved forward, as everywhere in Porter). Windows that cross midnight cannot
 * be typed (checkSchedule refuses them); a week-day entry must stop after it starts, so one that
 * did not would be left to Porter rather than split, keeping one rule for every lock.
 */

export interface ZWaveScheduleEntries {
  /**
   * The kind the user runs; null: no schedule, so the code opens whenever it is on the lock
   * (the link disables the user's schedules and erases its slots). Slot ids are index + 1.
   */
  kind: 'week_day' | 'year_day' | 'daily_repeating' | null;
  weekDay: ScheduleEntryLockWeekDaySchedule[];
  yearDay: ScheduleEntryLockYearDaySchedule[];
  dailyRepeating: ScheduleEntryLockDailyRepeatingSchedule[];
}

type Slots = LiveLockCapabilities['schedules'];

const unrestricted: LockUser = { userType: 'unrestricted_user', weekDaySchedules: [], yearDaySchedules: [] };
const none: ZWaveScheduleEntries = { kind: null, weekDay: [], yearDay: [], dailyRepeating: [] };

/** Z-Wave's year-day fields hold a two-digit year: 2000 to 2099. */
const lastZWaveYear = 2099;

/** How a Z-Wave lock with these schedule slots runs the user; `write` is what it is given. */
export function fitSchedule(user: LockUser, slots: Slots): ScheduleFit {
  switch (user.userType) {
    case 'unrestricted_user':
      return { by: 'lock', write: unrestricted, why: null };
    case 'year_day_schedule_user':
      if (fitsYearDay(user.yearDaySchedules, slots)) return { by: 'lock', write: user, why: null };
      return { by: 'porter', write: unrestricted, why: porterDates(slots) };
    case 'week_day_schedule_user':
      if (fitsWeekly(user.weekDaySchedules, slots)) return { by: 'lock', write: user, why: null };
      return { by: 'porter', write: unrestricted, why: porterWeekly(user.weekDaySchedules, slots) };
    case 'schedule_restricted_user': {
      const weekly: LockUser = { userType: 'week_day_schedule_user', weekDaySchedules: user.weekDaySchedules, yearDaySchedules: [] };
      if (fitsWeekly(user.weekDaySchedules, slots))
        return {
          by: 'both',
          write: weekly,
          why: 'Z-Wave locks cannot hold a weekly window and dates together: the lock keeps the weekly window, and Porter adds the code on the first day and removes it after the last.',
        };
      return { by: 'porter', write: unrestricted, why: porterWeekly(user.weekDaySchedules, slots) };
    }
    case 'disposable_user': {
      const window: LockUser = { userType: 'year_day_schedule_user', weekDaySchedules: [], yearDaySchedules: user.yearDaySchedules };
      if (fitsYearDay(user.yearDaySchedules, slots))
        return {
          by: 'both',
          write: window,
          why: 'Z-Wave locks have no one-time codes: the lock keeps the delivery window, and Porter removes the code once it has been used.',
        };
      return {
        by: 'porter',
        write: unrestricted,
        why: 'Z-Wave locks have no one-time codes and this one keeps no dated schedules: Porter adds the code when the delivery window opens and removes it when it closes or once it has been used.',
      };
    }
  }
}

/** The Schedule Entry Lock entries for the user as this lock runs it (the fitted `write`). */
export function scheduleEntries(user: LockUser, slots: Slots): ZWaveScheduleEntries {
  const write = fitSchedule(user, slots).write;
  if (write.userType === 'year_day_schedule_user') return { ...none, kind: 'year_day', yearDay: write.yearDaySchedules.map(yearDayEntry) };
  if (write.userType !== 'week_day_schedule_user') return none;
  if (slots.dailyRepeating >= write.weekDaySchedules.length)
    return { ...none, kind: 'daily_repeating', dailyRepeating: write.weekDaySchedules.map(dailyRepeatingEntry) };
  return { ...none, kind: 'week_day', weekDay: write.weekDaySchedules.flatMap(weekDayEntries) };
}

function fitsYearDay(schedules: readonly YearDaySchedule[], slots: Slots): boolean {
  return slots.yearDay >= schedules.length && schedules.every((s) => lockWallClock(s.localEndTime).year <= lastZWaveYear);
}

/** One daily-repeating entry per window where the lock has them, else one week-day entry per day. */
function fitsWeekly(schedules: readonly WeekDaySchedule[], slots: Slots): boolean {
  if (!schedules.every(stopsAfterStart)) return false;
  return slots.dailyRepeating >= schedules.length || slots.weekDay >= weekDayEntryCount(schedules);
}

function porterDates(slots: Slots): string {
  return slots.yearDay === 0
    ? 'This lock keeps no dated schedules: Porter adds the code when access starts and removes it when it ends.'
    : 'This lock cannot hold these dates: Porter adds the code when access starts and removes it when it ends.';
}

function porterWeekly(schedules: readonly WeekDaySchedule[], slots: Slots): string {
  const then = 'Porter adds the code when each window opens and removes it when it closes.';
  if (!schedules.every(stopsAfterStart)) return `The lock cannot hold a window that ends before it starts: ${then}`;
  if (slots.weekDay === 0 && slots.dailyRepeating === 0) return `This lock keeps no weekly schedules: ${then}`;
  const needed = weekDayEntryCount(schedules);
  return `This lock keeps ${plural(slots.weekDay, 'weekly time slot')} per code and this schedule needs ${needed}: ${then}`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function stopsAfterStart(s: WeekDaySchedule): boolean {
  return s.endHour * 60 + s.endMinute > s.startHour * 60 + s.startMinute;
}

/** Days in the mask as Schedule Entry Lock weekdays; both count Sunday as 0. */
function daysOf(daysMask: number): ScheduleEntryLockWeekday[] {
  return [0, 1, 2, 3, 4, 5, 6].filter((day) => daysMask & (1 << day));
}

function weekDayEntryCount(schedules: readonly WeekDaySchedule[]): number {
  return schedules.reduce((count, s) => count + daysOf(s.daysMask).length, 0);
}

function weekDayEntries(s: WeekDaySchedule): ScheduleEntryLockWeekDaySchedule[] {
  return daysOf(s.daysMask).map((weekday) => ({
    weekday,
    startHour: s.startHour,
    startMinute: s.startMinute,
    stopHour: s.endHour,
    stopMinute: s.endMinute,
  }));
}

function dailyRepeatingEntry(s: WeekDaySchedule): ScheduleEntryLockDailyRepeatingSchedule {
  const minutes = s.endHour * 60 + s.endMinute - (s.startHour * 60 + s.startMinute);
  return {
    weekdays: daysOf(s.daysMask),
    startHour: s.startHour,
    startMinute: s.startMinute,
    durationHour: Math.floor(minutes / 60),
    durationMinute: minutes % 60,
  };
}

/** Matter's lock-local seconds (wall clock counted as if UTC) read back as the wall clock. */
function lockWallClock(localSeconds: number): Temporal.PlainDateTime {
  return Temporal.Instant.fromEpochMilliseconds((localSeconds + matterEpochUnixSeconds) * 1000)
    .toZonedDateTimeISO('UTC')
    .toPlainDateTime();
}

/**
 * Z-Wave carries a two-digit year (0-99 for 2000-2099) and zwave-js sends the field as given,
 * so the year goes to it as 26, not 2026.
 */
function yearDayEntry(s: YearDaySchedule): ScheduleEntryLockYearDaySchedule {
  const start = lockWallClock(s.localStartTime);
  const stop = lockWallClock(s.localEndTime);
  return {
    startYear: start.year - 2000,
    startMonth: start.month,
    startDay: start.day,
    startHour: start.hour,
    startMinute: start.minute,
    stopYear: stop.year - 2000,
    stopMonth: stop.month,
    stopDay: stop.day,
    stopHour: stop.hour,
    stopMinute: stop.minute,
  };
}
