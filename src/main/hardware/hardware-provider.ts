import type { HardwareSimulation, SimulatedZWavePanel } from '../../shared/domain';
import type { AccessContext } from '../access/access-context';
import type { BleCentral, BleDongleInfo } from '../devices/ble/gatt';
import type { HidBus } from '../devices/link';
import type { BleHostEntry } from '../devices/links/ble-host/remote-central';
import type { LiveLockLinks } from '../devices/live/live-lock-network';
import type { SecretStore } from '../secrets/secret-store';

/**
 * Where a core's door hardware comes from. The product's is `realHardware` (USB programmers
 * through node-hid, BLE dongles through noble); training's lives in simulators/ and is reached
 * only through `loadTrainingHardware`. The core never decides which by itself: a console with
 * nothing plugged in has no hardware, never simulated hardware.
 */
export interface HardwareProvider {
  /** 'training': simulated doors; a core given this provider is a training core. */
  readonly kind: 'real' | 'training';
  open(env: HardwareEnvironment): HardwareLinks;
}

/** What a provider may use: the store and clock (a simulated lock is built from its door), and where the BLE stack runs. */
export interface HardwareEnvironment extends AccessContext {
  /** The BLE stack in a process of its own (Electron's core worker); unset, in this thread. */
  bleHost?: BleHostEntry;
  /** Where network keys are kept (the OS keychain on the hosts). */
  secrets: SecretStore;
  /** The console's data folder (':memory:' in tests): zwave-js keeps its cache of the network's nodes beside the store. */
  dataDir: string;
  /** A Z-Wave stick's path the user gave (--zwave-stick). */
  zwaveStick?: string;
}

/** The links the hardware service works through. */
export interface HardwareLinks {
  /** Buses key-programmers are plugged into. */
  buses: HidBus[];
  /** BLE dongles and how to open one; null when this console does no Bluetooth. */
  bluetooth: BluetoothLinks | null;
  /** Sticks of live lock networks (Z-Wave) and how to open one; null when this console reaches no live locks. */
  live: LiveLockLinks | null;
  /** Training only: the simulators behind these links, under the technician's control; null on a product console. */
  simulators: TrainingSimulators | null;
  close(): Promise<void>;
}

export interface BluetoothLinks {
  listDongles(): Promise<BleDongleInfo[]>;
  openCentral(dongle: BleDongleInfo): Promise<BleCentral>;
}

/** The simulators' controls (the Hardware page's simulator panels in training). */
export interface TrainingSimulators {
  /** Plug or unplug a programmer, attach a door, inject a fault, walk to a floor, bring a factory-new lock. */
  simulate(action: HardwareSimulation): Promise<void>;
  /** The floor the simulated technician stands on, whose Bluetooth locks are in range. */
  floorId(): string | null;
  /** The simulated Z-Wave locks (node, door, state) and a factory-new lock's DSK PIN, for the simulator panel. */
  zwave(): SimulatedZWavePanel;
}
