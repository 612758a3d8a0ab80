import { describe, expect, it } from 'vitest';
import type { Schedule } from '../../../src/shared/domain/schedule';
import { requiredScheduleKinds } from '../../../src/shared/domain/required-schedule-kinds';

type Recurring = Extract<Schedule, { type: 'recurring' }>;

describe('what a lock must support to hold a schedule', () => {
  it('nothing for permanent access', () => expect(requiredScheduleKinds({ type: 'permanent' })).toEqual([]));

  it('year-day schedules for temporary access', () =>
    expect(requiredScheduleKinds({ type: 'temporary', starts: '2026-03-14T09:00', ends: '2026-03-16T18:00' })).toEqual(['year_day']));

  it('week-day schedules for an open-ended recurring schedule, and year-day ones too once it has dates', () => {
    const s: Recurring = { type: 'recurring', days: ['tue'], from: '09:00', until: '10:00' };
    expect(requiredScheduleKinds(s)).toEqual(['week_day']);
    expect(requiredScheduleKinds({ ...s, startsOn: '2026-03-01' })).toEqual(['week_day', 'year_day']);
    expect(requiredScheduleKinds({ ...s, endsOn: '2026-06-30' })).toEqual(['week_day', 'year_day']);
  });

  it('one-time codes for a delivery', () =>
    expect(requiredScheduleKinds({ type: 'delivery', starts: '2026-03-14T09:00', ends: '2026-03-14T11:00' })).toEqual(['one_time']));
});
