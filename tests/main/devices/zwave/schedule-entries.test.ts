import { describe, expect, it } from 'vitest';
import type { Schedule } from '../../../../src/shared/domain/schedule';
import { compileForLock } from '../../../../src/main/access/schedule';
import { fitSchedule, scheduleEntries } from '../../../../src/main/devices/zwave/schedule-entries';

type Recurring = Extract<Schedule, { type: 'recurring' }>;

const zone = 'America/New_York';
const user = (schedule: Schedule) => compileForLock(schedule, zone);
const slots = (weekDay: number, yearDay: number, dailyRepeating: number) => ({ weekDay, yearDay, dailyRepeating });
const noSchedules = slots(0, 0, 0);
/** A lock of Schedule Entry Lock v2: week-day and year-day slots, no daily repeating. */
const v2 = slots(7, 2, 0);
/** v3 adds daily repeating. */
const v3 = slots(7, 2, 1);

const walker: Recurring = { type: 'recurring', days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '11:00', until: '13:30' };
const unrestricted = { userType: 'unrestricted_user', weekDaySchedules: [], yearDaySchedules: [] };

describe('a Z-Wave lock running a permanent code', () => {
  it('is given an unrestricted user and no entries, whatever slots it has', () => {
    for (const lock of [noSchedules, v2, v3]) {
      expect(fitSchedule(user({ type: 'permanent' }), lock)).toEqual({ by: 'lock', write: unrestricted, why: null });
      expect(scheduleEntries(user({ type: 'permanent' }), lock)).toEqual({ kind: null, weekDay: [], yearDay: [], dailyRepeating: [] });
    }
  });
});

describe('a Z-Wave lock running temporary access', () => {
  const temporary: Schedule = { type: 'temporary', starts: '2026-03-14T09:30', ends: '2026-03-16T18:00' };

  it('holds the dates as one year-day entry, the year in two digits as Z-Wave carries it', () => {
    expect(fitSchedule(user(temporary), v2)).toMatchObject({ by: 'lock', why: null });
    expect(scheduleEntries(user(temporary), v2)).toEqual({
      kind: 'year_day',
      weekDay: [],
      dailyRepeating: [],
      yearDay: [
        { startYear: 26, startMonth: 3, startDay: 14, startHour: 9, startMinute: 30, stopYear: 26, stopMonth: 3, stopDay: 16, stopHour: 18, stopMinute: 0 },
      ],
    });
  });

  it('keeps the wall clock across a DST change and moves an end in the spring-forward gap forward, as Porter does', () => {
    // New York skips 02:00-03:00 on 2026-03-08; 02:30 means 03:30 EDT.
    const entries = scheduleEntries(user({ type: 'temporary', starts: '2026-03-07T22:00', ends: '2026-03-08T02:30' }), v2);
    expect(entries.yearDay[0]).toMatchObject({ startDay: 7, startHour: 22, startMinute: 0, stopDay: 8, stopHour: 3, stopMinute: 30 });
  });

  it('is left to Porter on a lock with no year-day slots, and the lock gets the code unscheduled', () => {
    const fit = fitSchedule(user(temporary), slots(7, 0, 1));
    expect(fit).toEqual({
      by: 'porter',
      write: unrestricted,
      why: 'This lock keeps no dated schedules: Porter adds the code when access starts and removes it when it ends.',
    });
    expect(scheduleEntries(user(temporary), slots(7, 0, 1)).kind).toBeNull();
  });

  it('is left to Porter when it ends after 2099, the last year Z-Wave can carry', () => {
    const far = fitSchedule(user({ type: 'temporary', starts: '2099-12-31T09:00', ends: '2100-01-01T09:00' }), v2);
    expect(far).toMatchObject({ by: 'porter', write: unrestricted });
    expect(far.why).toContain('cannot hold these dates');
  });
});

describe('a Z-Wave lock running a weekly window', () => {
  it('prefers one daily-repeating entry for all the days where the lock has them', () => {
    expect(fitSchedule(user(walker), v3)).toMatchObject({ by: 'lock', why: null });
    expect(scheduleEntries(user(walker), v3)).toEqual({
      kind: 'daily_repeating',
      weekDay: [],
      yearDay: [],
      dailyRepeating: [{ weekdays: [1, 2, 3, 4, 5], startHour: 11, startMinute: 0, durationHour: 2, durationMinute: 30 }],
    });
  });

  it('uses one week-day entry per day, Sunday being 0, on a lock without daily repeating', () => {
    const entries = scheduleEntries(user({ ...walker, days: ['sun', 'wed', 'sat'] }), v2);
    expect(entries.kind).toBe('week_day');
    expect(entries.weekDay).toEqual([0, 3, 6].map((weekday) => ({ weekday, startHour: 11, startMinute: 0, stopHour: 13, stopMinute: 30 })));
  });

  it('is left to Porter when five days need more week-day slots than the lock keeps', () => {
    const fit = fitSchedule(user(walker), slots(2, 2, 0));
    expect(fit).toEqual({
      by: 'porter',
      write: unrestricted,
      why: 'This lock keeps 2 weekly time slots per code and this schedule needs 5: Porter adds the code when each window opens and removes it when it closes.',
    });
    expect(scheduleEntries(user(walker), slots(2, 2, 0)).kind).toBeNull();
    // Two days fit the same lock.
    expect(fitSchedule(user({ ...walker, days: ['mon', 'thu'] }), slots(2, 2, 0)).by).toBe('lock');
  });

  it('is left to Porter on a lock with no Schedule Entry Lock at all', () => {
    expect(fitSchedule(user(walker), noSchedules)).toMatchObject({ by: 'porter', why: expect.stringContaining('keeps no weekly schedules') });
  });

  it('leaves a window that does not end after it starts to Porter rather than splitting it', () => {
    const backwards = { userType: 'week_day_schedule_user' as const, weekDaySchedules: [{ daysMask: 2, startHour: 22, startMinute: 0, endHour: 6, endMinute: 0 }], yearDaySchedules: [] };
    expect(fitSchedule(backwards, v3)).toMatchObject({ by: 'porter', write: unrestricted, why: expect.stringContaining('ends before it starts') });
  });
});

describe('a Z-Wave lock running a weekly window with a first and last day', () => {
  const dated: Recurring = { ...walker, startsOn: '2026-04-01', endsOn: '2026-06-30' };

  it('keeps the weekly window and leaves the dates to Porter, since a Z-Wave user runs one kind of schedule', () => {
    const fit = fitSchedule(user(dated), v3);
    expect(fit.by).toBe('both');
    expect(fit.write).toEqual({ userType: 'week_day_schedule_user', weekDaySchedules: user(walker).weekDaySchedules, yearDaySchedules: [] });
    expect(fit.why).toBe(
      'Z-Wave locks cannot hold a weekly window and dates together: the lock keeps the weekly window, and Porter adds the code on the first day and removes it after the last.',
    );
    const entries = scheduleEntries(user(dated), v3);
    expect([entries.kind, entries.yearDay]).toEqual(['daily_repeating', []]);
  });

  it('is left to Porter whole when the weekly window does not fit either', () => {
    expect(fitSchedule(user(dated), slots(2, 2, 0))).toMatchObject({ by: 'porter', write: unrestricted });
  });
});

describe('a Z-Wave lock running a delivery code', () => {
  const delivery: Schedule = { type: 'delivery', starts: '2026-05-04T10:00', ends: '2026-05-04T18:00' };

  it('keeps the window as a year-day user, and Porter removes the code once used, as Z-Wave has no one-time user', () => {
    const fit = fitSchedule(user(delivery), v2);
    expect(fit).toMatchObject({ by: 'both', write: { userType: 'year_day_schedule_user' } });
    expect(fit.why).toContain('no one-time codes');
    expect(scheduleEntries(user(delivery), v2).yearDay).toEqual([
      { startYear: 26, startMonth: 5, startDay: 4, startHour: 10, startMinute: 0, stopYear: 26, stopMonth: 5, stopDay: 4, stopHour: 18, stopMinute: 0 },
    ]);
  });

  it('is left to Porter whole on a lock with no year-day slots', () => {
    expect(fitSchedule(user(delivery), slots(7, 0, 0))).toMatchObject({ by: 'porter', write: unrestricted, why: expect.stringContaining('when the delivery window opens') });
  });
});

describe('fitting twice', () => {
  it('gives the same entries for the compiled user and for the user the lock is given', () => {
    const schedules: Schedule[] = [
      { type: 'permanent' },
      { type: 'temporary', starts: '2026-03-14T09:30', ends: '2026-03-16T18:00' },
      walker,
      { ...walker, endsOn: '2026-09-01' },
      { type: 'delivery', starts: '2026-05-04T10:00', ends: '2026-05-04T18:00' },
    ];
    for (const lock of [noSchedules, v2, v3, slots(2, 0, 0)])
      for (const schedule of schedules) {
        const write = fitSchedule(user(schedule), lock).write;
        expect(scheduleEntries(write, lock)).toEqual(scheduleEntries(user(schedule), lock));
        expect(fitSchedule(write, lock).write).toEqual(write);
      }
  });
});
