import { KeypadMode, UserIDStatus } from 'zwave-js';
import type { SimLockState } from './sim-lock-state';

export type KeypadVerdict = { opened: true; slot: number } | { opened: false; reason: 'wrong_code' | 'outside_schedule' | 'jammed' | 'keypad_disabled' };

/** The lock's wall clock: UTC plus the offsets Schedule Entry Lock Time Offset Set gave it. */
export function lockLocalTime(lock: SimLockState, nowMs: number): Date {
  const offsetMinutes = lock.timeOffset.standardMinutes + lock.timeOffset.dstMinutes;
  // A Date read with getUTC* below: the lock's local wall time.
  return new Date(nowMs + offsetMinutes * 60_000);
}

/** Schedule Entry Lock years are the year in the century (0..99), 2000 onwards. */
const fullYear = (year: number) => (year < 100 ? 2000 + year : year);

const minuteOfDay = (hour: number, minute: number) => hour * 60 + minute;

/**
 * Whether a user's schedules let the code work now (Schedule Entry Lock CC): a user whose
 * schedules are not enabled has unrestricted access; an enabled user needs one schedule of any
 * kind covering the lock's local time.
 */
export function scheduleAllows(lock: SimLockState, userId: number, nowMs: number): boolean {
  if (!lock.scheduled.has(userId)) return true;
  const local = lockLocalTime(lock, nowMs);
  const weekday = local.getUTCDay();
  const minute = minuteOfDay(local.getUTCHours(), local.getUTCMinutes());
  const mine = <T>(table: Map<string, T>) => [...table].filter(([key]) => key.startsWith(`${userId}:`)).map(([, value]) => value);

  const weekDayOk = mine(lock.weekDay).some(
    (s) => s.weekday === weekday && minute >= minuteOfDay(s.startHour, s.startMinute) && minute < minuteOfDay(s.stopHour, s.stopMinute),
  );
  const yearDayOk = mine(lock.yearDay).some((s) => {
    const start = Date.UTC(fullYear(s.startYear), s.startMonth - 1, s.startDay, s.startHour, s.startMinute);
    const stop = Date.UTC(fullYear(s.stopYear), s.stopMonth - 1, s.stopDay, s.stopHour, s.stopMinute);
    return local.getTime() >= start && local.getTime() < stop;
  });
  const dailyOk = mine(lock.dailyRepeating).some((s) => {
    const start = minuteOfDay(s.startHour, s.startMinute);
    const end = start + minuteOfDay(s.durationHour, s.durationMinute);
    // A window may run past midnight: it then belongs to the weekday it started on.
    if (s.weekdays.includes(weekday) && minute >= start && minute < end) return true;
    const yesterday = (weekday + 6) % 7;
    return end > 24 * 60 && s.weekdays.includes(yesterday) && minute + 24 * 60 < end;
  });
  return weekDayOk || yearDayOk || dailyOk;
}

/** What the lock does with a code typed at its keypad. */
export function judgeKeypadCode(lock: SimLockState, code: string, nowMs: number): KeypadVerdict {
  // Vacation, privacy and locked-out modes all keep user codes from opening (User Code CC v2 keypad modes).
  if (lock.keypadMode !== KeypadMode.Normal) return { opened: false, reason: 'keypad_disabled' };
  if (lock.faults.jammed) return { opened: false, reason: 'jammed' };
  const slot = lock.holderOf(code);
  if (slot === null || lock.slot(slot).status !== UserIDStatus.Enabled) return { opened: false, reason: 'wrong_code' };
  if (!scheduleAllows(lock, slot, nowMs)) return { opened: false, reason: 'outside_schedule' };
  return { opened: true, slot };
}
