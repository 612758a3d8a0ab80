import {
  CalendarDate,
  CalendarDateTime,
  now,
  parseDate,
  parseDateTime,
  parseTime,
  Time,
  toCalendarDateTime,
} from '@internationalized/date';

/**
 * Schedules are wall-clock text in the community's time zone ('2026-03-14T09:30'), never
 * instants: the pickers edit CalendarDateTime / CalendarDate / Time and no zone is applied.
 */
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function toLocalDateTime(value: CalendarDateTime): string {
  return `${toLocalDate(value)}T${pad(value.hour)}:${pad(value.minute)}`;
}

export function toLocalDate(value: CalendarDate | CalendarDateTime): string {
  return `${pad(value.year, 4)}-${pad(value.month)}-${pad(value.day)}`;
}

export function toLocalTime(value: Time): string {
  return `${pad(value.hour)}:${pad(value.minute)}`;
}

export const fromLocalDateTime = (text: string): CalendarDateTime => parseDateTime(text);
export const fromLocalDate = (text: string): CalendarDate => parseDate(text);
export const fromLocalTime = (text: string): Time => parseTime(text);

/** The community's wall clock now, to the minute (the console may run in another zone). */
export function communityNow(timeZone: string): CalendarDateTime {
  return toCalendarDateTime(now(timeZone)).set({ second: 0, millisecond: 0 });
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/*
 * Written out by hand, as the core does for texts: Intl's en-US puts a narrow no-break space
 * before AM/PM, which reads the same but differs from what staff type when they search.
 */
export function formatTime(value: { hour: number; minute: number }): string {
  const hour12 = value.hour % 12 === 0 ? 12 : value.hour % 12;
  return `${hour12}:${pad(value.minute)} ${value.hour < 12 ? 'AM' : 'PM'}`;
}

export function formatDate(value: { year: number; month: number; day: number }, withYear = false): string {
  return `${months[value.month - 1]} ${value.day}${withYear ? `, ${value.year}` : ''}`;
}

export function formatDateTime(value: CalendarDateTime, withYear = false): string {
  return `${formatDate(value, withYear)}, ${formatTime(value)}`;
}

/** "2 hours", "90 minutes", "1 hour 30 minutes". */
export function formatMinutes(total: number): string {
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  const h = hours === 1 ? '1 hour' : `${hours} hours`;
  const m = minutes === 1 ? '1 minute' : `${minutes} minutes`;
  if (hours === 0) return m;
  return minutes === 0 ? h : `${h} ${m}`;
}

/** "Central Time" style name of the zone, falling back to the IANA name. */
export function zoneName(timeZone: string): string {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longGeneric' }).formatToParts(new Date());
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}
