import type { ScheduleKind } from '../../../shared/domain/required-schedule-kinds';
import type { CredentialKind } from '../../../shared/domain/primitives';
import type { Codec } from './commands/command';
import { BitSet } from './wire-enums';

/** What a door says it can hold (DESCRIBE_DOOR): the model's capabilities plus per-user schedule counts. */
export interface DoorCapabilities {
  slots: number;
  /** null: no keypad, so no PINs. */
  pinLength: { min: number; max: number } | null;
  credentialKinds: CredentialKind[];
  scheduleKinds: ScheduleKind[];
  weekDaySchedulesPerUser: number;
  yearDaySchedulesPerUser: number;
}

export const credentialKindBits = new BitSet<CredentialKind>('credential kinds', ['pin', 'ble']);
export const scheduleKindBits = new BitSet<ScheduleKind>('schedule kinds', ['week_day', 'year_day', 'one_time']);

/**
 * slots u16, PIN min u8, PIN max u8 (both 0: no PINs), credential kinds u8 (bit 0 PIN, bit 1 BLE),
 * schedule kinds u8 (bit 0 week-day, bit 1 year-day, bit 2 one-time), week-day schedules per
 * user u8, year-day schedules per user u8. 8 bytes.
 */
export const doorCapabilitiesWire: Codec<DoorCapabilities> = {
  write(w, c) {
    w.u16(c.slots, 'slots').u8(c.pinLength?.min ?? 0, 'PIN min').u8(c.pinLength?.max ?? 0, 'PIN max');
    credentialKindBits.write(w, c.credentialKinds);
    scheduleKindBits.write(w, c.scheduleKinds);
    w.u8(c.weekDaySchedulesPerUser, 'week-day schedules per user').u8(c.yearDaySchedulesPerUser, 'year-day schedules per user');
  },
  read(r) {
    const slots = r.u16('slots');
    const min = r.u8('PIN min');
    const max = r.u8('PIN max');
    if ((min === 0) !== (max === 0) || min > max) r.fail(`PIN lengths ${min}..${max} are not a range`);
    return {
      slots,
      pinLength: min === 0 ? null : { min, max },
      credentialKinds: credentialKindBits.read(r),
      scheduleKinds: scheduleKindBits.read(r),
      weekDaySchedulesPerUser: r.u8('week-day schedules per user'),
      yearDaySchedulesPerUser: r.u8('year-day schedules per user'),
    };
  },
};
