import { CommandClasses, SecurityClass } from '@zwave-js/core';
import { ccCaps, MockNode, type MockController, type MockNodeBehavior, type PartialCCCapabilities } from '@zwave-js/testing';
import { DoorLockMode, DoorLockOperationType } from 'zwave-js';
import { createDefaultMockNodeBehaviors } from 'zwave-js/Testing';
import { SIM_MANUFACTURER_ID, SIM_PRODUCT_TYPE } from './device-config';
import type { SimulatedLockSpec } from './lock-spec';
import { ACCESS_CONTROL, HOME_SECURITY, LOCK_EVENTS } from './notifications';

/** Entry Control, Secure Keypad Door Lock: what a keypad deadbolt announces itself as. */
const ENTRY_CONTROL = 0x40;
const SECURE_KEYPAD_DOOR_LOCK = 0x03;

function securityClasses(spec: SimulatedLockSpec): Set<SecurityClass> {
  if (spec.security === 's2') return new Set([SecurityClass.S2_AccessControl]);
  if (spec.security === 's0') return new Set([SecurityClass.S0_Legacy]);
  return new Set();
}

/** The command classes a lock of this spec implements, with the versions it reports. */
export function lockCommandClasses(spec: SimulatedLockSpec): PartialCCCapabilities[] {
  const secure = spec.security !== 'none';
  // Application CCs are supported only securely on a secure lock (its NIF lists them under S2/S0).
  const app = <T extends CommandClasses>(cc: PartialCCCapabilities<T>): PartialCCCapabilities<T> => (typeof cc === 'object' ? { ...cc, isSupported: true, secure } : cc);
  const plain = (ccId: CommandClasses, version: number, onlySecure = false): PartialCCCapabilities => ({ ccId, isSupported: true, version, secure: onlySecure });
  const classes: PartialCCCapabilities[] = [
    plain(CommandClasses['Manufacturer Specific'], 2),
    plain(CommandClasses.Version, 3),
    plain(CommandClasses.Supervision, 1),
    app(ccCaps({
      ccId: CommandClasses['User Code'],
      version: spec.userCode.version,
      numUsers: spec.userCode.slots,
      supportsUserCodeChecksum: spec.userCode.version === 2,
      supportsAdminCode: spec.userCode.version === 2,
      supportsAdminCodeDeactivation: spec.userCode.version === 2,
      supportedKeypadModes: spec.keypadModes,
      supportedASCIIChars: '0123456789',
    })),
    app(ccCaps({
      ccId: CommandClasses['Door Lock'],
      version: 4,
      supportedOperationTypes: [DoorLockOperationType.Constant],
      supportedDoorLockModes: [DoorLockMode.Unsecured, DoorLockMode.Secured],
      boltSupported: true,
      latchSupported: false,
      doorSupported: false,
    })),
    plain(CommandClasses.Battery, 1, secure),
    app(ccCaps({
      ccId: CommandClasses.Notification,
      version: 8,
      supportsV1Alarm: false,
      notificationTypesAndEvents: { [ACCESS_CONTROL]: LOCK_EVENTS.accessControl, [HOME_SECURITY]: LOCK_EVENTS.homeSecurity },
    })),
  ];
  const { weekDay, yearDay, dailyRepeating } = spec.schedules;
  if (weekDay + yearDay + dailyRepeating > 0) {
    classes.push(app(ccCaps({
      ccId: CommandClasses['Schedule Entry Lock'],
      version: 3,
      numWeekDaySlots: weekDay,
      numYearDaySlots: yearDay,
      numDailyRepeatingSlots: dailyRepeating,
    })));
  }
  if (spec.security === 's2') classes.push(plain(CommandClasses['Security 2'], 1));
  if (spec.security === 's0') classes.push(plain(CommandClasses.Security, 1));
  return classes;
}

/** The capabilities a MockNode is created with, for a lock already on the network or one being included. */
export function lockNodeOptions(nodeId: number, spec: SimulatedLockSpec) {
  return {
    id: nodeId,
    capabilities: {
      manufacturerId: SIM_MANUFACTURER_ID,
      productType: SIM_PRODUCT_TYPE,
      productId: spec.productId,
      firmwareVersion: '1.0',
      genericDeviceClass: ENTRY_CONTROL,
      specificDeviceClass: SECURE_KEYPAD_DOOR_LOCK,
      supportsSecurity: spec.security !== 'none',
      securityClasses: securityClasses(spec),
      commandClasses: lockCommandClasses(spec),
    },
  };
}

/** zwave-js's own node behaviours first, then the lock's (later ones take precedence). */
export function defineLockBehaviors(node: MockNode, lockBehaviors: MockNodeBehavior[]): void {
  node.defineBehavior(...createDefaultMockNodeBehaviors());
  node.defineBehavior(...lockBehaviors);
}

export async function createLockNode(controller: MockController, nodeId: number, spec: SimulatedLockSpec, lockBehaviors: MockNodeBehavior[]): Promise<MockNode> {
  const node = await MockNode.create({ controller, ...lockNodeOptions(nodeId, spec) });
  defineLockBehaviors(node, lockBehaviors);
  return node;
}
