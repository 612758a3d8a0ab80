import { PorterError } from '../../shared/errors';
import type { Db } from '../store/database';
import { highestLiveSlot, lowestFreeGap } from '../store/door-credentials-repo';
import { reservedSlotsOnDoor } from '../store/slot-capacity-repo';
import { guestSlotCount } from './slot-total';
import type { CoveredDoor } from './door-coverage';

// Sync's apply marks doors changed too; it reaches the store's function through here.
export { markDoorChanged } from '../store/door-credentials-repo';

/**
 * A free credential slot on a door for a guest: the one after the highest in use (an index
 * lookup, so a perimeter reader with tens of thousands of credentials stays fast), or, once
 * the top is reached, the lowest gap left by revoked credentials. The door's top slots kept
 * for staff and emergency codes (the lock model's reservation) are never given to a guest:
 * every grant, single, bulk or reissued, takes its slots here. slots_full names the door.
 */
export function freeSlot(db: Db, door: CoveredDoor): number {
  const total = door.capabilities.slots;
  const reserved = Math.min(reservedSlotsOnDoor(db, door.id), total);
  const limit = guestSlotCount(total, reserved);
  const next = (highestLiveSlot(db, door.id) ?? 0) + 1;
  if (next <= limit) return next;
  const slot = lowestFreeGap(db, door.id) ?? next;
  if (slot <= limit) return slot;
  if (reserved === 0)
    throw new PorterError('slots_full', `${door.name} has no free credential slot (all ${total} are in use). Revoke a credential on it first.`);
  throw new PorterError(
    'slots_full',
    `${door.name} has no free slot for a guest: all ${limit} guest slots are in use, and its other ${reserved} are kept for staff and emergency codes. End a guest's credential on it first.`,
  );
}
