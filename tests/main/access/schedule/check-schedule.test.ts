import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Schedule } from '../../../../src/shared/domain/schedule';
import { PorterError } from '../../../../src/shared/errors';
import { checkSchedule } from '../../../../src/main/access/schedule';

type Recurring = Extract<Schedule, { type: 'recurring' }>;

const ctx = { zone: 'America/New_York', now: new Date('2026-02-01T17:00:00Z'), maxTemporaryDays: 30, communityName: 'Riverside Commons' }; // Feb 1, noon

function refusal(schedule: Schedule, over: Partial<typeof ctx> = {}) {
  try {
    checkSchedule(schedule, { ...ctx, ...over });
  } catch (e) {
    if (!(e instanceof PorterError)) throw e;
    return { code: e.code, field: e.field, message: e.message };
  }
  return null;
}

describe('checking a schedule before it is granted', () => {
  it('accepts permanent access', () => expect(refusal({ type: 'permanent' })).toBeNull());

  it('refuses temporary access that does not end after it starts', () => {
    expect(refusal({ type: 'temporary', starts: '2026-03-14T09:00', ends: '2026-03-14T09:00' })).toMatchObject({ code: 'invalid_input', field: 'schedule.ends' });
    // 02:30 does not exist that night and opens at 03:30, after 03:15.
    expect(refusal({ type: 'temporary', starts: '2026-03-08T02:30', ends: '2026-03-08T03:15' })).toMatchObject({ code: 'invalid_input', field: 'schedule.ends' });
  });

  it('refuses temporary access longer than the community allows, naming the limit', () => {
    expect(refusal({ type: 'temporary', starts: '2026-03-01T09:00', ends: '2026-03-31T09:01' })).toEqual({
      code: 'not_allowed',
      field: 'schedule.ends',
      message: "Temporary access may last at most 30 days under Riverside Commons’ guidelines.",
    });
    expect(refusal({ type: 'temporary', starts: '2026-03-01T09:00', ends: '2026-03-02T09:01' }, { maxTemporaryDays: 1, communityName: 'Elm Court' })?.message).toBe("Temporary access may last at most 1 day under Elm Court’s guidelines.");
  });

  it('counts the limit on the wall clock, so a DST change inside does not cost or give an hour', () => {
    expect(refusal({ type: 'temporary', starts: '2026-03-01T09:00', ends: '2026-03-31T09:00' })).toBeNull();
    expect(refusal({ type: 'temporary', starts: '2026-10-15T09:00', ends: '2026-11-14T09:00' })).toBeNull();
  });

  it('refuses access that would already be over', () => {
    expect(refusal({ type: 'temporary', starts: '2026-01-30T09:00', ends: '2026-02-01T12:00' })).toMatchObject({ code: 'invalid_input', field: 'schedule.ends' });
    expect(refusal({ type: 'temporary', starts: '2026-01-30T09:00', ends: '2026-02-01T12:01' })).toBeNull();
    const walker: Recurring = { type: 'recurring', days: ['mon'], from: '11:00', until: '13:00' };
    expect(refusal({ ...walker, endsOn: '2026-01-31' })).toMatchObject({ code: 'invalid_input', field: 'schedule.endsOn' });
    expect(refusal({ ...walker, endsOn: '2026-02-01' })).toBeNull(); // today's window still closes at 13:00
    expect(refusal({ type: 'delivery', starts: '2026-02-01T09:00', ends: '2026-02-01T11:00' })).toMatchObject({ code: 'invalid_input', field: 'schedule.starts' });
  });

  it('refuses a daily window that does not end after it starts, saying windows cannot cross midnight', () => {
    const r = refusal({ type: 'recurring', days: ['fri'], from: '22:00', until: '02:00' });
    expect(r).toMatchObject({ code: 'invalid_input', field: 'schedule.until' });
    expect(r?.message).toMatch(/past midnight are not supported/);
    expect(refusal({ type: 'recurring', days: ['fri'], from: '09:00', until: '09:00' })).toMatchObject({ field: 'schedule.until' });
  });

  it('refuses a last day before the first, and accepts a single day', () => {
    const s: Recurring = { type: 'recurring', days: ['tue'], from: '09:00', until: '10:00', startsOn: '2026-03-10' };
    expect(refusal({ ...s, endsOn: '2026-03-09' })).toMatchObject({ code: 'invalid_input', field: 'schedule.endsOn' });
    expect(refusal({ ...s, endsOn: '2026-03-10' })).toBeNull();
  });

  it('refuses a day chosen twice', () => {
    expect(refusal({ type: 'recurring', days: ['mon', 'wed', 'mon'], from: '09:00', until: '10:00' })).toMatchObject({ code: 'invalid_input', field: 'schedule.days' });
  });

  it('accepts every future temporary within the limit and refuses every one above it', () => {
    const MINUTE = 60_000;
    const wall = (m: number) => new Date(Date.UTC(2026, 1, 2) + m * MINUTE).toISOString().slice(0, 16);
    const arb = fc.integer({ min: 1, max: 90 }).chain((limit) =>
      fc.record({
        limit: fc.constant(limit),
        start: fc.integer({ min: 0, max: 300 * 24 * 60 }),
        minutes: fc.oneof(fc.integer({ min: 1, max: (limit + 3) * 1440 }), fc.integer({ min: limit * 1440 - 3, max: limit * 1440 + 3 })),
      }),
    );
    fc.assert(
      fc.property(arb, ({ limit, start, minutes }) => {
        const [starts, ends] = [wall(start), wall(start + minutes)];
        fc.pre(starts.slice(11, 13) !== '02' && ends.slice(11, 13) !== '02'); // keep clear of the 02:00 spring-forward gap
        const r = refusal({ type: 'temporary', starts, ends }, { maxTemporaryDays: limit });
        if (minutes <= limit * 1440) expect(r).toBeNull();
        else expect(r).toMatchObject({ code: 'not_allowed', field: 'schedule.ends' });
      }),
      { numRuns: 500 },
    );
  });
});
