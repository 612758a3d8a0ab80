import { describe, expect, it } from 'vitest';
import type { ScheduleRequest } from '../../../../src/shared/domain/schedule';
import { resolveSchedule } from '../../../../src/main/access/schedule';

const ctx = { zone: 'America/New_York', now: new Date('2026-03-14T13:07:42.500Z'), deliveryWindowMinutes: 120 }; // 09:07:42 EDT

describe('resolving what staff asked for', () => {
  it('starts a delivery now, on the community’s clock to the minute, and ends it after the window', () => {
    expect(resolveSchedule({ type: 'delivery' }, ctx)).toEqual({ type: 'delivery', starts: '2026-03-14T09:07', ends: '2026-03-14T11:07' });
  });

  it('keeps a typed delivery start and counts the window from it', () => {
    expect(resolveSchedule({ type: 'delivery', starts: '2026-03-20T16:30' }, ctx)).toEqual({ type: 'delivery', starts: '2026-03-20T16:30', ends: '2026-03-20T18:30' });
  });

  it('carries a delivery window past midnight into the next day', () => {
    expect(resolveSchedule({ type: 'delivery', starts: '2026-12-31T23:00' }, ctx)).toMatchObject({ ends: '2027-01-01T01:00' });
  });

  it('reads now in the community’s zone, not the console’s', () => {
    const sydney = resolveSchedule({ type: 'delivery' }, { ...ctx, zone: 'Australia/Sydney' }); // 00:07 AEDT next day
    expect(sydney).toEqual({ type: 'delivery', starts: '2026-03-15T00:07', ends: '2026-03-15T02:07' });
  });

  it.each<ScheduleRequest>([
    { type: 'permanent' },
    { type: 'temporary', starts: '2026-03-14T09:00', ends: '2026-03-16T18:00' },
    { type: 'recurring', days: ['mon', 'wed'], from: '11:00', until: '13:00', startsOn: '2026-03-01' },
  ])('leaves a $type schedule as typed', (request) => {
    expect(resolveSchedule(request, ctx)).toEqual(request);
  });
});
