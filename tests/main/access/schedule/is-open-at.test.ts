import { describe, expect, it } from 'vitest';
import type { Schedule } from '../../../../src/shared/domain/schedule';
import { isOpenAt } from '../../../../src/main/access/schedule';

const zone = 'America/New_York';
const open = (s: Schedule, iso: string) => isOpenAt(s, zone, new Date(iso));

describe('whether a schedule opens the door at an instant', () => {
  it('always, for permanent access', () => {
    expect(open({ type: 'permanent' }, '1999-12-31T23:59:59Z')).toBe(true);
  });

  it('from a temporary start, up to but not at its end', () => {
    const s: Schedule = { type: 'temporary', starts: '2026-03-14T09:00', ends: '2026-03-16T18:00' };
    expect(open(s, '2026-03-14T12:59:59.999Z')).toBe(false);
    expect(open(s, '2026-03-14T13:00:00Z')).toBe(true);
    expect(open(s, '2026-03-16T21:59:59.999Z')).toBe(true);
    expect(open(s, '2026-03-16T22:00:00Z')).toBe(false);
  });

  describe('for a Mon/Wed/Fri 11:00-13:00 schedule from Mar 2 to Jun 29', () => {
    const s: Schedule = { type: 'recurring', days: ['mon', 'wed', 'fri'], from: '11:00', until: '13:00', startsOn: '2026-03-02', endsOn: '2026-06-29' };
    it('inside the window on a chosen day', () => expect(open(s, '2026-03-04T16:30:00Z')).toBe(true)); // Wed 11:30 EST
    it('not on other days', () => expect(open(s, '2026-03-05T16:30:00Z')).toBe(false)); // Thu
    it('not outside the window', () => expect(open(s, '2026-03-04T18:00:00Z')).toBe(false)); // Wed 13:00
    it('not before the first day', () => expect(open(s, '2026-02-27T16:30:00Z')).toBe(false)); // Fri
    it('on the last day until the window closes', () => {
      expect(open(s, '2026-06-29T16:59:00Z')).toBe(true); // Mon 12:59 EDT
      expect(open(s, '2026-07-01T15:30:00Z')).toBe(false); // Wed after
    });
    it('by the community’s weekday, not UTC’s', () => {
      const late: Schedule = { type: 'recurring', days: ['fri'], from: '22:00', until: '23:30' };
      expect(open(late, '2026-03-07T03:30:00Z')).toBe(true); // Sat in UTC, Fri 22:30 EST
    });
  });

  it('during a delivery’s window', () => {
    const s: Schedule = { type: 'delivery', starts: '2026-03-14T09:07', ends: '2026-03-14T11:07' };
    expect([open(s, '2026-03-14T13:06:59Z'), open(s, '2026-03-14T13:07:00Z'), open(s, '2026-03-14T15:07:00Z')]).toEqual([false, true, false]);
  });
});
