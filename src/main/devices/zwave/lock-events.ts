import { CommandClasses } from '@zwave-js/core';
import type { ZWaveNotificationCallbackArgs_NotificationCC } from 'zwave-js';
import type { LiveLockEvent } from '../live/live-lock-network';

/*
 * Notification CC events, in Porter's words (Notification types and events per the Z-Wave
 * Alarm/Notification CC specification: Access Control 0x06, Home Security 0x07, Power
 * Management 0x08).
 */
const accessControl = 0x06;
const homeSecurity = 0x07;
const powerManagement = 0x08;

type Access = Extract<LiveLockEvent, { kind: 'access' }>['access'];

const accessEvents: Record<number, Access> = {
  0x01: 'manual_lock',
  0x02: 'manual_unlock',
  0x05: 'keypad_lock',
  0x06: 'keypad_unlock',
  0x0b: 'jammed',
  // Too many wrong codes at the keypad; an invalid credential (User Credential-era locks).
  0x13: 'wrong_code',
  0x32: 'wrong_code',
};
/** Home Security: cover removed, tampering by invalid code, product moved. */
const tamperEvents = new Set([0x03, 0x04, 0x09]);
/** Access Control: all codes deleted, one deleted, one added (at the lock's own keypad, or by another controller). */
const codeEvents = new Set([0x0c, 0x0d, 0x0e]);
/** Access Control: "new user code not added due to duplicate code". */
export const duplicateCodeEvent = 0x0f;
/** Power Management: replace battery soon / now, charge battery soon / now. */
const lowBatteryEvents = new Set([0x0a, 0x0b, 0x0e, 0x0f]);

export type NotificationMeaning =
  | { kind: 'event'; event: LiveLockEvent }
  | { kind: 'codes_changed'; slot: number | null }
  | { kind: 'duplicate'; slot: number | null }
  | { kind: 'battery_low' }
  | null;

const userIdOf = (parameters: unknown): number | null => {
  const id = (parameters as { userId?: unknown } | undefined)?.userId;
  return typeof id === 'number' && id > 0 ? id : null;
};

export function notificationMeaning(nodeId: number, ccId: CommandClasses, args: ZWaveNotificationCallbackArgs_NotificationCC): NotificationMeaning {
  if (ccId !== CommandClasses.Notification) return null;
  if (args.type === accessControl) {
    const access = accessEvents[args.event];
    if (access) return { kind: 'event', event: { kind: 'access', nodeId, access, slot: userIdOf(args.parameters) } };
    if (args.event === duplicateCodeEvent) return { kind: 'duplicate', slot: userIdOf(args.parameters) };
    if (codeEvents.has(args.event)) return { kind: 'codes_changed', slot: userIdOf(args.parameters) };
  }
  if (args.type === homeSecurity && tamperEvents.has(args.event)) return { kind: 'event', event: { kind: 'access', nodeId, access: 'tamper', slot: null } };
  if (args.type === powerManagement && lowBatteryEvents.has(args.event)) return { kind: 'battery_low' };
  return null;
}
