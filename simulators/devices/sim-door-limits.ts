import type { LockUserType } from '../../src/main/access/schedule/matter-door-lock';
import type { ScheduleKind } from '../../src/main/access/schedule/required-schedule-kinds';
import type { LockModel } from '../../src/shared/domain/community';
import { assertNever } from '../../src/shared/errors';
import type { TableEntry } from '../../src/main/devices/keyprog/credential-table';
import type { DoorCapabilities } from '../../src/main/devices/keyprog/door-capabilities';
import type { EntryRefusal } from '../../src/main/devices/keyprog/commands/stage-put';

export interface SchedulesPerUser {
  weekDay: number;
  yearDay: number;
}

/**
 * A door's capabilities from its model. Models do not say how many schedules a user may have,
 * so unless told, a door holds two week-day schedules and one year-day schedule per user
 * where it holds that kind at all: what compileForLock writes, and one week-day to spare.
 */
export function doorCapabilitiesOf(model: LockModel, perUser?: SchedulesPerUser): DoorCapabilities {
  const { slots, pinLength, credentialKinds, scheduleKinds } = model.capabilities;
  return {
    slots,
    pinLength,
    credentialKinds: [...credentialKinds],
    scheduleKinds: [...scheduleKinds],
    weekDaySchedulesPerUser: perUser?.weekDay ?? (scheduleKinds.includes('week_day') ? 2 : 0),
    yearDaySchedulesPerUser: perUser?.yearDay ?? (scheduleKinds.includes('year_day') ? 1 : 0),
  };
}

/** The schedule kinds a lock must support to honour a user of this type (see requiredScheduleKinds). */
function kindsFor(userType: LockUserType): ScheduleKind[] {
  switch (userType) {
    case 'unrestricted_user':
      return [];
    case 'year_day_schedule_user':
      return ['year_day'];
    case 'week_day_schedule_user':
      return ['week_day'];
    case 'schedule_restricted_user':
      return ['week_day', 'year_day'];
    case 'disposable_user':
      return ['one_time'];
    default:
      return assertNever(userType, 'user type');
  }
}

/** Why a door with these capabilities would refuse the entry, or null if it holds it. */
export function entryRefusal(entry: TableEntry, caps: DoorCapabilities): EntryRefusal | null {
  if (entry.slot < 1 || entry.slot > caps.slots) return 'no_free_slot';
  if (!caps.credentialKinds.includes(entry.kind)) return 'kind_unsupported';
  if (entry.kind === 'pin') {
    const { pinLength } = caps;
    if (!pinLength || entry.pin.length < pinLength.min || entry.pin.length > pinLength.max) return 'pin_length';
  }
  const { user } = entry;
  if (!kindsFor(user.userType).every((kind) => caps.scheduleKinds.includes(kind))) return 'schedule_unsupported';
  if (user.weekDaySchedules.length > caps.weekDaySchedulesPerUser) return 'schedule_unsupported';
  if (user.yearDaySchedules.length > caps.yearDaySchedulesPerUser) return 'schedule_unsupported';
  return null;
}
