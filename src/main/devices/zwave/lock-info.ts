import { CommandClasses, NodeStatus, SecurityClass, isRssiError } from '@zwave-js/core';
import { BatteryCCValues, KeypadMode, ScheduleEntryLockCCValues, UserCodeCCValues, type ZWaveNode } from 'zwave-js';
import type { LinkSecurity, LiveLockCapabilities, LiveLockInfo, LiveLockStatus } from '../live/live-lock-network';
import { lockPinLength } from './pin-length';

/** A node is a lock when it keeps codes (User Code CC) or drives a bolt (Door Lock CC). */
export function isLock(node: ZWaveNode): boolean {
  return node.supportsCC(CommandClasses['User Code']) || node.supportsCC(CommandClasses['Door Lock']);
}

/** S2 Access Control (or Authenticated) protects a lock as the spec asks; S0 and S2 Unauthenticated are flagged as weak. */
export function linkSecurity(node: ZWaveNode): LinkSecurity {
  switch (node.getHighestSecurityClass()) {
    case SecurityClass.S2_AccessControl:
    case SecurityClass.S2_Authenticated:
      return 'strong';
    case SecurityClass.S2_Unauthenticated:
    case SecurityClass.S0_Legacy:
      return 'weak';
    default:
      return 'none';
  }
}

export function lockStatus(status: NodeStatus): LiveLockStatus {
  switch (status) {
    case NodeStatus.Alive:
    case NodeStatus.Awake:
      return 'alive';
    case NodeStatus.Asleep:
      return 'asleep';
    case NodeStatus.Dead:
      return 'dead';
    default:
      return 'unknown';
  }
}

const keypadModes: Record<number, LiveLockCapabilities['keypadModes'][number]> = {
  [KeypadMode.Normal]: 'normal',
  [KeypadMode.Vacation]: 'vacation',
  [KeypadMode.Privacy]: 'privacy',
  [KeypadMode.LockedOut]: 'locked_out',
};

/** What the interview read (zwave-js keeps it in the node's values); null until it has read the slot count. */
export function lockCapabilities(node: ZWaveNode): LiveLockCapabilities | null {
  const slots = node.getValue<number>(UserCodeCCValues.supportedUsers.id);
  if (slots === undefined) return null;
  const v2 = (node.getCCVersion(CommandClasses['User Code']) ?? 1) >= 2;
  const schedules = node.supportsCC(CommandClasses['Schedule Entry Lock'])
    ? {
        weekDay: node.getValue<number>(ScheduleEntryLockCCValues.numWeekDaySlots.id) ?? 0,
        yearDay: node.getValue<number>(ScheduleEntryLockCCValues.numYearDaySlots.id) ?? 0,
        dailyRepeating: node.getValue<number>(ScheduleEntryLockCCValues.numDailyRepeatingSlots.id) ?? 0,
      }
    : { weekDay: 0, yearDay: 0, dailyRepeating: 0 };
  const modes = v2 ? (node.getValue<KeypadMode[]>(UserCodeCCValues.supportedKeypadModes.id) ?? []) : [];
  return {
    slots,
    // User Code CC allows 4 to 10 characters; a lock with a PIN length setting says its own.
    pinLength: lockPinLength(node),
    bulkCodes: v2 && node.getValue<boolean>(UserCodeCCValues.supportsMultipleUserCodeSet.id) === true,
    tableChecksum: v2 && node.getValue<boolean>(UserCodeCCValues.supportsUserCodeChecksum.id) === true,
    schedules,
    keypadModes: modes.flatMap((m) => (keypadModes[m] ? [keypadModes[m]] : [])),
  };
}

/** `reportedLow`: the lock said so itself (a Battery Report of 0xFF, a Power Management notification), which zwave-js keeps in no value. */
export function lockInfo(node: ZWaveNode, reportedLow = false): LiveLockInfo {
  const percent = node.getValue<number>(BatteryCCValues.level.id);
  const rssi = node.statistics.rssi;
  return {
    nodeId: node.id,
    manufacturer: node.deviceConfig?.manufacturer ?? hexId(node.manufacturerId),
    product: node.deviceConfig?.label ?? node.label ?? hexId(node.productId),
    firmware: node.firmwareVersion ?? null,
    security: linkSecurity(node),
    status: lockStatus(node.status),
    batteryPercent: percent ?? null,
    batteryLow: reportedLow || (percent !== undefined && percent <= lowBatteryPercent) || (node.getValue<number>(BatteryCCValues.rechargeOrReplace.id) ?? 0) > 0,
    rssiDbm: rssi === undefined || isRssiError(rssi) ? null : rssi,
    capabilities: lockCapabilities(node),
  };
}

/** At or below this, the grid shows the battery as low, whatever the lock says (locks differ on when they warn). */
export const lowBatteryPercent = 20;

const hexId = (id: number | undefined): string => (id === undefined ? 'Unknown' : `0x${id.toString(16).padStart(4, '0')}`);
