import type { DoorFault } from '../sim-door-faults';

/**
 * What can go wrong with a simulated Bluetooth lock, asked for by a test or a demo
 * (SimBleLock.inject). Each lasts as long as its real counterpart would.
 */
export type BleLockFault =
  /** The technician is too far away: no advertising, connections fail, a live link drops. Until cleared. */
  | { kind: 'out_of_range' }
  /** The next COMMIT: the link drops halfway through the write and the answer never comes;
   * `tableAfter` says whether the lock had swapped. Once (SimDoor's unplug_mid_commit, over the air). */
  | { kind: 'link_drop_mid_commit'; tableAfter: 'old' | 'new' }
  /** The link drops as the next COMMIT arrives, before the lock reads it: the stage goes, the old table stays. Once. */
  | { kind: 'link_drop_before_commit' }
  /** The lock holds another key than the console's (a swapped lock, a botched re-commissioning). Until cleared. */
  | { kind: 'wrong_key' }
  /** The next write reaches the lock with its last byte flipped. Once. */
  | { kind: 'tampered_write' }
  /** Before the next message, the previous sealed message's writes reach the lock again. Once. */
  | { kind: 'replayed_write' };

export type SimBleLockFault = BleLockFault | DoorFault;
export type ClearableFault = 'out_of_range' | 'wrong_key' | 'link_drop_mid_commit' | 'full_lock' | 'low_battery';
