import { CRC16_CCITT } from '@zwave-js/core';
import type { MockController, MockNode, MockNodeBehavior, MockNodeResponse } from '@zwave-js/testing';
import {
  UserCodeCCAdminCodeGet,
  UserCodeCCAdminCodeReport,
  UserCodeCCAdminCodeSet,
  UserCodeCCCapabilitiesGet,
  UserCodeCCCapabilitiesReport,
  UserCodeCCExtendedUserCodeGet,
  UserCodeCCExtendedUserCodeSet,
  UserCodeCCGet,
  UserCodeCCKeypadModeGet,
  UserCodeCCKeypadModeReport,
  UserCodeCCKeypadModeSet,
  UserCodeCCReport,
  UserCodeCCSet,
  UserCodeCCUserCodeChecksumGet,
  UserCodeCCUserCodeChecksumReport,
  UserCodeCCUsersNumberGet,
  UserCodeCCUsersNumberReport,
  UserIDStatus,
  type UserCode,
} from 'zwave-js';
import { accessNotification, AccessEvent, sendUnsolicited } from '../notifications';
import type { SimLockState } from '../sim-lock-state';
import { extendedUserCodeReport, parseExtendedUserCodeGets } from './extended-user-codes';
import type { LockStateOf } from './lock-of';

/** Bytes of codes an Extended User Code Report carries when asked to report more. */
const REPORT_BUDGET_BYTES = 40;

type Verdict = { ok: true } | { ok: false; duplicateOf?: number };

const asText = (code: unknown): string => (typeof code === 'string' ? code : code instanceof Uint8Array ? Buffer.from(code).toString('ascii') : '');

/**
 * One slot write as the lock judges it. A code already held by another slot is refused (User
 * Code CC: codes are unique per lock) and reported as Access Control 0x0F, "new user code not
 * added due to duplicate code"; a code of the wrong length or characters, a full lock and the
 * `refuse_next_code` fault are refused without a word, as locks do.
 */
function writeSlot(lock: SimLockState, userId: number, status: UserIDStatus, rawCode: unknown): Verdict {
  if (userId < 1 || userId > lock.spec.userCode.slots) return { ok: false };
  if (status === UserIDStatus.Available || status === UserIDStatus.StatusNotAvailable) {
    lock.clearSlot(userId);
    return { ok: true };
  }
  const code = asText(rawCode);
  const { min, max } = lock.spec.userCode.pinLength;
  if (!/^\d+$/.test(code) || code.length < min || code.length > max) return { ok: false };
  if (lock.faults.refuseNextCode) {
    lock.faults.refuseNextCode = false;
    return { ok: false };
  }
  const duplicateOf = lock.holderOf(code, userId);
  if (duplicateOf !== null) return { ok: false, duplicateOf };
  if (!lock.hasRoom(userId)) return { ok: false };
  lock.setSlot(userId, status, code);
  return { ok: true };
}

/** The lock tells about refused duplicates on its own, after answering the set. */
function reportDuplicates(controller: MockController, node: MockNode, lock: SimLockState, userIds: number[]): void {
  for (const userId of userIds) {
    void sendUnsolicited(controller, node, accessNotification(controller, AccessEvent.duplicateCode, Uint8Array.of(userId & 0xff)), lock.security).catch(() => undefined);
  }
}

/** The User Code CC v2 checksum: CRC-16-CCITT over each held slot's id (2 bytes), status and code, in slot order; 0 with none. */
export function userCodeChecksum(slots: Iterable<[number, { status: UserIDStatus; code: string }]>): number {
  const parts: number[] = [];
  for (const [userId, slot] of [...slots].sort((a, b) => a[0] - b[0])) {
    if (slot.status === UserIDStatus.Available || slot.code.length === 0) continue;
    parts.push(userId >> 8, userId & 0xff, slot.status, ...Buffer.from(slot.code, 'ascii'));
  }
  return parts.length === 0 ? 0 : CRC16_CCITT(Uint8Array.from(parts));
}

function userCodeOf(lock: SimLockState, userId: number): UserCode {
  const slot = lock.slot(userId);
  return { userId, userIdStatus: slot.status, userCode: slot.code };
}

export function userCodeBehaviors(lockOf: LockStateOf): MockNodeBehavior[] {
  parseExtendedUserCodeGets();
  const v2 = (self: MockNode) => lockOf(self).spec.userCode.version === 2;
  const handle = (controller: MockController, self: MockNode, cc: unknown): MockNodeResponse | undefined => {
    const lock = lockOf(self);
    const to = controller.ownNodeId;
    if (cc instanceof UserCodeCCUsersNumberGet) {
      return { action: 'sendCC', cc: new UserCodeCCUsersNumberReport({ nodeId: to, supportedUsers: lock.spec.userCode.slots }) };
    }
    if (cc instanceof UserCodeCCGet) {
      if (cc.userId < 1 || cc.userId > lock.spec.userCode.slots) {
        return { action: 'sendCC', cc: new UserCodeCCReport({ nodeId: to, userId: cc.userId, userIdStatus: UserIDStatus.StatusNotAvailable }) };
      }
      const slot = lock.slot(cc.userId);
      return { action: 'sendCC', cc: new UserCodeCCReport({ nodeId: to, userId: cc.userId, userIdStatus: slot.status, userCode: slot.code }) };
    }
    if (cc instanceof UserCodeCCSet) {
      // User id 0 with status available clears every slot (User Code CC).
      if (cc.userId === 0 && cc.userIdStatus === UserIDStatus.Available) {
        for (const userId of [...lock.slots.keys()]) lock.clearSlot(userId);
        return { action: 'ok' };
      }
      const verdict = writeSlot(lock, cc.userId, cc.userIdStatus, 'userCode' in cc ? cc.userCode : undefined);
      if (!verdict.ok && verdict.duplicateOf !== undefined) reportDuplicates(controller, self, lock, [cc.userId]);
      return { action: verdict.ok ? 'ok' : 'fail' };
    }
    if (!v2(self)) return undefined;
    if (cc instanceof UserCodeCCExtendedUserCodeSet) {
      const duplicates: number[] = [];
      let allOk = true;
      for (const entry of cc.userCodes) {
        if (entry.userId === 0 && entry.userIdStatus === UserIDStatus.Available) {
          for (const userId of [...lock.slots.keys()]) lock.clearSlot(userId);
          continue;
        }
        const verdict = writeSlot(lock, entry.userId, entry.userIdStatus, 'userCode' in entry ? entry.userCode : undefined);
        if (!verdict.ok) allOk = false;
        if (!verdict.ok && verdict.duplicateOf !== undefined) duplicates.push(entry.userId);
      }
      reportDuplicates(controller, self, lock, duplicates);
      return { action: allOk ? 'ok' : 'fail' };
    }
    if (cc instanceof UserCodeCCExtendedUserCodeGet) {
      const codes = [userCodeOf(lock, cc.userId)];
      const held = [...lock.slots.keys()].filter((id) => id > cc.userId).sort((a, b) => a - b);
      let bytes = 4 + (codes[0]?.userCode.length ?? 0);
      while (cc.reportMore && held.length > 0 && bytes + 4 + lock.slot(held[0]!).code.length <= REPORT_BUDGET_BYTES) {
        const next = held.shift()!;
        bytes += 4 + lock.slot(next).code.length;
        codes.push(userCodeOf(lock, next));
      }
      return { action: 'sendCC', cc: extendedUserCodeReport(to, codes, held[0] ?? 0) };
    }
    if (cc instanceof UserCodeCCCapabilitiesGet) {
      return {
        action: 'sendCC',
        cc: new UserCodeCCCapabilitiesReport({
          nodeId: to,
          supportsAdminCode: true,
          supportsAdminCodeDeactivation: true,
          supportsUserCodeChecksum: true,
          // zwave-js's CC library cannot parse an Extended User Code Get on the mock's side, so the lock reads slot by slot.
          supportsMultipleUserCodeReport: false,
          supportsMultipleUserCodeSet: true,
          supportedUserIDStatuses: [UserIDStatus.Available, UserIDStatus.Enabled, UserIDStatus.Disabled],
          supportedKeypadModes: lock.spec.keypadModes,
          supportedASCIIChars: '0123456789',
        }),
      };
    }
    if (cc instanceof UserCodeCCUserCodeChecksumGet) {
      return { action: 'sendCC', cc: new UserCodeCCUserCodeChecksumReport({ nodeId: to, userCodeChecksum: userCodeChecksum(lock.slots) }) };
    }
    if (cc instanceof UserCodeCCKeypadModeGet) return { action: 'sendCC', cc: new UserCodeCCKeypadModeReport({ nodeId: to, keypadMode: lock.keypadMode }) };
    if (cc instanceof UserCodeCCKeypadModeSet) {
      if (!lock.spec.keypadModes.includes(cc.keypadMode)) return { action: 'fail' };
      lock.keypadMode = cc.keypadMode;
      return { action: 'ok' };
    }
    if (cc instanceof UserCodeCCAdminCodeGet) return { action: 'sendCC', cc: new UserCodeCCAdminCodeReport({ nodeId: to, adminCode: lock.adminCode }) };
    if (cc instanceof UserCodeCCAdminCodeSet) {
      lock.adminCode = cc.adminCode;
      return { action: 'ok' };
    }
    return undefined;
  };
  return [{ handleCC: handle }];
}
