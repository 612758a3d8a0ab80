import type { MockNodeBehavior } from '@zwave-js/testing';
import { createMockZWaveRequestFrame } from '@zwave-js/testing';
import {
  NotificationCCReport,
  UserCodeCCCapabilitiesGet,
  UserCodeCCCapabilitiesReport,
  UserCodeCCExtendedUserCodeSet,
  UserCodeCCSet,
  KeypadMode,
  UserIDStatus,
  type CommandClass,
} from 'zwave-js';

/*
 * Lock behaviours zwave-js's mock lacks, for these tests only (the simulator has its own):
 * a v2 lock that takes several codes per Extended User Code Set, refuses a code another slot
 * holds (Access Control "duplicate" notification, as locks do), and fails a reserved slot.
 */

const stateKey = { status: (slot: number) => `UserCode_userIdStatus_${slot}`, code: (slot: number) => `UserCode_userCode_${slot}` };

export const bulkCapabilities: MockNodeBehavior = {
  handleCC(controller, _self, cc) {
    if (!(cc instanceof UserCodeCCCapabilitiesGet)) return undefined;
    return {
      action: 'sendCC',
      cc: new UserCodeCCCapabilitiesReport({
        nodeId: controller.ownNodeId,
        supportsAdminCode: false,
        supportsAdminCodeDeactivation: false,
        supportsUserCodeChecksum: true,
        supportsMultipleUserCodeReport: false,
        supportsMultipleUserCodeSet: true,
        supportedUserIDStatuses: [UserIDStatus.Available, UserIDStatus.Enabled, UserIDStatus.Disabled],
        supportedKeypadModes: [KeypadMode.Normal, KeypadMode.Vacation],
        supportedASCIIChars: '0123456789',
      }),
    };
  },
};

const codesOf = (cc: CommandClass): { userId: number; userIdStatus: UserIDStatus; userCode?: string | Uint8Array }[] =>
  cc instanceof UserCodeCCExtendedUserCodeSet ? cc.userCodes : cc instanceof UserCodeCCSet ? [cc] : [];

/** Refuses a code held by another slot (sending the duplicate notification) and any write to `reservedSlot`. */
export function refusingLock(reservedSlot: number): MockNodeBehavior {
  return {
    async handleCC(controller, self, cc) {
      const codes = codesOf(cc);
      if (codes.length === 0) return undefined;
      let refused = false;
      let failed = false;
      for (const c of codes) {
        if (c.userId === reservedSlot) {
          failed = true;
          continue;
        }
        const code = typeof c.userCode === 'string' ? c.userCode : c.userCode ? Buffer.from(c.userCode).toString('ascii') : undefined;
        const heldElsewhere = [...self.state.entries()].some(
          ([k, v]) => k.startsWith('UserCode_userCode_') && k !== stateKey.code(c.userId) && v === code && code !== undefined,
        );
        if (c.userIdStatus !== UserIDStatus.Available && heldElsewhere) {
          refused = true;
          continue;
        }
        self.state.set(stateKey.status(c.userId), c.userIdStatus);
        self.state.set(stateKey.code(c.userId), c.userIdStatus === UserIDStatus.Available ? undefined : code);
      }
      if (refused) await sendNotification(controller.ownNodeId, self, 0x06, 0x0f);
      return { action: failed ? 'fail' : 'ok' };
    },
  };
}

export async function sendNotification(
  controllerId: number,
  self: Parameters<NonNullable<MockNodeBehavior['handleCC']>>[1],
  type: number,
  event: number,
  eventParameters?: Uint8Array<ArrayBuffer>,
): Promise<void> {
  const cc = new NotificationCCReport({ nodeId: controllerId, notificationType: type, notificationEvent: event, eventParameters });
  await self.sendToController(createMockZWaveRequestFrame(cc, { ackRequested: false }));
}

/** Counts the code frames the lock receives, by command. */
export function frameCounter(): { behaviour: MockNodeBehavior; counts: Map<string, number> } {
  const counts = new Map<string, number>();
  return {
    counts,
    behaviour: {
      handleCC(_controller, _self, cc) {
        counts.set(cc.constructor.name, (counts.get(cc.constructor.name) ?? 0) + 1);
        return undefined;
      },
    },
  };
}
