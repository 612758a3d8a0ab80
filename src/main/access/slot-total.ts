/**
 * How many slots a door has: the lock's own count where a live lock reported one (a Z-Wave
 * lock's User Code users), else its model's. A lock that says more than its model is held to
 * the model's count, which is what the cloud settles slots against.
 */
export function slotTotal(modelSlots: number, lockSlots: number | null | undefined): { total: number; source: 'lock' | 'model' } {
  if (lockSlots === null || lockSlots === undefined || lockSlots > modelSlots) return { total: modelSlots, source: 'model' };
  return { total: lockSlots, source: 'lock' };
}

/** Slots guests may take: the total less those kept for staff and emergency codes (the door's top slots). */
export function guestSlotCount(total: number, reserved: number): number {
  return Math.max(0, total - reserved);
}

/**
 * "Within a few slots of full": three slots, or one in twenty on a door that holds many (a
 * perimeter reader of 2,000 slots warns at 100 left, which a building's bulk grant can take).
 */
export function nearFullSlots(guestSlots: number): number {
  return Math.max(3, Math.ceil(guestSlots * 0.05));
}
