import { createMockZWaveRequestFrame } from '@zwave-js/testing';
import { NotificationCCReport } from 'zwave-js';
import type { MockStick } from '../../devices/zwave/mock-stick';

/*
 * What a lock does by itself, as the frames it sends the controller (until the simulator's
 * locks do it for the tests): Notification CC Access Control events and a code typed in at the
 * lock's own keypad.
 */

const accessControl = 0x06;

async function send(stick: MockStick, nodeId: number, cc: NotificationCCReport): Promise<void> {
  await stick.nodes.get(nodeId)!.sendToController(createMockZWaveRequestFrame(cc, { ackRequested: false }));
}

/** Access Control event 0x06 (keypad unlock) with the slot whose code was typed. */
export function keypadUnlock(stick: MockStick, nodeId: number, slot: number): Promise<void> {
  return send(stick, nodeId, new NotificationCCReport({ nodeId: stick.controller.ownNodeId, notificationType: accessControl, notificationEvent: 0x06, eventParameters: Uint8Array.from([slot]) }));
}

/** Someone set a code at the lock's own keypad: the lock's table changes and it says so (Access Control 0x0e, new user code added). */
export async function codeSetAtKeypad(stick: MockStick, nodeId: number, slot: number, code: string): Promise<void> {
  const node = stick.nodes.get(nodeId)!;
  node.state.set(`UserCode_userCode_${slot}`, code);
  node.state.set(`UserCode_userIdStatus_${slot}`, 1);
  await send(stick, nodeId, new NotificationCCReport({ nodeId: stick.controller.ownNodeId, notificationType: accessControl, notificationEvent: 0x0e, eventParameters: Uint8Array.from([slot]) }));
}
