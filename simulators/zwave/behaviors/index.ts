import type { MockNodeBehavior } from '@zwave-js/testing';
import { deadNodeBehavior } from './dead-node';
import type { LockStateOf } from './lock-of';
import { lockStatusBehaviors } from './lock-status';

/** The lock's behaviours on top of zwave-js's own; the dead-node check last, so it runs first. */
export function lockBehaviors(lockOf: LockStateOf): MockNodeBehavior[] {
  return [...lockStatusBehaviors(lockOf), deadNodeBehavior(lockOf)];
}
