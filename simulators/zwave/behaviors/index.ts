import type { MockNodeBehavior } from '@zwave-js/testing';
import { deadNodeBehavior } from './dead-node';
import type { LockStateOf } from './lock-of';
import { lockStatusBehaviors } from './lock-status';
import { scheduleEntryLockBehaviors } from './schedule-entry-lock';
import { userCodeBehaviors } from './user-code';

/** The lock's behaviours on top of zwave-js's own; the dead-node check last, so it runs first. */
export function lockBehaviors(lockOf: LockStateOf): MockNodeBehavior[] {
  return [...lockStatusBehaviors(lockOf), ...userCodeBehaviors(lockOf), ...scheduleEntryLockBehaviors(lockOf), deadNodeBehavior(lockOf)];
}
