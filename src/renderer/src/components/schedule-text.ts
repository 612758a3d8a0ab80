import { weekdays, type Schedule } from '../../../shared/domain';
import { assertNever } from '../../../shared/errors';
import { weekdayNames } from './labels';
import { formatDate, formatDateTime, formatTime, fromLocalDate, fromLocalDateTime, fromLocalTime } from './wall-clock';

type Recurring = Extract<Schedule, { type: 'recurring' }>;

/**
 * A credential's window as staff read it, in the community's wall-clock time: "Until revoked",
 * "Mar 14, 9:00 AM – Mar 16, 6:00 PM", "Mon, Wed, Fri 11:00 AM – 1:00 PM, from Mar 1 to Jun 30",
 * "One-time code, Mar 14, 9:00 AM – 11:00 AM".
 */
export function describeSchedule(schedule: Schedule): string {
  switch (schedule.type) {
    case 'permanent':
      return 'Until revoked';
    case 'temporary':
      return describeSpan(schedule.starts, schedule.ends);
    case 'recurring':
      return describeRecurring(schedule);
    case 'delivery':
      return `One-time code, ${describeSpan(schedule.starts, schedule.ends)}`;
    default:
      return assertNever(schedule, 'schedule');
  }
}

/** Same day: "Mar 14, 9:00 AM – 6:00 PM"; years only when the span crosses one. */
function describeSpan(startsText: string, endsText: string): string {
  const starts = fromLocalDateTime(startsText);
  const ends = fromLocalDateTime(endsText);
  if (starts.year === ends.year && starts.month === ends.month && starts.day === ends.day)
    return `${formatDateTime(starts)} – ${formatTime(ends)}`;
  const withYear = starts.year !== ends.year;
  return `${formatDateTime(starts, withYear)} – ${formatDateTime(ends, withYear)}`;
}

export function describeDays(days: readonly string[]): string {
  const chosen = weekdays.filter((d) => days.includes(d));
  if (chosen.length === 7) return 'Every day';
  if (chosen.join() === 'mon,tue,wed,thu,fri') return 'Weekdays';
  if (chosen.join() === 'sat,sun') return 'Weekends';
  return chosen.map((d) => weekdayNames[d].short).join(', ');
}

function describeRecurring(s: Recurring): string {
  const window = `${formatTime(fromLocalTime(s.from))} – ${formatTime(fromLocalTime(s.until))}`;
  const first = s.startsOn ? fromLocalDate(s.startsOn) : null;
  const last = s.endsOn ? fromLocalDate(s.endsOn) : null;
  const withYear = first !== null && last !== null && first.year !== last.year;
  const range =
    first && last
      ? `, from ${formatDate(first, withYear)} to ${formatDate(last, withYear)}`
      : first
        ? `, from ${formatDate(first)}`
        : last
          ? `, until ${formatDate(last)}`
          : '';
  return `${describeDays(s.days)} ${window}${range}`;
}
