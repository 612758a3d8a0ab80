/**
 * What can go wrong with a simulated door, asked for by a test or a demo (SimDoor.inject).
 * Each lasts as long as its real counterpart would.
 */
export type DoorFault =
  /** Its memory is full: puts into slots it does not hold yet are refused with no_free_slot,
   * replacing or deleting still work. Holds `capacity` entries (default: as many as it holds now)
   * until cleared. */
  | { kind: 'full_lock'; capacity?: number }
  /** Battery at `percent` (default 9), so writes are refused, until cleared (a fresh battery). */
  | { kind: 'low_battery'; percent?: number }
  /** The clock runs `offsetSeconds` off from now until the next SET_CLOCK puts it right. */
  | { kind: 'clock_far_off'; offsetSeconds: number }
  /** The next audit record's number jumps by `skip` (lost records), once. */
  | { kind: 'audit_gap'; skip: number }
  /** The next commit: the cable comes out mid-write and the answer never comes. `tableAfter`
   * says whether the door had swapped tables before it lost power to the cable. Once. */
  | { kind: 'unplug_mid_commit'; tableAfter: 'old' | 'new' };

export type DoorFaultKind = DoorFault['kind'];

/** Writes below this battery level are refused, as battery_low. */
export const writeBatteryThreshold = 15;
