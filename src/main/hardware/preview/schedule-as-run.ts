import { Temporal } from 'temporal-polyfill';
import { weekdays, type ScheduleAsRun, type Weekday } from '../../../shared/domain';
import { latestLockTime, matterEpochUnixSeconds, type LockUser, type WeekDaySchedule, type YearDaySchedule } from '../../../shared/domain/matter-door-lock';
import { dateTime, dayNames, describeSpan, time } from '../../../shared/describe-schedule';

/** DaysMaskMap: bit 0 is Sunday ... bit 6 Saturday. */
const dayBit: Record<Weekday, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

const hhmm = (hour: number, minute: number) => `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;

/** A year-day time as the lock holds it (its wall clock counted as UTC since 2000), back to wall-clock time; null at either end of what the lock can hold. */
function wallClock(seconds: number): Temporal.PlainDateTime | null {
  if (seconds <= 0 || seconds >= latestLockTime) return null;
  return Temporal.Instant.fromEpochMilliseconds((seconds + matterEpochUnixSeconds) * 1000).toZonedDateTimeISO('UTC').toPlainDateTime();
}

const minutes = (at: Temporal.PlainDateTime | null) => at?.toString({ smallestUnit: 'minute' }) ?? null;

function weekly(s: WeekDaySchedule) {
  return { days: weekdays.filter((d) => (s.daysMask >> dayBit[d]) & 1), from: hhmm(s.startHour, s.startMinute), until: hhmm(s.endHour, s.endMinute) };
}

function weeklyWords(w: ReturnType<typeof weekly>): string {
  const days = w.days.length === 7 ? 'Every day' : w.days.map((d) => dayNames[d]).join(', ');
  const at = (text: string) => time(Temporal.PlainTime.from(text));
  return `${days} ${at(w.from)}–${at(w.until)}`;
}

function datedWords(s: YearDaySchedule): string {
  const from = wallClock(s.localStartTime);
  const until = wallClock(s.localEndTime);
  if (from && until) return describeSpan(from, until);
  if (from) return `from ${dateTime(from)}`;
  if (until) return `until ${dateTime(until)}`;
  return 'any date';
}

function words(user: LockUser, keptBy: ScheduleAsRun['keptBy']): string {
  const week = user.weekDaySchedules.map((s) => weeklyWords(weekly(s))).join('; ');
  const dated = user.yearDaySchedules.map(datedWords).join('; ');
  switch (user.userType) {
    case 'unrestricted_user':
      return keptBy === 'lock' ? 'Any time, until revoked' : 'Any time while the code is on the lock';
    case 'year_day_schedule_user':
      return dated;
    case 'week_day_schedule_user':
      return week;
    case 'schedule_restricted_user':
      return `${week}, ${dated}`;
    case 'disposable_user':
      return `Once, ${dated}`;
  }
}

/** What the lock stores, in the community's wall-clock time, in words and in fields. */
export function scheduleAsRun(user: LockUser, keptBy: ScheduleAsRun['keptBy'], timeZone: string): ScheduleAsRun {
  return {
    words: words(user, keptBy),
    keptBy,
    userType: user.userType,
    weekly: user.weekDaySchedules.map(weekly),
    dated: user.yearDaySchedules.map((s) => ({ from: minutes(wallClock(s.localStartTime)) ?? '2000-01-01T00:00', until: minutes(wallClock(s.localEndTime)) })),
    timeZone,
  };
}
