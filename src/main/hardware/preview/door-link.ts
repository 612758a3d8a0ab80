import type { DoorDelivery } from '../../../shared/domain';
import type { LockUser } from '../../../shared/domain/matter-door-lock';
import type { CoveredDoor } from '../../access/door-coverage';
import type { ScheduleFit } from '../../devices/live/live-lock-network';
import { fitSchedule } from '../../devices/zwave/schedule-entries';
import type { Db } from '../../store/database';
import { liveLockForDoor } from '../../store/live-locks-repo';
import { isBluetoothDoor } from '../../store/lock-keys-repo';

const noSchedules = { weekDay: 0, yearDay: 0, dailyRepeating: 0 };

const deliveryWords: Record<DoorDelivery['link'], DoorDelivery> = {
  zwave: { path: 'live', link: 'zwave', words: 'Live, Z-Wave stick' },
  bluetooth: { path: 'round', link: 'bluetooth', words: 'Next round, Bluetooth' },
  key_programmer: { path: 'round', link: 'key_programmer', words: 'Next round, key-programmer' },
};

/**
 * How a credential reaches a door, and how its lock runs the schedule: a live Z-Wave lock
 * runs what its schedule slots can hold (fitSchedule) and Porter the rest; a lock a technician
 * programs (key-programmer or Bluetooth) runs the schedule whole, since its model holds every
 * schedule kind the grant needs (whyDoorCannotHold refuses it otherwise).
 */
export function doorLink(db: Db, door: CoveredDoor, user: LockUser): { delivery: DoorDelivery; fit: ScheduleFit } {
  const live = liveLockForDoor(db, door.id);
  if (!live) return { delivery: deliveryWords[isBluetoothDoor(db, door.id) ? 'bluetooth' : 'key_programmer'], fit: { by: 'lock', write: user, why: null } };
  const schedules = live.capabilities?.schedules ?? null;
  // Until the interview has read what the lock keeps, Porter keeps the whole schedule: the
  // safe side, since a lock given a schedule it cannot hold might open outside it.
  const fit = fitSchedule(user, schedules ?? noSchedules);
  const why =
    schedules === null && fit.by !== 'lock'
      ? 'The lock has not yet told Porter which schedules it keeps: until it does, Porter adds and removes the code itself.'
      : fit.why;
  return { delivery: deliveryWords.zwave, fit: { ...fit, why } };
}
