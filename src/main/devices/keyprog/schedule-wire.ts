import type { WeekDaySchedule, YearDaySchedule } from '../../../shared/domain/matter-door-lock';
import type { ByteReader, ByteWriter } from '../framing/bytes';
import type { Codec } from './commands/command';

/*
 * Schedules as they travel, after Matter's SetWeekDaySchedule and SetYearDaySchedule. A reader's
 * unlocked windows use the same five bytes as a user's week-day schedule.
 */

const minutesOf = (hour: number, minute: number) => hour * 60 + minute;

/** 5 bytes: days mask (bit 0 Sunday), start hour, start minute, end hour, end minute. */
export const weekDayWire: Codec<WeekDaySchedule> = {
  write(w, s) {
    w.u8(s.daysMask, 'days mask').u8(s.startHour, 'start hour').u8(s.startMinute, 'start minute');
    w.u8(s.endHour, 'end hour').u8(s.endMinute, 'end minute');
  },
  read(r) {
    const schedule = {
      daysMask: r.u8('days mask'),
      startHour: r.u8('start hour'),
      startMinute: r.u8('start minute'),
      endHour: r.u8('end hour'),
      endMinute: r.u8('end minute'),
    };
    // Matter's own limits (§5.2.10.12): some day, hours 0-23, minutes 0-59, start before end.
    const { daysMask, startHour, startMinute, endHour, endMinute } = schedule;
    if (daysMask === 0 || daysMask > 0x7f) r.fail(`days mask 0x${daysMask.toString(16)} names no day or more than seven`);
    if (startHour > 23 || endHour > 23 || startMinute > 59 || endMinute > 59) r.fail('a week-day time is not a time of day');
    if (minutesOf(startHour, startMinute) >= minutesOf(endHour, endMinute)) r.fail('a week-day window ends before it starts');
    return schedule;
  },
};

/** 8 bytes: start u32, end u32, both lock-local epoch-s (seconds from 2000-01-01 on the lock's wall clock). */
export const yearDayWire: Codec<YearDaySchedule> = {
  write(w, s) {
    w.u32(s.localStartTime, 'year-day start').u32(s.localEndTime, 'year-day end');
  },
  read(r) {
    const schedule = { localStartTime: r.u32('year-day start'), localEndTime: r.u32('year-day end') };
    if (schedule.localStartTime >= schedule.localEndTime) r.fail('a year-day schedule ends before it starts');
    return schedule;
  },
};

/** A u8 count, then the items. */
export function writeList<T>(w: ByteWriter, codec: Codec<T>, items: readonly T[], what: string): void {
  w.u8(items.length, `${what} count`);
  for (const item of items) codec.write(w, item);
}

export function readList<T>(r: ByteReader, codec: Codec<T>, what: string): T[] {
  const count = r.u8(`${what} count`);
  const items: T[] = [];
  for (let i = 0; i < count && r.problem === undefined; i++) items.push(codec.read(r));
  return items;
}
