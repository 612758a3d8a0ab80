import { CalendarDateTime } from '@internationalized/date';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Schedule } from '../../src/shared/domain';
import { communityNow } from '../../src/renderer/src/components/wall-clock';
import { draftFromSchedule, newScheduleDraft, toScheduleRequest, type ScheduleDraft } from '../../src/renderer/src/features/access/grant-form/schedule-draft';

const at = (text: string) => {
  const [date, time] = text.split('T');
  const [y, mo, d] = date!.split('-').map(Number);
  const [h, mi] = time!.split(':').map(Number);
  return new CalendarDateTime(y!, mo!, d!, h!, mi!);
};
const morning = at('2026-03-14T09:40');

afterEach(() => {
  vi.useRealTimers();
});

describe('a fresh schedule draft', () => {
  it('offers a stay from now to the same time tomorrow, a 9-to-5 week with no days, and a delivery from the next whole hour', () => {
    const draft = newScheduleDraft('temporary', morning);
    expect(toScheduleRequest(draft)).toEqual({ type: 'temporary', starts: '2026-03-14T09:40', ends: '2026-03-15T09:40' });
    expect(toScheduleRequest({ ...draft, type: 'recurring' })).toBeNull(); // no day picked yet
    expect(toScheduleRequest({ ...draft, type: 'delivery' })).toEqual({ type: 'delivery' }); // starts when granted
    expect(toScheduleRequest({ ...draft, type: 'delivery', delivery: { ...draft.delivery, startsLater: true } })).toEqual({
      type: 'delivery',
      starts: '2026-03-14T10:00',
    });
  });

  it('keeps wall-clock days across the spring-forward night: tomorrow is the same hour, not 24 hours on', () => {
    // US clocks go forward at 02:00 on 2026-03-08; a stay from 09:00 the day before ends at 09:00.
    const draft = newScheduleDraft('temporary', at('2026-03-07T09:00'));
    expect(toScheduleRequest(draft)).toMatchObject({ starts: '2026-03-07T09:00', ends: '2026-03-08T09:00' });
  });

  it('rolls a late-evening delivery start over to midnight of the next day', () => {
    const draft = newScheduleDraft('delivery', at('2026-12-31T23:30'));
    expect(toScheduleRequest({ ...draft, delivery: { ...draft.delivery, startsLater: true } })).toEqual({ type: 'delivery', starts: '2027-01-01T00:00' });
  });
});

describe('what a schedule draft asks the core for', () => {
  const fresh = newScheduleDraft('permanent', morning);
  const recurring = (patch: Partial<ScheduleDraft['recurring']>): ScheduleDraft => ({ ...fresh, type: 'recurring', recurring: { ...fresh.recurring, ...patch } });

  it('asks nothing while a required field is empty, saying null', () => {
    expect(toScheduleRequest({ ...fresh, type: 'temporary', temporary: { starts: null, ends: morning } })).toBeNull();
    expect(toScheduleRequest({ ...fresh, type: 'temporary', temporary: { starts: morning, ends: null } })).toBeNull();
    expect(toScheduleRequest(recurring({ days: ['mon'], from: null }))).toBeNull();
    expect(toScheduleRequest(recurring({ days: ['mon'], until: null }))).toBeNull();
    expect(toScheduleRequest(recurring({ days: [] }))).toBeNull();
    expect(toScheduleRequest({ ...fresh, type: 'delivery', delivery: { startsLater: true, starts: null } })).toBeNull();
  });

  it('sends a weekly window with its dates only when staff set them', () => {
    expect(toScheduleRequest(recurring({ days: ['mon', 'wed'] }))).toEqual({ type: 'recurring', days: ['mon', 'wed'], from: '09:00', until: '17:00' });
    const limited = draftFromSchedule({ type: 'recurring', days: ['fri'], from: '07:05', until: '08:00', startsOn: '2026-04-01', endsOn: '2026-06-30' }, morning);
    expect(toScheduleRequest(limited)).toEqual({ type: 'recurring', days: ['fri'], from: '07:05', until: '08:00', startsOn: '2026-04-01', endsOn: '2026-06-30' });
  });

  it('keeps what was typed in each type while staff switch between them', () => {
    const typed: ScheduleDraft = { ...recurring({ days: ['tue'] }), temporary: { starts: at('2026-05-01T08:00'), ends: at('2026-05-03T20:00') } };
    const there = { ...typed, type: 'temporary' as const };
    const back = { ...there, type: 'recurring' as const };
    expect(toScheduleRequest(there)).toEqual({ type: 'temporary', starts: '2026-05-01T08:00', ends: '2026-05-03T20:00' });
    expect(toScheduleRequest(back)).toEqual({ type: 'recurring', days: ['tue'], from: '09:00', until: '17:00' });
  });
});

describe('editing the dates of a credential', () => {
  it('gives back the schedule it was opened on, field for field', () => {
    const unchanged: Schedule[] = [
      { type: 'permanent' },
      { type: 'temporary', starts: '2026-03-07T22:15', ends: '2026-03-08T03:30' }, // across the spring-forward night
      { type: 'recurring', days: ['sat', 'sun'], from: '10:00', until: '14:30' },
    ];
    for (const schedule of unchanged) expect(toScheduleRequest(draftFromSchedule(schedule, morning))).toEqual(schedule);
    // A delivery's end is the core's to set from the community's window.
    const delivery: Schedule = { type: 'delivery', starts: '2026-03-20T11:00', ends: '2026-03-20T13:00' };
    expect(toScheduleRequest(draftFromSchedule(delivery, morning))).toEqual({ type: 'delivery', starts: '2026-03-20T11:00' });
  });

  it('opens a delivery that already started as "starts when granted", and a later one with its start', () => {
    const delivery: Schedule = { type: 'delivery', starts: '2026-03-14T09:00', ends: '2026-03-14T11:00' };
    expect(draftFromSchedule(delivery, morning).delivery.startsLater).toBe(false);
    expect(draftFromSchedule(delivery, at('2026-03-14T08:59')).delivery).toMatchObject({ startsLater: true });
  });
});

describe('the community’s wall clock', () => {
  it('is the time in the community’s zone, to the minute, whatever zone the console runs in', () => {
    vi.useFakeTimers({ now: Date.parse('2026-03-08T07:59:45Z') }); // 01:59 in Chicago, a minute before the clocks jump
    expect(communityNow('America/Chicago').toString()).toBe('2026-03-08T01:59:00');
    vi.setSystemTime(Date.parse('2026-03-08T08:00:10Z')); // the jump: 02:00 CST is 03:00 CDT
    expect(communityNow('America/Chicago').toString()).toBe('2026-03-08T03:00:00');
    expect(communityNow('Asia/Kolkata').toString()).toBe('2026-03-08T13:30:00');
  });
});
