import type { DoorRef } from '../../../shared/domain';
import type { DoorEnforcement } from '../../../shared/domain/live-locks';
import type { LockUser } from '../../../shared/domain/matter-door-lock';
import type { LiveLockCapabilities } from '../../devices/live/live-lock-network';
import { fitSchedule } from '../../devices/zwave/schedule-entries';

/**
 * How a door is reached: a live Z-Wave lock (with the schedule slots its interview read, null
 * before then), or a lock a technician programs on a round, through the key-programmer's cable
 * or over Bluetooth.
 */
export type DoorLink =
  | { door: DoorRef; link: 'zwave'; schedules: LiveLockCapabilities['schedules'] | null }
  | { door: DoorRef; link: 'key_programmer' | 'bluetooth' };

const noSchedules = { weekDay: 0, yearDay: 0, dailyRepeating: 0 };

const roundWhy = {
  key_programmer: 'A technician programs this lock with the key-programmer on the next round; the code works there once they have.',
  bluetooth: 'A technician programs this lock over Bluetooth on the next round; the code works there once they have.',
};

/** The grant form's "enforced how", per door, for the lock user the schedule compiles to. */
export function doorEnforcement(user: LockUser, doors: readonly DoorLink[]): DoorEnforcement[] {
  return doors.map((d) => {
    if (d.link !== 'zwave') return { door: d.door, by: 'technician', link: d.link, why: roundWhy[d.link] };
    // Until the interview has read what the lock keeps, Porter keeps the whole schedule: the
    // safe side, since a lock given a schedule it cannot hold might open outside it.
    const fit = fitSchedule(user, d.schedules ?? noSchedules);
    const why =
      d.schedules === null && fit.by !== 'lock'
        ? 'The lock has not yet told Porter which schedules it keeps: until it does, Porter adds and removes the code itself.'
        : fit.why;
    return { door: d.door, by: fit.by, link: 'zwave', why };
  });
}
