/*
 * Schedules across DST changes, checked against an oracle built on Intl (not Temporal), in
 * New York (spring forward 2026-03-08, fall back 2026-11-01) and Sydney (back 2026-04-05,
 * forward 2026-10-04).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Schedule, Weekday } from '../../../../src/shared/domain/schedule';
import { compileForLock, isOpenAt, resolveSchedule } from '../../../../src/main/access/schedule';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MATTER_EPOCH_S = 946_684_800; // 2000-01-01T00:00Z in Unix seconds

const changes = [
  { zone: 'America/New_York', date: '2026-03-08', at: Date.UTC(2026, 2, 8, 7) },
  { zone: 'America/New_York', date: '2026-11-01', at: Date.UTC(2026, 10, 1, 6) },
  { zone: 'Australia/Sydney', date: '2026-04-05', at: Date.UTC(2026, 3, 4, 16) },
  { zone: 'Australia/Sydney', date: '2026-10-04', at: Date.UTC(2026, 9, 3, 16) },
];
const isoWeekdays: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

// ---- the oracle: wall clocks read with Intl ----
const formats = new Map<string, Intl.DateTimeFormat>();
function wallClock(zone: string, ms: number) {
  let f = formats.get(zone);
  if (!f) {
    const opts = { timeZone: zone, hourCycle: 'h23', weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' } as const;
    formats.set(zone, (f = new Intl.DateTimeFormat('en-US', opts)));
  }
  const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  const [y, mo, d, h, mi, s] = [p.year, p.month, p.day, p.hour, p.minute, p.second].map(Number) as number[];
  return {
    text: `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`,
    weekday: p.weekday!.toLowerCase().slice(0, 3) as Weekday,
    minuteOfDay: h! * 60 + mi!,
    asUtc: Date.UTC(y!, mo! - 1, d!, h!, mi!, s!),
  };
}
const offsetAt = (zone: string, ms: number) => wallClock(zone, ms).asUtc - Math.floor(ms / 1000) * 1000;
/** The instant a wall time names: the earlier of two, or moved forward by a gap. */
function instantOfWall(zone: string, text: string): number {
  const asUtc = Date.parse(`${text}:00Z`);
  const before = asUtc - offsetAt(zone, asUtc - DAY);
  const after = asUtc - offsetAt(zone, asUtc + DAY);
  const valid = [before, after].filter((t) => wallClock(zone, t).text === text);
  return valid.length > 0 ? Math.min(...valid) : before;
}
const exists = (zone: string, text: string) => wallClock(zone, instantOfWall(zone, text)).text === text;
const wallText = (asUtc: number) => new Date(asUtc).toISOString().slice(0, 16);
const hhmm = (minutes: number) => wallText(minutes * MINUTE).slice(11);

// ---- arbitraries near the changes ----
const change = fc.constantFrom(...changes);
const nearChange = (c: (typeof changes)[number], spanMs: number) => fc.integer({ min: -spanMs, max: spanMs }).map((d) => c.at + d);
const wallNear = (c: (typeof changes)[number]) =>
  fc.integer({ min: -4 * 24 * 60, max: 4 * 24 * 60 }).map((m) => wallText(Date.parse(`${c.date}T02:00Z`) + m * MINUTE));
const window = fc.integer({ min: 0, max: 1438 }).chain((from) => fc.record({ from: fc.constant(from), until: fc.integer({ min: from + 1, max: 1439 }) }));

describe('a recurring 09:00-11:00 window across a DST change', () => {
  it('reads the oracle right (guard)', () => {
    expect(instantOfWall('America/New_York', '2026-03-06T09:00')).toBe(Date.UTC(2026, 2, 6, 14));
    expect(instantOfWall('America/New_York', '2026-03-09T09:00')).toBe(Date.UTC(2026, 2, 9, 13));
    expect(instantOfWall('America/New_York', '2026-03-08T02:30')).toBe(Date.UTC(2026, 2, 8, 7, 30)); // 03:30 EDT
    expect(instantOfWall('America/New_York', '2026-11-01T01:30')).toBe(Date.UTC(2026, 10, 1, 5, 30)); // first 01:30
  });

  it.each(changes)('opens at 09:00 and 10:59 and not at 08:59 or 11:00, $zone around $date', ({ zone, date }) => {
    const day0 = Date.parse(`${date}T00:00Z`);
    const schedule: Schedule = { type: 'recurring', days: isoWeekdays, from: '09:00', until: '11:00', startsOn: wallText(day0 - 3 * DAY).slice(0, 10), endsOn: wallText(day0 + 3 * DAY).slice(0, 10) };
    for (let d = -3; d <= 3; d++) {
      const at = (time: string) => new Date(instantOfWall(zone, `${wallText(day0 + d * DAY).slice(0, 10)}T${time}`));
      expect([at('09:00'), at('10:59')].map((t) => isOpenAt(schedule, zone, t))).toEqual([true, true]);
      expect([at('08:59'), at('11:00')].map((t) => isOpenAt(schedule, zone, t))).toEqual([false, false]);
      expect(isOpenAt(schedule, zone, new Date(at('11:00').getTime() - 1))).toBe(true);
    }
  });

  it('agrees with the wall clock for random windows, days, bounds and instants', () => {
    const arb = change.chain((c) =>
      fc.record({
        c: fc.constant(c),
        window,
        days: fc.subarray(isoWeekdays, { minLength: 1 }),
        bounds: fc.option(fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: 0, max: 5 }))),
        at: nearChange(c, 6 * DAY),
      }),
    );
    fc.assert(
      fc.property(arb, ({ c, window: w, days, bounds, at }) => {
        const day = (n: number) => wallText(Date.parse(`${c.date}T00:00Z`) + n * DAY).slice(0, 10);
        const [startsOn, endsOn] = bounds ? [day(bounds[0]), day(bounds[0] + bounds[1])] : [undefined, undefined];
        const schedule: Schedule = { type: 'recurring', days, from: hhmm(w.from), until: hhmm(w.until), ...(bounds ? { startsOn, endsOn } : {}) };
        const wall = wallClock(c.zone, at);
        const within = !bounds || (at >= instantOfWall(c.zone, `${startsOn}T00:00`) && at < instantOfWall(c.zone, `${endsOn}T${hhmm(w.until)}`));
        const expected = within && days.includes(wall.weekday) && wall.minuteOfDay >= w.from && wall.minuteOfDay < w.until;
        expect(isOpenAt(schedule, c.zone, new Date(at))).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('stays open through both passes of a repeated hour, and never opens in a skipped one', () => {
    const zone = 'America/New_York';
    const repeated: Schedule = { type: 'recurring', days: ['sun'], from: '01:00', until: '02:00' };
    expect(isOpenAt(repeated, zone, new Date(Date.UTC(2026, 10, 1, 5, 30)))).toBe(true); // 01:30 EDT
    expect(isOpenAt(repeated, zone, new Date(Date.UTC(2026, 10, 1, 6, 30)))).toBe(true); // 01:30 EST
    const skipped: Schedule = { type: 'recurring', days: ['sun'], from: '02:00', until: '03:00' };
    for (let m = -60; m < 120; m++) expect(isOpenAt(skipped, zone, new Date(Date.UTC(2026, 2, 8, 7) + m * MINUTE))).toBe(false);
  });
});

describe('a delivery window across a DST change', () => {
  it('ends exactly its window of elapsed time after it starts', () => {
    const zone = 'America/New_York';
    const springs = resolveSchedule({ type: 'delivery', starts: '2026-03-08T01:30' }, { zone, now: new Date(0), deliveryWindowMinutes: 60 });
    expect(springs).toEqual({ type: 'delivery', starts: '2026-03-08T01:30', ends: '2026-03-08T03:30' });
    const sydney = resolveSchedule({ type: 'delivery', starts: '2026-10-04T01:45' }, { zone: 'Australia/Sydney', now: new Date(0), deliveryWindowMinutes: 30 });
    expect(sydney.type === 'delivery' && sydney.ends).toBe('2026-10-04T03:15');
  });

  it('ends at the end of a repeated hour rather than early, when its true end falls in the second pass', () => {
    // 01:50 EDT + 60 minutes is 01:50 EST, which as text would read as 01:50 EDT: no window at all.
    const s = resolveSchedule({ type: 'delivery', starts: '2026-11-01T01:50' }, { zone: 'America/New_York', now: new Date(0), deliveryWindowMinutes: 60 });
    expect(s).toEqual({ type: 'delivery', starts: '2026-11-01T01:50', ends: '2026-11-01T02:00' });
  });

  it('for any start, typed or now: exactly the window, or up to one repeated hour longer, never shorter', () => {
    const arb = change.chain((c) =>
      fc.record({
        zone: fc.constant(c.zone),
        minutes: fc.integer({ min: 1, max: 600 }),
        start: fc.oneof(wallNear(c).map((typed) => ({ typed })), nearChange(c, 12 * HOUR).map((now) => ({ now }))),
      }),
    );
    fc.assert(
      fc.property(arb, ({ zone, minutes, start }) => {
        const now = 'now' in start ? start.now : 0;
        const s = resolveSchedule({ type: 'delivery', ...('typed' in start ? { starts: start.typed } : {}) }, { zone, now: new Date(now), deliveryWindowMinutes: minutes });
        if (s.type !== 'delivery') throw new Error('not a delivery');
        const trueStart = 'typed' in start ? instantOfWall(zone, start.typed) : Math.floor(now / MINUTE) * MINUTE;
        const trueEnd = trueStart + minutes * MINUTE;
        const [readStart, readEnd] = [instantOfWall(zone, s.starts), instantOfWall(zone, s.ends)];
        const nameable = (t: number) => instantOfWall(zone, wallClock(zone, t).text) === t;
        if (nameable(trueStart) && nameable(trueEnd)) expect(readEnd - readStart).toBe(minutes * MINUTE);
        expect(readEnd).toBeGreaterThanOrEqual(trueEnd);
        expect(readEnd - trueEnd).toBeLessThanOrEqual(HOUR);
        expect(readStart).toBeLessThanOrEqual(trueStart);
      }),
      { numRuns: 500 },
    );
  });
});

describe('lock programming across a DST change', () => {
  const lockSeconds = (wall: string) => Date.parse(`${wall}:00Z`) / 1000 - MATTER_EPOCH_S;

  it('keeps year-day times as the wall clock, so a change in between does not move them', () => {
    const user = compileForLock({ type: 'temporary', starts: '2026-03-07T09:00', ends: '2026-03-09T09:00' }, 'America/New_York');
    expect(user.yearDaySchedules).toEqual([{ localStartTime: lockSeconds('2026-03-07T09:00'), localEndTime: lockSeconds('2026-03-09T09:00') }]);
    expect(user.yearDaySchedules[0]!.localEndTime - user.yearDaySchedules[0]!.localStartTime).toBe(2 * 86_400); // 47 real hours
  });

  it('gives the same times in any zone, for wall times that exist there', () => {
    const arb = change.chain((c) => fc.record({ zone: fc.constant(c.zone), a: wallNear(c), b: wallNear(c), w: window, days: fc.subarray(isoWeekdays, { minLength: 1 }) }));
    fc.assert(
      fc.property(arb, ({ zone, a, b, w, days }) => {
        const [starts, ends] = a < b ? [a, b] : [b, a];
        fc.pre(starts !== ends && exists(zone, starts) && exists(zone, ends) && exists(zone, `${ends.slice(0, 10)}T${hhmm(w.until)}`));
        const temporary: Schedule = { type: 'temporary', starts, ends };
        const recurring: Schedule = { type: 'recurring', days, from: hhmm(w.from), until: hhmm(w.until), startsOn: starts.slice(0, 10), endsOn: ends.slice(0, 10) };
        for (const s of [temporary, recurring]) expect(compileForLock(s, zone)).toEqual(compileForLock(s, 'UTC'));
        expect(compileForLock(temporary, zone).yearDaySchedules).toEqual([{ localStartTime: lockSeconds(starts), localEndTime: lockSeconds(ends) }]);
        expect(compileForLock(recurring, zone).weekDaySchedules[0]).toMatchObject({ startHour: Math.floor(w.from / 60), startMinute: w.from % 60, endHour: Math.floor(w.until / 60), endMinute: w.until % 60 });
      }),
      { numRuns: 300 },
    );
  });

  it('opens the lock, reading its own wall clock, exactly when the console says, outside a repeated hour', () => {
    const arb = change.chain((c) => fc.record({ zone: fc.constant(c.zone), a: wallNear(c), b: wallNear(c), w: window, days: fc.subarray(isoWeekdays, { minLength: 1 }), at: nearChange(c, 5 * DAY) }));
    fc.assert(
      fc.property(arb, ({ zone, a, b, w, days, at }) => {
        const [starts, ends] = a < b ? [a, b] : [b, a];
        const wall = wallClock(zone, at);
        fc.pre(starts !== ends && exists(zone, starts) && exists(zone, ends) && instantOfWall(zone, wall.text) === Math.floor(at / MINUTE) * MINUTE);
        const lockNow = wall.asUtc / 1000 - MATTER_EPOCH_S; // the lock's own wall clock; ends taken as exclusive, as the console does
        const schedules: Schedule[] = [
          { type: 'temporary', starts, ends },
          { type: 'recurring', days, from: hhmm(w.from), until: hhmm(w.until), startsOn: starts.slice(0, 10), endsOn: ends.slice(0, 10) },
        ];
        for (const s of schedules) {
          const user = compileForLock(s, zone);
          const inYear = user.yearDaySchedules.every((y) => lockNow >= y.localStartTime && lockNow < y.localEndTime);
          const dayBit = 1 << (isoWeekdays.indexOf(wall.weekday) + 1) % 7; // Sunday is bit 0
          const inWeek = user.weekDaySchedules.every(
            (x) => (x.daysMask & dayBit) !== 0 && wall.minuteOfDay >= x.startHour * 60 + x.startMinute && wall.minuteOfDay < x.endHour * 60 + x.endMinute,
          );
          expect(inYear && inWeek).toBe(isOpenAt(s, zone, new Date(at)));
        }
      }),
      { numRuns: 300 },
    );
  });
});
