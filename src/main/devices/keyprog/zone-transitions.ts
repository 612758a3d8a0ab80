import { Temporal } from 'temporal-polyfill';
import { maxClockTransitions } from './message-limits';
import type { ClockSetting, ZoneTransition } from './commands/set-clock';

/** The last instant SET_CLOCK's u32 fields can hold (2106-02-07). */
const latestUtcSeconds = 0xffff_ffff;

const offsetMinutesOf = (zoned: Temporal.ZonedDateTime) => Math.round(zoned.offsetNanoseconds / 60e9);

/**
 * SET_CLOCK's arguments for a door in `zone` at `at`: the time, the offset now, and the next
 * few offset changes, so a lock without a time zone database keeps the community's wall clock
 * through DST until its next visit (eight transitions: four years of US DST). Temporal reads
 * them from the IANA database, so a rule change lands here with the next tz data, not in code.
 * A zone without DST (UTC, Asia/Tokyo) gets no transitions.
 */
export function zoneTransitions(zone: string, at: Temporal.Instant | Date, max = maxClockTransitions): ClockSetting {
  const instant = at instanceof Date ? Temporal.Instant.fromEpochMilliseconds(at.getTime()) : at;
  const now = instant.toZonedDateTimeISO(zone);
  const transitions: ZoneTransition[] = [];
  let cursor: Temporal.ZonedDateTime | null = now;
  while (transitions.length < max) {
    cursor = cursor.getTimeZoneTransition('next');
    if (!cursor || cursor.epochMilliseconds / 1000 > latestUtcSeconds) break;
    transitions.push({ atUtcSeconds: cursor.epochMilliseconds / 1000, offsetMinutes: offsetMinutesOf(cursor) });
  }
  return { utcSeconds: Math.floor(now.epochMilliseconds / 1000), offsetMinutes: offsetMinutesOf(now), transitions };
}
