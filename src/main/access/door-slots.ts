import { PorterError } from '../../shared/errors';
import type { Db } from '../store/database';
import { highestLiveSlot, lowestFreeGap } from '../store/door-credentials-repo';
import type { CoveredDoor } from './door-coverage';

// Sync's apply marks doors changed too; it reaches the store's function through here.
export { markDoorChanged } from '../store/door-credentials-repo';

/**
 * A free credential slot on a door: the one after the highest in use (an index lookup, so a
 * perimeter reader with tens of thousands of credentials stays fast), or, once the top is
 * reached, the lowest gap left by revoked credentials. slots_full names the door.
 */
export function freeSlot(db: Db, door: CoveredDoor): number {
  const next = (highestLiveSlot(db, door.id) ?? 0) + 1;
  if (next <= door.capabilities.slots) return next;
  const slot = lowestFreeGap(db, door.id) ?? next;
  if (slot > door.capabilities.slots)
    throw new PorterError(
      'slots_full',
      `${door.name} has no free credential slot (all ${door.capabilities.slots} are in use). Revoke a credential on it first.`,
    );
  return slot;
}
