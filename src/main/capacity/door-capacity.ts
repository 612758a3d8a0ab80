import { capacityRateWeeks, type DoorCapacity, type LockCapabilities } from '../../shared/domain';
import type { Db } from '../store/database';
import { capacityDoor, doorSlotCounts, otherCodesOnLiveLock, type CapacityDoorRow, type DoorSlotCounts } from '../store/slot-capacity-repo';
import { guestSlotCount, nearFullSlots, slotTotal } from '../access/slot-total';

const weekMs = 7 * 24 * 3600 * 1000;

/** Where the grant rate is counted from. */
export const rateSince = (now: Date): string => new Date(now.getTime() - capacityRateWeeks * weekMs).toISOString();

/** Per week, to one decimal: 9 grants in four weeks is 2.3 a week. */
const perWeek = (count: number): number => Math.round((count / capacityRateWeeks) * 10) / 10;

/**
 * A door's capacity now: slots from the lock's own count or its model's, less those kept for
 * staff and emergency codes; how many guests hold; and, from the credentials put on and taken
 * off it over the last weeks, when its guest slots run out if it keeps filling at that rate.
 */
export function doorCapacityOf(db: Db, row: CapacityDoorRow, now: Date, known?: (guestSlots: number) => DoorSlotCounts): DoorCapacity {
  const model = JSON.parse(row.capabilitiesJson) as LockCapabilities;
  const live = row.liveCapabilitiesJson ? (JSON.parse(row.liveCapabilitiesJson) as { slots?: number }) : null;
  const { total, source } = slotTotal(model.slots, live?.slots);
  const reserved = Math.min(row.reserved, total);
  const guestSlots = guestSlotCount(total, reserved);
  const counts = known ? known(guestSlots) : doorSlotCounts(db, row.id, guestSlots, rateSince(now));
  const free = Math.max(0, guestSlots - counts.liveInGuestSlots);
  const netPerWeek = (counts.addedSince - counts.removedSince) / capacityRateWeeks;
  const runsOutAt = free === 0 ? now : netPerWeek > 0 ? new Date(now.getTime() + (free / netPerWeek) * weekMs) : null;
  return {
    door: { id: row.id, name: row.name, kind: row.kind },
    buildingName: row.buildingName,
    modelId: row.modelId,
    modelName: row.modelName,
    total,
    source,
    reserved,
    guestSlots,
    used: counts.live,
    free,
    otherCodesOnLock: live ? otherCodesOnLiveLock(db, row.id) : 0,
    grantsPerWeek: perWeek(counts.addedSince),
    endsPerWeek: perWeek(counts.removedSince),
    runsOutAt: runsOutAt?.toISOString() ?? null,
    nearFull: free <= nearFullSlots(guestSlots),
  };
}

/** One door's capacity, or null for a door not on record. */
export function doorCapacity(db: Db, doorId: string, now: Date): DoorCapacity | null {
  const row = capacityDoor(db, doorId);
  return row ? doorCapacityOf(db, row, now) : null;
}
