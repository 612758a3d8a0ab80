import { describe, expect, it } from 'vitest';
import type { Schedule } from '../../../../src/shared/domain/schedule';
import { describeSchedule } from '../../../../src/main/access/schedule';

describe('describing a schedule to staff and guests', () => {
  it.each<[Schedule, string]>([
    [{ type: 'permanent' }, 'Until revoked'],
    [{ type: 'temporary', starts: '2026-03-14T09:00', ends: '2026-03-16T18:00' }, 'Mar 14, 9:00 AM – Mar 16, 6:00 PM'],
    [{ type: 'temporary', starts: '2026-03-14T00:05', ends: '2026-03-14T12:30' }, 'Mar 14, 12:05 AM – 12:30 PM'],
    [{ type: 'temporary', starts: '2026-12-30T09:00', ends: '2027-01-02T18:00' }, 'Dec 30, 2026, 9:00 AM – Jan 2, 2027, 6:00 PM'],
    [{ type: 'recurring', days: ['fri', 'mon', 'wed'], from: '11:00', until: '13:00', startsOn: '2026-03-01', endsOn: '2026-06-30' }, 'Mon, Wed, Fri 11:00 AM–1:00 PM from Mar 1 to Jun 30'],
    [{ type: 'recurring', days: ['sat', 'sun'], from: '07:30', until: '08:15' }, 'Sat, Sun 7:30 AM–8:15 AM'],
    [{ type: 'recurring', days: ['tue'], from: '09:00', until: '10:00', startsOn: '2026-03-01' }, 'Tue 9:00 AM–10:00 AM from Mar 1'],
    [{ type: 'recurring', days: ['tue'], from: '09:00', until: '10:00', endsOn: '2026-06-30' }, 'Tue 9:00 AM–10:00 AM until Jun 30'],
    [{ type: 'recurring', days: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'], from: '06:00', until: '22:00', startsOn: '2026-11-01', endsOn: '2027-02-28' }, 'Every day 6:00 AM–10:00 PM from Nov 1, 2026 to Feb 28, 2027'],
    [{ type: 'delivery', starts: '2026-03-14T09:00', ends: '2026-03-14T11:00' }, 'One-time, until Mar 14, 11:00 AM'],
  ])('%j reads “%s”', (schedule, text) => {
    expect(describeSchedule(schedule)).toBe(text);
  });

  it('writes plain spaces, never the narrow no-break space ICU puts before AM/PM', () => {
    expect(describeSchedule({ type: 'delivery', starts: '2026-03-14T09:00', ends: '2026-03-14T23:59' })).toBe('One-time, until Mar 14, 11:59 PM');
    expect(describeSchedule({ type: 'temporary', starts: '2026-03-14T09:00', ends: '2026-03-16T18:00' })).not.toMatch(/[\u00a0\u202f]/);
  });
});
