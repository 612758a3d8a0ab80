import { Temporal } from 'temporal-polyfill';
import { weekdays, type Schedule, type Weekday } from './domain/schedule';
import { assertNever } from './errors';

/*
 * Written out by hand rather than with Intl: en-US from ICU puts a narrow no-break space before
 * AM/PM, which turns a text message into UCS-2 and changes with the Node version.
 */
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const dayNames: Record<Weekday, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

/**
 * A short en-US description of a schedule for audit summaries and texts, in the community's
 * wall-clock time as typed: "Until revoked", "Mar 14, 9:00 AM – Mar 16, 6:00 PM",
 * "Mon, Wed, Fri 11:00 AM–1:00 PM from Mar 1 to Jun 30", "One-time, until Mar 14, 11:00 AM".
 */
export function describeSchedule(schedule: Schedule): string {
  switch (schedule.type) {
    case 'permanent':
      return 'Until revoked';
    case 'temporary':
      return describeSpan(Temporal.PlainDateTime.from(schedule.starts), Temporal.PlainDateTime.from(schedule.ends));
    case 'recurring':
      return describeRecurring(schedule);
    case 'delivery':
      return `One-time, until ${dateTime(Temporal.PlainDateTime.from(schedule.ends))}`;
    default:
      return assertNever(schedule, 'schedule');
  }
}

type Recurring = Extract<Schedule, { type: 'recurring' }>;

function describeRecurring(s: Recurring): string {
  const chosen = weekdays.filter((d) => s.days.includes(d)); // Monday first, whatever order they were ticked in
  const days = chosen.length === 7 ? 'Every day' : chosen.map((d) => dayNames[d]).join(', ');
  const window = `${time(Temporal.PlainTime.from(s.from))}–${time(Temporal.PlainTime.from(s.until))}`;
  const first = s.startsOn ? Temporal.PlainDate.from(s.startsOn) : null;
  const last = s.endsOn ? Temporal.PlainDate.from(s.endsOn) : null;
  const withYear = first !== null && last !== null && first.year !== last.year;
  const range = [first && `from ${date(first, withYear)}`, last && `${first ? 'to' : 'until'} ${date(last, withYear)}`];
  return [days, window, ...range].filter(Boolean).join(' ');
}

/** Same day: "Mar 14, 9:00 AM – 6:00 PM"; years only when the span crosses one. */
export function describeSpan(start: Temporal.PlainDateTime, end: Temporal.PlainDateTime): string {
  if (start.toPlainDate().equals(end.toPlainDate())) return `${dateTime(start)} – ${time(end.toPlainTime())}`;
  const withYear = start.year !== end.year;
  return `${dateTime(start, withYear)} – ${dateTime(end, withYear)}`;
}

export function dateTime(at: Temporal.PlainDateTime, withYear = false): string {
  return `${date(at.toPlainDate(), withYear)}, ${time(at.toPlainTime())}`;
}

export function date(d: Temporal.PlainDate, withYear = false): string {
  return `${months[d.month - 1]} ${d.day}${withYear ? `, ${d.year}` : ''}`;
}

export function time(t: Temporal.PlainTime): string {
  const hour12 = t.hour % 12 === 0 ? 12 : t.hour % 12;
  return `${hour12}:${String(t.minute).padStart(2, '0')} ${t.hour < 12 ? 'AM' : 'PM'}`;
}
