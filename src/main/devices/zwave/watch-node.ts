import { CommandClasses } from '@zwave-js/core';
import { DoorLockMode, type ZWaveNode } from 'zwave-js';
import type { LiveLockEvent } from '../live/live-lock-network';
import { lockInfo, lockStatus } from './lock-info';
import { notificationMeaning } from './lock-events';
import type { LockState } from './zwave-lock';

/** The Notification CC values zwave-js names by their type's label. */
const notificationTypes: Record<string, number> = { 'Access Control': 0x06, 'Home Security': 0x07, 'Power Management': 0x08 };

/**
 * Turns one node's zwave-js events into Porter's: keypad use and alarms (Notification CC),
 * the bolt (Door Lock CC), the battery, dead/alive/asleep, and codes changed without Porter.
 * Returns the function that stops listening.
 */
export function watchNode(node: ZWaveNode, state: LockState, emit: (event: LiveLockEvent) => void): () => void {
  const nodeId = node.id;
  const status = (): void => emit({ kind: 'status', nodeId, status: lockStatus(node.status) });
  const codeChanged = (slot: number | null): void => {
    // The table Porter last read is no longer the lock's: the next read reads it whole.
    state.reported = null;
    if (slot !== null) emit({ kind: 'code_changed', nodeId, slot });
  };

  const onNotification = (_endpoint: unknown, ccId: CommandClasses, args: unknown): void => {
    const meaning = notificationMeaning(nodeId, ccId, args as Parameters<typeof notificationMeaning>[2]);
    if (!meaning) return;
    if (meaning.kind === 'event') emit(meaning.event);
    else if (meaning.kind === 'duplicate') for (const slot of meaning.slot !== null ? [meaning.slot] : state.inFlight) state.duplicates.add(slot);
    else if (meaning.kind === 'battery_low') {
      state.lowBattery = true;
      const info = lockInfo(node, true);
      emit({ kind: 'battery', nodeId, percent: info.batteryPercent ?? 0, low: true });
    } else if (meaning.slot === null || !state.writing.has(meaning.slot)) codeChanged(meaning.slot);
  };

  const onValue = (_node: ZWaveNode, args: { commandClass: number; property: string | number; propertyKey?: string | number; newValue: unknown; prevValue: unknown }): void => {
    // Alarms that are states (a jammed bolt, an open cover) come as Notification CC values, not events.
    const stateType = args.commandClass === CommandClasses.Notification && typeof args.property === 'string' ? notificationTypes[args.property] : undefined;
    if (stateType !== undefined) {
      if (typeof args.newValue === 'number' && args.newValue !== 0 && args.newValue !== args.prevValue)
        onNotification(undefined, CommandClasses.Notification, { type: stateType, event: args.newValue });
    } else if (args.commandClass === CommandClasses['Door Lock'] && args.property === 'currentMode' && args.newValue !== args.prevValue)
      emit({ kind: 'bolt', nodeId, locked: args.newValue === DoorLockMode.Secured });
    else if (args.commandClass === CommandClasses.Battery && args.property === 'level' && typeof args.newValue === 'number') {
      // A fresh level above the warning mark ends an earlier low-battery notice.
      if (args.newValue > 20) state.lowBattery = false;
      const info = lockInfo(node, state.lowBattery);
      emit({ kind: 'battery', nodeId, percent: args.newValue, low: info.batteryLow });
    } else if (args.commandClass === CommandClasses.Battery && args.property === 'isLow' && args.newValue === true && !state.lowBattery) {
      // A Battery Report of 0xFF: the lock's low-battery warning, with no level (zwave-js keeps only this flag).
      state.lowBattery = true;
      const info = lockInfo(node, true);
      emit({ kind: 'battery', nodeId, percent: info.batteryPercent ?? 0, low: true });
    } else if (
      args.commandClass === CommandClasses['User Code'] &&
      (args.property === 'userCode' || args.property === 'userIdStatus') &&
      typeof args.propertyKey === 'number' &&
      args.prevValue !== undefined &&
      args.newValue !== args.prevValue &&
      !state.writing.has(args.propertyKey)
    )
      codeChanged(args.propertyKey);
  };

  node.on('notification', onNotification);
  node.on('value updated', onValue);
  node.on('dead', status);
  node.on('alive', status);
  node.on('sleep', status);
  node.on('wake up', status);
  return () => {
    node.off('notification', onNotification);
    node.off('value updated', onValue);
    node.off('dead', status);
    node.off('alive', status);
    node.off('sleep', status);
    node.off('wake up', status);
  };
}
