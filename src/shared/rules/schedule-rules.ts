import { Temporal } from 'temporal-polyfill';
import type { Schedule } from '../domain/schedule';
import { assertNever } from '../errors';
import { dayCount, possessive } from './words';

/**
 * Whether a temporary grant is longer than the guidelines allow, measured on the wall clock as
 * staff read it: a 30-day limit from Mar 1, 9:00 AM allows up to Mar 31, 9:00 AM, even when a
 * DST change in between makes that 30 days and an hour. Both sides hold grants to it.
 */
export function longerThanDays(schedule: { type: string; starts?: string; ends?: string }, maxDays: number): boolean {
  if (schedule.type !== 'temporary' || !schedule.starts || !schedule.ends) return false;
  const limit = Temporal.PlainDateTime.from(schedule.starts).add({ days: maxDays });
  return Temporal.PlainDateTime.compare(Temporal.PlainDateTime.from(schedule.ends), limit) > 0;
}

export function tooLongMessage(maxDays: number, communityName: string): string {
  return `Temporary access may last at most ${dayCount(maxDays)} under ${possessive(communityName)} guidelines.`;
}

/**
 * A wall-clock time in the community's zone as an instant: a time in a spring-forward gap
 * moves forward, an ambiguous one is the earlier instant (the console's wall-clock.ts does
 * the same for its stored bounds).
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
