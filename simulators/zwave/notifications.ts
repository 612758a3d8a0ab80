import { CommandClasses } from '@zwave-js/core';
import { createMockZWaveRequestFrame, MockZWaveFrameType, type MockController, type MockNode } from '@zwave-js/testing';
import { NotificationCCReport, Security2CC, Security2CCNonceGet, Security2CCNonceReport, SecurityCC, SecurityCCNonceGet, SecurityCCNonceReport, type CommandClass } from 'zwave-js';
import { simulatedPatienceMs } from './stick-manners';

/** Notification CC types a lock reports (Z-Wave Notification CC, type 0x06 and 0x07). */
export const ACCESS_CONTROL = 0x06;
export const HOME_SECURITY = 0x07;

/** Access Control events (Notification CC): the numbers the Z-Wave notification registry gives them. */
export const AccessEvent = {
  manualLock: 0x01,
  manualUnlock: 0x02,
  keypadLock: 0x05,
  keypadUnlock: 0x06,
  jammed: 0x0b,
  allCodesDeleted: 0x0c,
  codeDeleted: 0x0d,
  codeAdded: 0x0e,
  duplicateCode: 0x0f,
  codeLimitExceeded: 0x13,
  scheduleInactive: 0x30,
  invalidCredential: 0x32,
} as const;

/** Wrong codes in a row after which the lock also reports the manual code entry limit (0x13). */
export const WRONG_CODE_LIMIT = 3;

/** Home Security: tampering, product cover removed. */
export const TAMPER_COVER_REMOVED = 0x03;

export const LOCK_EVENTS = {
  accessControl: Object.values(AccessEvent),
  homeSecurity: [TAMPER_COVER_REMOVED],
};

/**
 * A secure lock encrypts what it sends unasked: it first asks the controller for a nonce, as the
 * S0/S2 specs have it. The nonce comes from the host (zwave-js) through the stick: on a loaded
 * machine that takes more than the second a real host needs, so the lock waits as the stick does.
 */
async function secured(controller: MockController, node: MockNode, cc: CommandClass, security: 's2' | 's0' | 'none'): Promise<CommandClass> {
  const ask = async (get: CommandClass, isReport: (payload: unknown) => boolean) => {
    await node.sendToController(createMockZWaveRequestFrame(get, { ackRequested: false }));
    const frame = await node.expectControllerFrame(
      (f): f is typeof f => f.type === MockZWaveFrameType.Request && isReport(f.payload),
      { timeout: simulatedPatienceMs },
    );
    return frame;
  };
  const managers = node.securityManagers;
  if (security === 's2' && managers.securityManager2) {
    // The nonce report is parsed with the node's own security manager, which keeps the SPAN it sets up.
    await ask(new Security2CCNonceGet({ nodeId: controller.ownNodeId }), (p) => p instanceof Security2CCNonceReport && p.SOS);
    return Security2CC.encapsulate(cc, node.id, managers);
  }
  if (security === 's0' && managers.securityManager) {
    const frame = await ask(new SecurityCCNonceGet({ nodeId: controller.ownNodeId }), (p) => p instanceof SecurityCCNonceReport);
    const encapsulated = SecurityCC.encapsulate(node.id, managers.securityManager, cc);
    if (frame.type === MockZWaveFrameType.Request) encapsulated.nonce = (frame.payload as SecurityCCNonceReport).nonce;
    return encapsulated;
  }
  return cc;
}

/** Sends a command the lock reports on its own (a keypad unlock, a battery warning), encrypted as the lock is. */
export async function sendUnsolicited(controller: MockController, node: MockNode, cc: CommandClass, security: 's2' | 's0' | 'none'): Promise<void> {
  const frame = createMockZWaveRequestFrame(await secured(controller, node, cc, security), { ackRequested: true });
  await node.sendToController(frame);
}

export function accessNotification(controller: MockController, event: number, eventParameters?: Uint8Array<ArrayBuffer>): NotificationCCReport {
  return new NotificationCCReport({ nodeId: controller.ownNodeId, notificationType: ACCESS_CONTROL, notificationEvent: event, eventParameters });
}

export function tamperNotification(controller: MockController): NotificationCCReport {
  return new NotificationCCReport({ nodeId: controller.ownNodeId, notificationType: HOME_SECURITY, notificationEvent: TAMPER_COVER_REMOVED });
}

export const USER_CODE_CC = CommandClasses['User Code'];
