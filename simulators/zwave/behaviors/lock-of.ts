import type { MockNode } from '@zwave-js/testing';
import type { SimLockState } from '../sim-lock-state';

/** How a behaviour finds the state of the lock a mock node stands for. */
export type LockStateOf = (node: MockNode) => SimLockState;
