import type { MockNode, MockNodeBehavior } from '@zwave-js/testing';
import type { LockStateOf } from './lock-of';

/**
 * A dead lock (flat battery, out of range) hears nothing: it answers nothing, and (set by the
 * world on the mock node) acknowledges no frame. First in the lock's behaviours, so it is asked before any other.
 */
export function deadNodeBehavior(lockOf: LockStateOf, onNetwork: (node: MockNode) => boolean): MockNodeBehavior {
  return {
    handleCC(_controller, self) {
      // A lock that has left the network (excluded, its state gone) hears nothing either.
      return !onNetwork(self) || lockOf(self).faults.dead ? { action: 'stop' } : undefined;
    },
  };
}
