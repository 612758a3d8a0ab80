import fc from 'fast-check';
import type { LockUser, LockUserType, WeekDaySchedule, YearDaySchedule } from '../../../../src/shared/domain/matter-door-lock';
import type { TableEntry } from '../../../../src/main/devices/keyprog/credential-table';

/** Valid values for everything a table entry carries, as both ends accept them. */
export const weekDayArb: fc.Arbitrary<WeekDaySchedule> = fc
  .record({ daysMask: fc.integer({ min: 1, max: 0x7f }), start: fc.integer({ min: 0, max: 1438 }), length: fc.integer({ min: 1, max: 1439 }) })
  .map(({ daysMask, start, length }) => {
    const end = Math.min(1439, start + length);
    return { daysMask, startHour: Math.floor(start / 60), startMinute: start % 60, endHour: Math.floor(end / 60), endMinute: end % 60 };
  });

export const yearDayArb: fc.Arbitrary<YearDaySchedule> = fc
  .tuple(fc.integer({ min: 0, max: 0xffff_fffe }), fc.integer({ min: 1, max: 0xffff_ffff }))
  .map(([start, length]) => ({ localStartTime: start, localEndTime: Math.min(0xffff_ffff, start + length) }));

export const userTypeArb = fc.constantFrom<LockUserType>(
  'unrestricted_user',
  'year_day_schedule_user',
  'week_day_schedule_user',
  'schedule_restricted_user',
  'disposable_user',
);

export const userArb: fc.Arbitrary<LockUser> = fc.record({
  userType: userTypeArb,
  weekDaySchedules: fc.array(weekDayArb, { maxLength: 3 }),
  yearDaySchedules: fc.array(yearDayArb, { maxLength: 3 }),
});

export const pinArb = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 4, maxLength: 12 });
export const blePassArb = fc.uint8Array({ minLength: 16, maxLength: 16 });

export const entryArb = (slot: fc.Arbitrary<number> = fc.integer({ min: 1, max: 2000 })): fc.Arbitrary<TableEntry> =>
  fc.oneof(
    fc.record({ slot, user: userArb, kind: fc.constant('pin' as const), pin: pinArb }),
    fc.record({ slot, user: userArb, kind: fc.constant('ble' as const), blePass: blePassArb }),
  );

/** A table: at most one entry per slot. */
export const tableArb = (maxLength = 20) => fc.uniqueArray(entryArb(), { selector: (e) => e.slot, minLength: 1, maxLength });
