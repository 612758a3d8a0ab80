import type { CapacityOverview, DoorCapacity } from '../../shared/domain';
import type { Db } from '../store/database';
import { capacityDoors, doorSlotCounts, everyDoorSlotCounts } from '../store/slot-capacity-repo';
import { lockModelReservations } from './slot-reservations';
import { doorCapacityOf, rateSince } from './door-capacity';

/** Full doors first, then those that run out soonest, then the least free share. */
function fullestFirst(a: DoorCapacity, b: DoorCapacity): number {
  if (a.nearFull !== b.nearFull) return a.nearFull ? -1 : 1;
  const runOut = (a.runsOutAt ?? '9999').localeCompare(b.runsOutAt ?? '9999');
  if (runOut !== 0) return runOut;
  return a.free / Math.max(1, a.guestSlots) - b.free / Math.max(1, b.guestSlots) || a.door.name.localeCompare(b.door.name);
}

/** The Hardware page's capacity section: every door weighed, the `limit` fullest shown. */
export function capacityOverview(db: Db, now: Date, limit: number): CapacityOverview {
  const since = rateSince(now);
  const counts = everyDoorSlotCounts(db, since);
  const none = { live: 0, highest: 0, addedSince: 0, removedSince: 0 };
  const doors = capacityDoors(db).map((row) =>
    doorCapacityOf(db, row, now, (guestSlots) => {
      const c = counts.get(row.id) ?? none;
      // Only a door with a guest above its guest slots (set before a reservation) needs its own count.
      return c.highest <= guestSlots ? { ...c, liveInGuestSlots: c.live } : doorSlotCounts(db, row.id, guestSlots, since);
    }),
  );
  doors.sort(fullestFirst);
  return {
    doors: doors.slice(0, limit),
    doorCount: doors.length,
    nearFullCount: doors.filter((d) => d.nearFull).length,
    reservations: lockModelReservations(db),
  };
}
