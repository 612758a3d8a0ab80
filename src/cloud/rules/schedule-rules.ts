import { Temporal } from 'temporal-polyfill';
import type { Schedule } from '../../shared/domain';
import { assertNever } from '../../shared/errors';

/**
 * A wall-clock time in the community's zone as an instant. 'compatible' matches the console:
 * a time in a spring-forward gap moves forward, an ambiguous one is the earlier instant.
 */
function instantOf(local: string, zone: string): string {
  const zoned = Temporal.PlainDateTime.from(local).toZonedDateTime(zone, { disambiguation: 'compatible' });
  return new Date(zoned.epochMilliseconds).toISOString();
}

/** When a schedule is over for good, or null when it never ends on its own. */
export function scheduleEndsAt(schedule: Schedule, zone: string): string | null {
  switch (schedule.type) {
    case 'permanent':
      return null;
    case 'temporary':
    case 'delivery':
      return instantOf(schedule.ends, zone);
    case 'recurring':
      return schedule.endsOn ? instantOf(`${schedule.endsOn}T${schedule.until}`, zone) : null;
    default:
      return assertNever(schedule, 'schedule');
  }
}

/**
 * Whether a temporary grant is longer than the guidelines allow, measured on the wall clock
 * as staff read it (30 days from Mar 1, 9:00 AM reaches Mar 31, 9:00 AM across a DST change).
 */
export function longerThanDays(schedule: Schedule, maxDays: number): boolean {
  if (schedule.type !== 'temporary') return false;
  const limit = Temporal.PlainDateTime.from(schedule.starts).add({ days: maxDays });
  return Temporal.PlainDateTime.compare(Temporal.PlainDateTime.from(schedule.ends), limit) > 0;
}
