import { describe, expect, it } from 'vitest';
import type { Schedule } from '../../../../src/shared/domain/schedule';
import { compileForLock } from '../../../../src/main/access/schedule';

type Recurring = Extract<Schedule, { type: 'recurring' }>;

const zone = 'America/New_York';
/** Matter year-day time: the lock's wall clock as if UTC, seconds since 2000-01-01T00:00. */
const lockSeconds = (wall: string) => Date.parse(`${wall}:00Z`) / 1000 - 946_684_800;
const walker: Recurring = { type: 'recurring', days: ['mon', 'wed', 'fri'], from: '11:00', until: '13:30' };

describe('programming a schedule into a lock', () => {
  it('gives permanent access an unrestricted user with no schedules', () => {
    expect(compileForLock({ type: 'permanent' }, zone)).toEqual({ userType: 'unrestricted_user', weekDaySchedules: [], yearDaySchedules: [] });
  });

  it('gives temporary access a year-day user, in lock-local seconds since 2000', () => {
    expect(compileForLock({ type: 'temporary', starts: '2026-03-14T09:30', ends: '2026-03-16T18:00' }, zone)).toEqual({
      userType: 'year_day_schedule_user',
      weekDaySchedules: [],
      yearDaySchedules: [{ localStartTime: 826_795_800, localEndTime: lockSeconds('2026-03-16T18:00') }],
    });
    expect(lockSeconds('2026-03-14T09:30')).toBe(826_795_800);
    const epoch = compileForLock({ type: 'temporary', starts: '2000-01-01T00:00', ends: '2000-01-01T00:01' }, 'UTC');
    expect(epoch.yearDaySchedules).toEqual([{ localStartTime: 0, localEndTime: 60 }]);
  });

  it('gives an open-ended recurring schedule a week-day user, Sunday being bit 0', () => {
    expect(compileForLock(walker, zone)).toEqual({
      userType: 'week_day_schedule_user',
      weekDaySchedules: [{ daysMask: 0b0101010, startHour: 11, startMinute: 0, endHour: 13, endMinute: 30 }],
      yearDaySchedules: [],
    });
    const mask = (days: Recurring['days']) => compileForLock({ ...walker, days }, zone).weekDaySchedules[0]!.daysMask;
    expect([mask(['sun']), mask(['sat']), mask(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])]).toEqual([1, 64, 127]);
  });

  it('bounds a dated recurring schedule with a year-day schedule the lock must also match', () => {
    expect(compileForLock({ ...walker, startsOn: '2026-03-01', endsOn: '2026-06-30' }, zone)).toEqual({
      userType: 'schedule_restricted_user',
      weekDaySchedules: [{ daysMask: 0b0101010, startHour: 11, startMinute: 0, endHour: 13, endMinute: 30 }],
      yearDaySchedules: [{ localStartTime: lockSeconds('2026-03-01T00:00'), localEndTime: lockSeconds('2026-06-30T13:30') }],
    });
    expect(compileForLock({ ...walker, endsOn: '2026-06-30' }, zone).yearDaySchedules).toEqual([{ localStartTime: 0, localEndTime: lockSeconds('2026-06-30T13:30') }]);
    expect(compileForLock({ ...walker, startsOn: '2026-03-01' }, zone).yearDaySchedules).toEqual([{ localStartTime: lockSeconds('2026-03-01T00:00'), localEndTime: 0xffff_ffff }]);
  });

  it('gives a delivery a disposable user for its window', () => {
    expect(compileForLock({ type: 'delivery', starts: '2026-03-14T09:07', ends: '2026-03-14T11:07' }, zone)).toEqual({
      userType: 'disposable_user',
      weekDaySchedules: [],
      yearDaySchedules: [{ localStartTime: lockSeconds('2026-03-14T09:07'), localEndTime: lockSeconds('2026-03-14T11:07') }],
    });
  });

  it('sends a time in a spring-forward gap as the wall time it moves to, so lock and console open together', () => {
    const user = compileForLock({ type: 'temporary', starts: '2026-03-08T02:30', ends: '2026-03-09T09:00' }, zone);
    expect(user.yearDaySchedules[0]!.localStartTime).toBe(lockSeconds('2026-03-08T03:30'));
  });
});
