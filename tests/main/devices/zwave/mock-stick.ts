import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandClasses, type CommandClassInfo } from '@zwave-js/core';
import { MockController, MockNode, ccCaps, type MockNodeOptions } from '@zwave-js/testing';
import type { MockPort } from '@zwave-js/serial/mock';
import type { Driver } from 'zwave-js';
import { createAndStartDriverWithMockPort, createDefaultMockControllerBehaviors, createDefaultMockNodeBehaviors } from 'zwave-js/Testing';
import type { ZWaveNetworkKeys } from '../../../../src/main/secrets/zwave-keys';
import { newZWaveKeys } from '../../../../src/main/secrets/zwave-keys';
import { zwaveDriverOptions } from '../../../../src/main/devices/zwave/zwave-driver-options';

/**
 * The real zwave-js driver on zwave-js's own mock controller, in this process (tests only):
 * real Serial API bytes between them. Lock nodes answer with zwave-js's default behaviours.
 */
export interface MockStick {
  driver: Driver;
  controller: MockController;
  mockPort: MockPort;
  nodes: Map<number, MockNode>;
  keys: ZWaveNetworkKeys;
  stop(): Promise<void>;
}

export interface MockLock {
  id: number;
  userCodeVersion: 1 | 2;
  slots: number;
  /** Extra or replacing command classes. */
  commandClasses?: MockNodeOptions['capabilities'] extends infer C ? (C extends { commandClasses?: infer L } ? L : never) : never;
}

export function lockCommandClasses(lock: MockLock): (CommandClasses | (Partial<CommandClassInfo> & { ccId: CommandClasses }))[] {
  return [
    // Without Version CC, zwave-js takes every CC at the version it implements.
    { ccId: CommandClasses.Version, isSupported: true, version: 3 },
    { ccId: CommandClasses.Supervision, isSupported: true, version: 2 },
    ccCaps({ ccId: CommandClasses['User Code'], isSupported: true, version: lock.userCodeVersion, numUsers: lock.slots }),
    { ccId: CommandClasses['Door Lock'], isSupported: true, version: 4 },
    { ccId: CommandClasses.Battery, isSupported: true, version: 1 },
    { ccId: CommandClasses.Notification, isSupported: true, version: 8 },
  ];
}

export async function startMockStick(locks: MockLock[], keys = newZWaveKeys(), setup?: (node: MockNode) => void): Promise<MockStick> {
  const cacheDir = mkdtempSync(join(tmpdir(), 'porter-zwave-'));
  const { driver, mockPort, serial, continueStartup } = await createAndStartDriverWithMockPort({
    ...zwaveDriverOptions(keys, cacheDir),
  });
  const controller = await MockController.create({ homeId: 0x7e570001, ownNodeId: 1, mockPort, serial });
  controller.defineBehavior(...createDefaultMockControllerBehaviors());
  const nodes = new Map<number, MockNode>();
  for (const lock of locks) {
    const node = await MockNode.create({ id: lock.id, controller, capabilities: { commandClasses: lock.commandClasses ?? lockCommandClasses(lock) } });
    node.defineBehavior(...createDefaultMockNodeBehaviors());
    setup?.(node);
    controller.addNode(node);
    nodes.set(lock.id, node);
  }
  const ready = new Promise<void>((resolve) => driver.once('all nodes ready', resolve));
  continueStartup();
  await ready;
  return {
    driver,
    controller,
    mockPort,
    nodes,
    keys,
    async stop() {
      await driver.destroy();
      controller.destroy();
      rmSync(cacheDir, { recursive: true, force: true });
    },
  };
}
