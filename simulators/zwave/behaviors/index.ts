import type { MockNode, MockNodeBehavior } from '@zwave-js/testing';
import { deadNodeBehavior } from './dead-node';
import type { LockStateOf } from './lock-of';
import { lockStatusBehaviors } from './lock-status';
import { scheduleEntryLockBehaviors } from './schedule-entry-lock';
import { userCodeBehaviors } from './user-code';

/**
 * The lock's behaviours on top of zwave-js's own. A mock node asks its behaviours in the order
 * given here (`defineBehavior` puts the whole list in front of the defaults, keeping its order),
 * so the dead-node check comes first: a dead lock answers nothing, not even what another
 * behaviour would have answered.
 */
export function lockBehaviors(lockOf: LockStateOf, onNetwork: (node: MockNode) => boolean): MockNodeBehavior[] {
  return [deadNodeBehavior(lockOf, onNetwork), ...lockStatusBehaviors(lockOf), ...userCodeBehaviors(lockOf), ...scheduleEntryLockBehaviors(lockOf)];
}
