import { describe, expect, it } from 'vitest';
import type { Schedule } from '../../../../src/shared/domain/schedule';
import { scheduleBounds } from '../../../../src/main/access/schedule';

type Recurring = Extract<Schedule, { type: 'recurring' }>;

const zone = 'America/New_York';
const at = (iso: string) => new Date(iso);

describe('the instants a schedule spans', () => {
  it('are open-ended for permanent access', () => {
    expect(scheduleBounds({ type: 'permanent' }, zone)).toEqual({ startsAt: null, endsAt: null });
  });

  it('read temporary times on the community’s clock, each with its own UTC offset', () => {
    expect(scheduleBounds({ type: 'temporary', starts: '2026-03-01T09:00', ends: '2026-03-20T18:00' }, zone)).toEqual({
      startsAt: at('2026-03-01T14:00:00Z'), // EST
      endsAt: at('2026-03-20T22:00:00Z'), // EDT
    });
  });

  it('run a recurring schedule from midnight on its first day to the end of the window on its last', () => {
    const s: Recurring = { type: 'recurring', days: ['mon', 'wed', 'fri'], from: '11:00', until: '13:00', startsOn: '2026-03-01', endsOn: '2026-06-30' };
    expect(scheduleBounds(s, zone)).toEqual({ startsAt: at('2026-03-01T05:00:00Z'), endsAt: at('2026-06-30T17:00:00Z') });
  });

  it('leave a recurring schedule open-ended on a side with no date', () => {
    const s: Recurring = { type: 'recurring', days: ['sat'], from: '08:00', until: '09:00' };
    expect(scheduleBounds(s, zone)).toEqual({ startsAt: null, endsAt: null });
    expect(scheduleBounds({ ...s, endsOn: '2026-05-02' }, zone)).toEqual({ startsAt: null, endsAt: at('2026-05-02T13:00:00Z') });
  });

  it('span a delivery’s window', () => {
    expect(scheduleBounds({ type: 'delivery', starts: '2026-03-14T09:07', ends: '2026-03-14T11:07' }, zone)).toEqual({
      startsAt: at('2026-03-14T13:07:00Z'),
      endsAt: at('2026-03-14T15:07:00Z'),
    });
  });

  it('move a time in a spring-forward gap forward by the gap, and read a repeated time as its first pass', () => {
    const s = scheduleBounds({ type: 'temporary', starts: '2026-03-08T02:30', ends: '2026-11-01T01:30' }, zone);
    expect(s).toEqual({ startsAt: at('2026-03-08T07:30:00Z'), endsAt: at('2026-11-01T05:30:00Z') }); // 03:30 EDT; 01:30 EDT
  });
});
