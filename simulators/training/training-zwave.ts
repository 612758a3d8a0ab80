import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HardwareSimulation, SimulatedZWavePanel } from '../../src/shared/domain';
import { assertNever, PorterError } from '../../src/shared/errors';
import type { AccessContext } from '../../src/main/access/access-context';
import type { LiveLockLinks, LiveStickInfo } from '../../src/main/devices/live/live-lock-network';
import { zwaveDriverOptions } from '../../src/main/devices/zwave/zwave-driver-options';
import { zwaveNetwork } from '../../src/main/devices/zwave/zwave-network';
import { newZWaveKeys } from '../../src/main/secrets/zwave-keys';
import { unitDoorsOnFloor } from '../../src/main/store/floor-doors-repo';
import { keypadDeadbolt, type SimulatedLockSpec } from '../zwave/lock-spec';
import { openSimulatedStickIn } from '../zwave/simulated-stick';
import { createSimulatedZWave, type SimulatedZWaveWorld } from '../zwave/simulated-zwave';
import { fitSimulatedLocks } from './training-zwave-doors';

export type ZWaveSimulation = Extract<HardwareSimulation, { action: `zwave_${string}` }>;

/** The demo's Z-Wave deadbolt model: its unit doors get a simulated lock each. */
export const demoZWaveModelId = 'halden-zw300';

export const simulatedStick: LiveStickInfo = { path: 'simulated:zwave', label: 'Simulated Z-Wave stick', simulated: true };

/** Training's Z-Wave: the simulated locks, the stick the console opens, and the panel's view. */
export interface ZWaveSimulator {
  zwave: SimulatedZWaveWorld;
  links: LiveLockLinks;
  panel(): SimulatedZWavePanel;
  simulate(action: ZWaveSimulation): Promise<void>;
  close(): void;
}

/** One simulated deadbolt per unit door of the demo's Z-Wave model, node ids from 2 in the units' order. */
export function demoZWaveLocks(ctx: AccessContext): SimulatedLockSpec[] {
  const doors = ctx
    .community()
    .buildings.flatMap((b) => b.floors)
    .flatMap((floor) => unitDoorsOnFloor(ctx.db, floor.id))
    .filter((door) => door.modelId === demoZWaveModelId);
  const model = ctx.community().lockModels.find((m) => m.id === demoZWaveModelId);
  const pinLength = model?.capabilities.pinLength ?? { min: 4, max: 8 };
  return doors.map((door, i) => keypadDeadbolt({ nodeId: 2 + i, doorId: door.id, userCode: { version: 2, slots: model?.capabilities.slots ?? 250, pinLength } }));
}

/** Where training keeps its simulated network between sessions: the training folder, or a temporary one for a store in memory. */
function trainingZWaveFolder(dataDir: string): { dir: string; temporary: boolean } {
  if (dataDir === ':memory:') return { dir: mkdtempSync(join(tmpdir(), 'porter-training-zwave-')), temporary: true };
  const dir = join(dataDir, 'training-zwave');
  mkdirSync(dir, { recursive: true });
  return { dir, temporary: false };
}

/**
 * Training's simulated Z-Wave: the demo's Z-Wave unit doors fitted with their locks from the
 * first start, and the stick where the trainee left it. The first time, it is unplugged: the
 * driver interviews every lock once (about a minute of work for three dozen locks here), and a
 * trainee who is not rehearsing Z-Wave should not wait on it. Once plugged, zwave-js keeps what
 * the interviews found in the training folder, so at the next start the stick is back in its
 * port and the network opens in seconds.
 */
export function createZWaveSimulator(ctx: AccessContext & { dataDir: string }): ZWaveSimulator {
  const specs = demoZWaveLocks(ctx);
  fitSimulatedLocks(ctx, specs);
  const zwave = createSimulatedZWave({ locks: specs, now: () => ctx.now().getTime() });
  const folder = trainingZWaveFolder(ctx.dataDir);
  const cacheDir = join(folder.dir, 'zwave-cache');
  mkdirSync(cacheDir, { recursive: true });
  // The stick's place, as the trainee left it: in its port when this file is there.
  const pluggedMark = join(folder.dir, 'stick-plugged');
  if (!existsSync(pluggedMark)) void zwave.unplug();
  const leftPlugged = (plugged: boolean): void => {
    if (plugged) writeFileSync(pluggedMark, '');
    else rmSync(pluggedMark, { force: true });
  };
  // A training network of its own: fresh keys each session (never the keychain's); the mock locks take the same ones.
  const keys = newZWaveKeys();

  const links: LiveLockLinks = {
    listSticks: async () => (zwave.isPlugged() ? [simulatedStick] : []),
    async openNetwork(stick) {
      if (!stick.simulated) throw new Error('Training mode opens only its simulated Z-Wave stick.');
      const opened = await openSimulatedStickIn(zwave, { cacheDir, driverOptions: zwaveDriverOptions(keys, cacheDir) });
      const network = zwaveNetwork(opened.driver, simulatedStick, { watchRemoval: (removed) => zwave.watchUnplug(removed) });
      return { ...network, close: () => network.close().then(() => opened.close()) };
    },
  };

  const lockOn = (nodeId: number) => {
    try {
      return zwave.lock(nodeId);
    } catch {
      throw new PorterError('not_found', `No simulated Z-Wave lock is node ${nodeId}.`, 'nodeId');
    }
  };

  return {
    zwave,
    links,
    panel: () => ({ plugged: zwave.isPlugged(), locks: zwave.locks(), factoryNewLock: zwave.factoryNewLock() }),
    async simulate(action) {
      switch (action.action) {
        case 'zwave_keypad':
          lockOn(action.nodeId);
          await zwave.pressKeypad(action.nodeId, action.code);
          return;
        case 'zwave_fault':
          lockOn(action.nodeId);
          return zwave.fault(action.nodeId, action.fault);
        case 'zwave_new_lock': {
          if (zwave.factoryNewLock()) throw new PorterError('not_allowed', 'A factory-new lock is already waiting to be added.');
          const spec = keypadDeadbolt({ security: action.security, product: action.security === 's0' ? 'Simulated S0 deadbolt' : 'Simulated keypad deadbolt' });
          // Resolves once the lock waits; the console's inclusion picks it up, the panel shows its DSK PIN meanwhile.
          const offer = await zwave.offerFactoryNewLock(spec, { failBootstrap: action.failBootstrap ?? false }).catch((error: Error) => {
            throw new PorterError('not_allowed', error.message);
          });
          offer.included.catch(() => undefined);
          return;
        }
        case 'zwave_unplug':
          leftPlugged(false);
          return zwave.unplug();
        case 'zwave_plug':
          leftPlugged(true);
          return zwave.plug();
        default:
          return assertNever(action, 'Z-Wave simulation');
      }
    },
    close: () => {
      if (folder.temporary) rmSync(folder.dir, { recursive: true, force: true });
    },
  };
}
