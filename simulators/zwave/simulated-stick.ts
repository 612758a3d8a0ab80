import { join } from 'node:path';
import { MockController, getDefaultSupportedFunctionTypes } from '@zwave-js/testing';
import type { Driver, PartialZWaveOptions } from 'zwave-js';
import { createAndStartDriverWithMockPort, createDefaultMockControllerBehaviors } from 'zwave-js/Testing';
import { writeDeviceConfigs } from './device-config';
import { countFrames } from './frame-counter';
import type { SimulatedLockSpec } from './lock-spec';
import { createLockNode } from './mock-lock-node';
import { withRealStickManners } from './stick-manners';
import { createSimulatedZWave, type SimulatedZWave, type SimulatedZWaveWorld } from './simulated-zwave';

/** A started zwave-js driver on a simulated stick, every lock interviewed, and the simulator's controls. */
export interface SimulatedStick {
  driver: Driver;
  controls: SimulatedZWave;
  close(): Promise<void>;
}

export interface SimulatedStickOptions {
  /** zwave-js's network cache (node list, interview results), as a real stick's would be. */
  cacheDir: string;
  locks: SimulatedLockSpec[];
  /** Security keys and the like, as the Z-Wave link gives them. */
  driverOptions: PartialZWaveOptions;
}

type SecurityKeys = Partial<Record<'S0_Legacy' | 'S2_AccessControl' | 'S2_Authenticated' | 'S2_Unauthenticated', Uint8Array<ArrayBuffer>>>;

/** The simulated stick's home id: its network is the same one each time it opens. */
export const simulatedHomeId = 0x50_4f_52_54;

/** Opens a stick on fresh simulated locks. */
export async function openSimulatedStick(options: SimulatedStickOptions): Promise<SimulatedStick> {
  return openSimulatedStickIn(createSimulatedZWave({ locks: options.locks }), options);
}

/**
 * Opens a stick on locks that already exist (`createSimulatedZWave`): training opens the stick
 * again after it was unplugged, and the locks still hold their codes.
 */
/** FunctionType.RemoveFailedNode (0x61), by number: the Serial API enum does not import cleanly here (see the lint rule). */
const withRemoveFailedNode = <T extends number>(types: T[]): T[] => [...types, 0x61 as T];

export async function openSimulatedStickIn(world: SimulatedZWaveWorld, options: Omit<SimulatedStickOptions, 'locks'>): Promise<SimulatedStick> {
  if (!world.isPlugged()) throw new Error('The simulated Z-Wave stick is unplugged.');
  const deviceConfigDir = join(options.cacheDir, 'simulated-devices');
  await writeDeviceConfigs(deviceConfigDir, world.specs());
  const { driver, mockPort, serial, continueStartup } = await createAndStartDriverWithMockPort({
    ...options.driverOptions,
    logConfig: { enabled: false },
    storage: { ...options.driverOptions.storage, cacheDir: options.cacheDir, deviceConfigPriorityDir: deviceConfigDir },
  });
  const keys = options.driverOptions.securityKeys as SecurityKeys | undefined;
  const controller = await MockController.create({
    homeId: simulatedHomeId,
    ownNodeId: 1,
    mockPort,
    serial,
    // Remove Failed Node too (the simulator's own behaviour): a lock whose secure inclusion failed is taken off again.
    capabilities: { supportedFunctionTypes: withRemoveFailedNode(getDefaultSupportedFunctionTypes()) },
    securityKeys: { S0_Legacy: keys?.S0_Legacy, S2_AccessControl: keys?.S2_AccessControl, S2_Authenticated: keys?.S2_Authenticated, S2_Unauthenticated: keys?.S2_Unauthenticated },
  });
  controller.defineBehavior(...createDefaultMockControllerBehaviors());
  controller.defineBehavior(...world.inclusionBehaviors());
  // After zwave-js's behaviours: a behaviour defined later is asked first.
  withRealStickManners(controller);
  countFrames(controller, world.counts);
  for (const lock of world.lockStates()) {
    controller.addNode(await createLockNode(controller, lock.nodeId, lock.spec, world.behaviors));
  }
  world.attach({ controller, mockPort });

  const ready = new Promise<void>((resolve) => driver.once('all nodes ready', () => resolve()));
  continueStartup();
  await ready;
  let closed = false;
  return {
    driver,
    controls: world,
    close: async () => {
      if (closed) return;
      closed = true;
      world.detach(controller);
      await driver.destroy();
      controller.destroy();
    },
  };
}
