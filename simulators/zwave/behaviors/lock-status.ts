import type { MockNodeBehavior } from '@zwave-js/testing';
import { NotificationCCGet, NotificationCCReport, BatteryCCGet, BatteryCCReport, DoorLockCCOperationGet, DoorLockCCOperationReport, DoorLockCCOperationSet, DoorLockMode, type DoorHandleStatus } from 'zwave-js';
import type { LockStateOf } from './lock-of';

/** Below this a lock reports its battery as low (Battery CC's 0xFF "low battery warning"). */
export const LOW_BATTERY_PERCENT = 10;

const noHandles: DoorHandleStatus = [false, false, false, false];

export function doorLockReport(ownNodeId: number, locked: boolean): DoorLockCCOperationReport {
  return new DoorLockCCOperationReport({
    nodeId: ownNodeId,
    currentMode: locked ? DoorLockMode.Secured : DoorLockMode.Unsecured,
    outsideHandlesCanOpenDoor: noHandles,
    insideHandlesCanOpenDoor: [true, false, false, false],
    boltStatus: locked ? 'locked' : 'unlocked',
    lockTimeout: undefined,
  });
}

/**
 * The lock's level as it is; below the warning mark it also asks for a replacement soon
 * (Battery CC v2's replace-soon flag), as keypad deadbolts do.
 */
export function batteryReport(ownNodeId: number, percent: number): BatteryCCReport {
  return new BatteryCCReport({ nodeId: ownNodeId, level: percent });
}

/** Battery CC and Notification Get (zwave-js has no mock for them), and Door Lock operation against the lock's own state. */
export function lockStatusBehaviors(lockOf: LockStateOf): MockNodeBehavior[] {
  return [
    {
      handleCC(controller, self, cc) {
        if (cc instanceof BatteryCCGet) return { action: 'sendCC', cc: batteryReport(controller.ownNodeId, lockOf(self).batteryPercent) };
        return undefined;
      },
    },
    {
      // A pull of a notification type the lock reports: nothing pending (event 0, idle).
      handleCC(controller, _self, cc) {
        if (!(cc instanceof NotificationCCGet) || cc.notificationType === undefined) return undefined;
        return { action: 'sendCC', cc: new NotificationCCReport({ nodeId: controller.ownNodeId, notificationType: cc.notificationType, notificationEvent: 0, notificationStatus: 0xff }) };
      },
    },
    {
      handleCC(controller, self, cc) {
        const lock = lockOf(self);
        if (cc instanceof DoorLockCCOperationGet) return { action: 'sendCC', cc: doorLockReport(controller.ownNodeId, lock.locked) };
        if (cc instanceof DoorLockCCOperationSet) {
          // A jammed bolt does not move: the command fails, as Supervision reports it.
          if (lock.faults.jammed) return { action: 'fail' };
          lock.locked = cc.mode === DoorLockMode.Secured;
          return { action: 'ok' };
        }
        return undefined;
      },
    },
  ];
}
