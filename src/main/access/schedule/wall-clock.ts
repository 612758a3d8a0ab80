import { Temporal } from 'temporal-polyfill';
import { weekdays, type Weekday } from '../../../shared/domain/schedule';

/**
 * Schedules are kept as wall-clock text in the community's IANA zone; this file is the one
 * place that turns that text into instants and back, so every rule below is applied alike.
 *
 * Local times that do not exist or that happen twice follow Temporal's 'compatible'
 * disambiguation (the same rule as RFC 5545 and java.time):
 * - a time inside a spring-forward gap moves forward by the length of the gap
 *   (02:30 on the night New York skips 02:00-03:00 means 03:30 EDT);
 * - a time that happens twice at a fall-back means its earlier occurrence
 *   (01:30 on the night New York repeats 01:00-02:00 means 01:30 EDT, the first one).
 */
export function instantOf(local: Temporal.PlainDateTime, zone: string): Temporal.Instant {
  return local.toZonedDateTime(zone, { disambiguation: 'compatible' }).toInstant();
}

/** The wall clock in `zone` at an instant. */
export function wallClockAt(instant: Temporal.Instant, zone: string): Temporal.PlainDateTime {
  return instant.toZonedDateTimeISO(zone).toPlainDateTime();
}

/** Reads a LocalDateTime ('2026-03-14T09:30'). */
export function parseLocalDateTime(text: string): Temporal.PlainDateTime {
  return Temporal.PlainDateTime.from(text);
}

/** A LocalDate at a LocalTime ('2026-03-14', '09:30'); midnight when no time is given. */
export function localDateAt(date: string, time = '00:00'): Temporal.PlainDateTime {
  return Temporal.PlainDate.from(date).toPlainDateTime(Temporal.PlainTime.from(time));
}

/** Writes a LocalDateTime the way the schema stores it, to the minute. */
export function formatLocalDateTime(local: Temporal.PlainDateTime): string {
  return local.toString({ smallestUnit: 'minute', roundingMode: 'trunc' });
}

/**
 * The first wall-clock minute whose reading (under the rule above) is not before `instant`.
 * Usually that is simply the wall clock at the instant. The exception is the second pass of a
 * repeated hour: its wall times read as the first pass, an hour early, so the nearest honest
 * text is the minute the repeat ends. A window's end is moved later, never earlier, because a
 * window that closes early locks out the person it was made for.
 */
export function wallClockNotBefore(instant: Temporal.Instant, zone: string): Temporal.PlainDateTime {
  let local = wallClockAt(instant, zone).round({ smallestUnit: 'minute', roundingMode: 'ceil' });
  // Readings only grow as the wall clock grows, so this stops by the end of the repeat.
  while (Temporal.Instant.compare(instantOf(local, zone), instant) < 0) local = local.add({ minutes: 1 });
  return local;
}

export function toDate(instant: Temporal.Instant): Date {
  return new Date(instant.epochMilliseconds);
}

export function fromDate(date: Date): Temporal.Instant {
  return Temporal.Instant.fromEpochMilliseconds(date.getTime());
}

/** The weekday of a wall-clock date, as the schedule names it. */
export function weekdayOf(local: Temporal.PlainDateTime | Temporal.PlainDate): Weekday {
  return weekdays[local.dayOfWeek - 1]!; // ISO dayOfWeek: 1 is Monday, as in `weekdays`
}
