import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { ScheduleFit } from '../../../../src/main/devices/live/live-lock-network';
import { isOpenAt } from '../../../../src/main/access/schedule';
import { presence } from '../../../../src/main/hardware/live-locks/presence';
import { weekdays, type Schedule } from '../../../../src/shared/domain/schedule';

const unrestricted = { userType: 'unrestricted_user' as const, weekDaySchedules: [], yearDaySchedules: [] };
const byPorter: ScheduleFit = { by: 'porter', write: unrestricted, why: 'the lock keeps no schedules' };
const byBoth: ScheduleFit = { by: 'both', write: unrestricted, why: 'the lock keeps part' };
const byLock: ScheduleFit = { by: 'lock', write: unrestricted, why: null };

const at = (utc: string) => Temporal.Instant.from(`${utc}Z`);
const nightly: Schedule = { type: 'recurring', days: [...weekdays], from: '01:30', until: '03:00' };
/** Present now, and the UTC minute it next changes. */
const timeline = (schedule: Schedule, fit: ScheduleFit, zone: string, utc: string) => {
  const { present, nextChangeAt } = presence(schedule, fit, zone, at(utc));
  return [present, nextChangeAt?.toString({ smallestUnit: 'minute' }) ?? null];
};

describe('a nightly 01:30-03:00 code kept by Porter across DST', () => {
  it('in New York on the spring-forward night, is on from 01:30 EST until the clock jumps to 03:00', () => {
    // 2026-03-08: 02:00 EST (07:00Z) becomes 03:00 EDT.
    expect(timeline(nightly, byPorter, 'America/New_York', '2026-03-08T06:00')).toEqual([false, '2026-03-08T06:30Z']);
    expect(timeline(nightly, byPorter, 'America/New_York', '2026-03-08T06:45')).toEqual([true, '2026-03-08T07:00Z']);
    expect(timeline(nightly, byPorter, 'America/New_York', '2026-03-08T07:00')).toEqual([false, '2026-03-09T05:30Z']);
  });

  it('in New York on the fall-back night, is off while the repeated hour reads before 01:30 again', () => {
    // 2026-11-01: 02:00 EDT (06:00Z) becomes 01:00 EST.
    expect(timeline(nightly, byPorter, 'America/New_York', '2026-11-01T05:45')).toEqual([true, '2026-11-01T06:00Z']);
    expect(timeline(nightly, byPorter, 'America/New_York', '2026-11-01T06:10')).toEqual([false, '2026-11-01T06:30Z']);
    expect(timeline(nightly, byPorter, 'America/New_York', '2026-11-01T07:00')).toEqual([true, '2026-11-01T08:00Z']);
  });

  it('in Berlin on the spring-forward night, is on for the half hour before 02:00 CET becomes 03:00 CEST', () => {
    // 2026-03-29: 02:00 CET (01:00Z) becomes 03:00 CEST.
    expect(timeline(nightly, byPorter, 'Europe/Berlin', '2026-03-29T00:00')).toEqual([false, '2026-03-29T00:30Z']);
    expect(timeline(nightly, byPorter, 'Europe/Berlin', '2026-03-29T00:40')).toEqual([true, '2026-03-29T01:00Z']);
  });

  it('in Berlin on the fall-back night, stays on through both passes of 02:00-03:00', () => {
    // 2026-10-25: 03:00 CEST (01:00Z) becomes 02:00 CET; 03:00 CET is 02:00Z.
    expect(timeline(nightly, byPorter, 'Europe/Berlin', '2026-10-24T23:00')).toEqual([false, '2026-10-24T23:30Z']);
    expect(timeline(nightly, byPorter, 'Europe/Berlin', '2026-10-25T00:59')).toEqual([true, '2026-10-25T02:00Z']);
  });
});

describe('a temporary code kept by Porter', () => {
  // Ends at 02:30 on the night New York skips 02:00-03:00: 03:30 EDT, 07:30Z, as everywhere in Porter.
  const temporary: Schedule = { type: 'temporary', starts: '2026-03-07T22:00', ends: '2026-03-08T02:30' };

  it('comes off when its end in the spring-forward gap is read forward', () => {
    expect(timeline(temporary, byPorter, 'America/New_York', '2026-03-08T02:00')).toEqual([false, '2026-03-08T03:00Z']);
    expect(timeline(temporary, byPorter, 'America/New_York', '2026-03-08T07:00')).toEqual([true, '2026-03-08T07:30Z']);
    expect(timeline(temporary, byPorter, 'America/New_York', '2026-03-08T07:30')).toEqual([false, null]);
  });

  it('goes on at once when the lock keeps the dates, and comes off at the end to free the slot', () => {
    expect(timeline(temporary, byLock, 'America/New_York', '2026-03-01T12:00')).toEqual([true, '2026-03-08T07:30Z']);
  });
});

describe('a delivery code', () => {
  // 10:00-18:00 EDT is 14:00Z-22:00Z.
  const delivery: Schedule = { type: 'delivery', starts: '2026-05-04T10:00', ends: '2026-05-04T18:00' };

  it('kept by Porter, is on only during the window', () => {
    expect(timeline(delivery, byPorter, 'America/New_York', '2026-05-04T12:00')).toEqual([false, '2026-05-04T14:00Z']);
    expect(timeline(delivery, byPorter, 'America/New_York', '2026-05-04T15:00')).toEqual([true, '2026-05-04T22:00Z']);
    expect(timeline(delivery, byPorter, 'America/New_York', '2026-05-04T23:00')).toEqual([false, null]);
  });

  it('whose window the lock keeps, is on from the grant until the window closes', () => {
    expect(timeline(delivery, byBoth, 'America/New_York', '2026-05-04T12:00')).toEqual([true, '2026-05-04T22:00Z']);
  });
});

describe('a weekly code with a first and last day, the lock keeping the weekly window', () => {
  const walker: Schedule = { type: 'recurring', days: ['mon', 'wed'], from: '11:00', until: '13:30', startsOn: '2026-04-01', endsOn: '2026-06-29' };

  it('is on from midnight of the first day to the end of the last window, whatever the hour', () => {
    expect(timeline(walker, byBoth, 'America/New_York', '2026-03-31T12:00')).toEqual([false, '2026-04-01T04:00Z']);
    expect(timeline(walker, byBoth, 'America/New_York', '2026-05-10T02:00')).toEqual([true, '2026-06-29T17:30Z']);
    expect(timeline(walker, byBoth, 'America/New_York', '2026-06-29T17:30')).toEqual([false, null]);
  });

  it('kept whole by Porter, is on only in the windows between those days', () => {
    // Wednesday 2026-04-01 11:00 EDT is 15:00Z.
    expect(timeline(walker, byPorter, 'America/New_York', '2026-03-20T12:00')).toEqual([false, '2026-04-01T15:00Z']);
  });
});

describe('a permanent code', () => {
  it('is always on and never changes, however the lock runs it', () => {
    for (const fit of [byLock, byPorter]) expect(timeline({ type: 'permanent' }, fit, 'Europe/Berlin', '2026-10-25T01:00')).toEqual([true, null]);
  });
});

const zones = ['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'America/Santiago', 'UTC'];
/** The zone's clock changes in 2026 (none for UTC), so windows, bounds and now land in gaps and repeats. */
function changesOf(zone: string): Temporal.ZonedDateTime[] {
  const changes: Temporal.ZonedDateTime[] = [];
  let next = Temporal.ZonedDateTime.from({ year: 2026, month: 1, day: 1, timeZone: zone }).getTimeZoneTransition('next');
  while (next && next.year === 2026) {
    changes.push(next);
    next = next.getTimeZoneTransition('next');
  }
  return changes.length ? changes : [Temporal.ZonedDateTime.from({ year: 2026, month: 3, day: 29, timeZone: zone })];
}
const minutes = fc.oneof(fc.constantFrom(0, 60, 90, 120, 150, 180), fc.integer({ min: 0, max: 1439 }));
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

function scenario(zone: string) {
  const changes = changesOf(zone);
  const change = fc.constantFrom(...changes);
  const date = fc
    .tuple(change, fc.oneof(fc.constant(0), fc.integer({ min: -6, max: 6 })))
    .map(([c, shift]) => c.toPlainDate().add({ days: shift }));
  const dateTime = fc.tuple(date, minutes).map(([d, m]) => `${d.toString()}T${hhmm(m)}`);
  const schedule: fc.Arbitrary<Schedule> = fc.oneof(
    fc.constant<Schedule>({ type: 'permanent' }),
    fc.tuple(dateTime, fc.integer({ min: 1, max: 6 * 24 * 60 })).map(([starts, length]): Schedule => {
      const ends = Temporal.PlainDateTime.from(starts).add({ minutes: length }).toString({ smallestUnit: 'minute' });
      return { type: 'temporary', starts, ends };
    }),
    fc.tuple(dateTime, fc.integer({ min: 1, max: 24 * 60 })).map(([starts, length]): Schedule => {
      const ends = Temporal.PlainDateTime.from(starts).add({ minutes: length }).toString({ smallestUnit: 'minute' });
      return { type: 'delivery', starts, ends };
    }),
    fc
      .record({
        days: fc.subarray([...weekdays], { minLength: 1 }),
        times: fc.uniqueArray(minutes, { minLength: 2, maxLength: 2 }),
        startsOn: fc.option(date, { nil: undefined }),
        length: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
      })
      .map(({ days, times, startsOn, length }): Schedule => {
        const [from, until] = [...times].sort((a, b) => a - b) as [number, number];
        const firstDay = startsOn ?? Temporal.PlainDate.from('2026-01-01');
        return {
          type: 'recurring',
          days,
          from: hhmm(from),
          until: hhmm(until),
          ...(startsOn ? { startsOn: startsOn.toString() } : {}),
          ...(length !== undefined ? { endsOn: firstDay.add({ days: length }).toString() } : {}),
        };
      }),
  );
  const now = fc.oneof(
    // Within three hours of a clock change, or anywhere in the days around one.
    fc.tuple(change, fc.integer({ min: -3 * 3600_000, max: 3 * 3600_000 })).map(([c, ms]) => c.toInstant().add({ milliseconds: ms })),
    fc.tuple(date, fc.integer({ min: 0, max: 24 * 3600_000 - 1 })).map(([d, ms]) => d.toZonedDateTime({ timeZone: zone }).toInstant().add({ milliseconds: ms })),
  );
  return fc.tuple(fc.constant(zone), schedule, now);
}

/** A daily window whose ends fall on, in and around a clock change, and a now within hours of it. */
function nightNearChange(zone: string) {
  const changes = changesOf(zone);
  return fc.constantFrom(...changes).chain((change) => {
    const before = change.subtract({ milliseconds: 1 }).toPlainTime().round({ smallestUnit: 'minute', roundingMode: 'ceil' });
    const after = change.toPlainTime();
    const around = [before, after].flatMap((t) => [-90, -60, -30, 0, 30, 60, 90].map((m) => t.hour * 60 + t.minute + m));
    const times = fc.uniqueArray(fc.constantFrom(...around.filter((m) => m >= 0 && m < 1440)), { minLength: 2, maxLength: 2 });
    const now = fc.integer({ min: -4 * 3600_000, max: 4 * 3600_000 }).map((ms) => change.toInstant().add({ milliseconds: ms }));
    return fc.tuple(fc.constant(zone), times, now).map(([z, pair, at]): [string, Schedule, Temporal.Instant] => {
      const [from, until] = [...pair].sort((x, y) => x - y) as [number, number];
      return [z, { type: 'recurring', days: [...weekdays], from: hhmm(from), until: hhmm(until) }, at];
    });
  });
}

const openAt = (s: Schedule, zone: string, t: Temporal.Instant) => isOpenAt(s, zone, new Date(t.epochMilliseconds));

describe('Porter keeping a whole schedule', () => {
  const holdsTheSchedule = ([zone, s, now]: [string, Schedule, Temporal.Instant]) => {
    const { present, nextChangeAt } = presence(s, byPorter, zone, now);
    expect(present).toBe(openAt(s, zone, now));
    // Sampled every 7 minutes for two days, then at 60 points spread up to the change (or
    // nine days when nothing changes): the answer does not flip sooner.
    const horizon = nextChangeAt ?? now.add({ hours: 9 * 24 });
    const span = horizon.epochMilliseconds - now.epochMilliseconds;
    const samples = [
      ...Array.from({ length: 2 * 24 * 9 }, (_, i) => now.add({ minutes: 7 * (i + 1) })),
      ...Array.from({ length: 60 }, (_, i) => now.add({ milliseconds: Math.floor((span * i) / 60) })),
    ].filter((t) => Temporal.Instant.compare(t, horizon) < 0);
    for (const t of samples) expect(openAt(s, zone, t)).toBe(present);
    if (nextChangeAt) {
      expect(Temporal.Instant.compare(nextChangeAt, now)).toBe(1);
      expect(openAt(s, zone, nextChangeAt)).toBe(!present);
      expect(openAt(s, zone, nextChangeAt.subtract({ milliseconds: 1 }))).toBe(present);
    }
  };

  it('has the code on exactly when the schedule is open, and names the first instant that changes', () => {
    fc.assert(fc.property(fc.constantFrom(...zones).chain(scenario), holdsTheSchedule), { numRuns: 120 });
  });

  it('does so for nightly windows whose ends fall in, on and around a clock change', () => {
    fc.assert(fc.property(fc.constantFrom(...zones.slice(0, 4)).chain(nightNearChange), holdsTheSchedule), { numRuns: 120 });
  });
});
