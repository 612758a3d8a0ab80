import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Schedule, Weekday } from '../../../../src/shared/domain/schedule';
import { credentialStatus, isOpenAt, type EndReason } from '../../../../src/main/access/schedule';

const zone = 'America/New_York';
const status = (schedule: Schedule, iso: string, endReason: EndReason | null = null) => credentialStatus({ schedule, zone, now: new Date(iso), endReason });

describe('a credential’s status', () => {
  const weekend: Schedule = { type: 'temporary', starts: '2026-03-14T09:00', ends: '2026-03-16T18:00' };

  it('is scheduled before its start, active from it, expired from its end', () => {
    expect(status(weekend, '2026-03-14T12:59:59Z')).toBe('scheduled');
    expect(status(weekend, '2026-03-14T13:00:00Z')).toBe('active');
    expect(status(weekend, '2026-03-16T21:59:59Z')).toBe('active');
    expect(status(weekend, '2026-03-16T22:00:00Z')).toBe('expired');
  });

  it('is active for permanent access until something ends it', () => {
    expect(status({ type: 'permanent' }, '2030-01-01T00:00:00Z')).toBe('active');
  });

  it('is active for a recurring schedule between its dates, even outside its daily window', () => {
    const walker: Schedule = { type: 'recurring', days: ['mon'], from: '11:00', until: '13:00', startsOn: '2026-03-01', endsOn: '2026-06-29' };
    expect(status(walker, '2026-03-04T03:00:00Z')).toBe('active'); // a Tuesday night
    expect(status(walker, '2026-02-28T16:00:00Z')).toBe('scheduled');
    expect(status(walker, '2026-06-29T17:00:00Z')).toBe('expired'); // 13:00 EDT on the last Monday
  });

  it('shows what ended it, whatever the clock says', () => {
    expect(status(weekend, '2026-03-15T12:00:00Z', 'revoked')).toBe('revoked');
    expect(status(weekend, '2026-03-15T12:00:00Z', 'reissued')).toBe('revoked'); // the old code no longer works
    expect(status(weekend, '2026-03-15T12:00:00Z', 'used')).toBe('used');
    expect(status(weekend, '2026-03-10T12:00:00Z', 'expired')).toBe('expired');
  });
});

// ---- random schedules near 2026, wall-clock text written from minute offsets ----
const MINUTE = 60_000;
const base = Date.UTC(2026, 0, 1);
const wall = (minutes: number) => new Date(base + minutes * MINUTE).toISOString().slice(0, 16);
const days: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const minuteOfYear = fc.integer({ min: 0, max: 365 * 24 * 60 });
const scheduleArb: fc.Arbitrary<Schedule> = fc.oneof(
  fc.constant<Schedule>({ type: 'permanent' }),
  fc.tuple(minuteOfYear, fc.integer({ min: 1, max: 90 * 24 * 60 })).map(([s, d]): Schedule => ({ type: 'temporary', starts: wall(s), ends: wall(s + d) })),
  fc.tuple(minuteOfYear, fc.integer({ min: 1, max: 600 })).map(([s, d]): Schedule => ({ type: 'delivery', starts: wall(s), ends: wall(s + d) })),
  fc
    .record({ days: fc.subarray(days, { minLength: 1 }), from: fc.integer({ min: 0, max: 1438 }), length: fc.integer({ min: 1, max: 1439 }), first: fc.option(minuteOfYear), span: fc.option(fc.integer({ min: 0, max: 200 * 24 * 60 })) })
    .map(({ days, from, length, first, span }): Schedule => ({
      type: 'recurring',
      days,
      from: wall(from).slice(11),
      until: wall(Math.min(1439, from + length)).slice(11),
      ...(first !== null ? { startsOn: wall(first).slice(0, 10) } : {}),
      ...(span !== null ? { endsOn: wall((first ?? 0) + span).slice(0, 10) } : {}),
    })),
);
const zoneArb = fc.constantFrom('America/New_York', 'Australia/Sydney', 'UTC');
const instants = fc.array(fc.integer({ min: base - 30 * 86_400_000, max: base + 500 * 86_400_000 }), { minLength: 2, maxLength: 40 }).map((xs) => xs.sort((a, b) => a - b));

describe('a credential’s life', () => {
  const rank = { scheduled: 0, active: 1, expired: 2 } as Record<string, number>;

  it('only moves forward, scheduled → active → expired, as time passes', () => {
    fc.assert(
      fc.property(scheduleArb, zoneArb, instants, (schedule, zone, times) => {
        const ranks = times.map((t) => rank[credentialStatus({ schedule, zone, now: new Date(t), endReason: null })]);
        ranks.forEach((r, i) => {
          expect(r).toBeDefined();
          if (i > 0) expect(r!).toBeGreaterThanOrEqual(ranks[i - 1]!);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('is active whenever the schedule opens the door', () => {
    fc.assert(
      fc.property(scheduleArb, zoneArb, instants, (schedule, zone, times) => {
        for (const t of times) if (isOpenAt(schedule, zone, new Date(t))) expect(credentialStatus({ schedule, zone, now: new Date(t), endReason: null })).toBe('active');
      }),
      { numRuns: 300 },
    );
  });

  it('shows a recorded end over anything the clock says', () => {
    const shown = { revoked: 'revoked', reissued: 'revoked', used: 'used', expired: 'expired' } as const;
    fc.assert(
      fc.property(scheduleArb, zoneArb, instants, fc.constantFrom<EndReason>('revoked', 'reissued', 'used', 'expired'), (schedule, zone, times, endReason) => {
        for (const t of times) expect(credentialStatus({ schedule, zone, now: new Date(t), endReason })).toBe(shown[endReason]);
      }),
      { numRuns: 300 },
    );
  });
});
