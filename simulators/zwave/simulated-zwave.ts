import type { MockController, MockControllerBehavior, MockNodeBehavior } from '@zwave-js/testing';
import type { MockPort } from '@zwave-js/serial/mock';
import type { SimulatedZWaveFault } from '../../src/shared/domain/hardware';
import type { FrameCounts } from './frame-counter';
import type { SimulatedLockSpec } from './lock-spec';
import type { SimLockState } from './sim-lock-state';
import { ZWaveWorld } from './zwave-world';

export type { FrameCounts } from './frame-counter';

/** What can go wrong with a simulated lock (`SimulatedZWave.fault`), as training's actions name it. */
export type ZWaveFault = SimulatedZWaveFault;

/** What a keypad press did at the lock. */
export type KeypadOutcome =
  | { opened: true; slot: number }
  | { opened: false; reason: 'wrong_code' | 'outside_schedule' | 'dead' | 'jammed' | 'keypad_disabled' };

/** A simulated lock as the training panel shows it. */
export interface SimulatedLockView {
  nodeId: number;
  doorId: string | null;
  product: string;
  security: SimulatedLockSpec['security'];
  locked: boolean;
  batteryPercent: number;
  dead: boolean;
}

/** A factory-new lock waiting to be included: the PIN is the DSK label's first five digits. */
export interface FactoryNewLockView {
  product: string;
  security: 's2' | 's0';
  dsk: string;
  pin: string;
  failBootstrap: boolean;
}

export interface FactoryNewLockOptions {
  /** The lock aborts S2 bootstrapping (KEX Fail) after the keys were offered: it joins, insecurely. */
  failBootstrap?: boolean;
}

/** The simulator's controls: the technician's hands on the simulated locks and stick. */
export interface SimulatedZWave {
  locks(): SimulatedLockView[];
  /** The lock's own state (codes, schedules, faults), for tests to look inside the lock. */
  lock(nodeId: number): SimLockState;
  /** A code typed at the lock's keypad, at the simulator's clock. */
  pressKeypad(nodeId: number, code: string): Promise<KeypadOutcome>;
  fault(nodeId: number, fault: ZWaveFault): Promise<void>;
  /** The stick goes away mid-work: its port closes under the driver. */
  unplug(): Promise<void>;
  plug(): void;
  isPlugged(): boolean;
  /** Puts a factory-new lock in inclusion mode; resolves with its node id once a controller included it. */
  addFactoryNewLock(spec: SimulatedLockSpec, options?: FactoryNewLockOptions): Promise<number>;
  /** The same in two steps: resolves once the lock waits (its DSK known), with the inclusion still to come. */
  offerFactoryNewLock(spec: SimulatedLockSpec, options?: FactoryNewLockOptions): Promise<{ view: FactoryNewLockView; included: Promise<number> }>;
  factoryNewLock(): FactoryNewLockView | null;
  /** Puts a lock in exclusion mode (its button pressed); resolves once a controller excluded it. */
  excludeLock(nodeId: number): Promise<void>;
  /** Traffic counted since the stick opened or `resetFrames`. */
  frames(): FrameCounts;
  resetFrames(): void;
}

/** The side the stick is wired to: lock states and behaviours that outlive any one stick. */
export interface SimulatedZWaveWorld extends SimulatedZWave {
  readonly counts: FrameCounts;
  readonly behaviors: MockNodeBehavior[];
  specs(): SimulatedLockSpec[];
  lockStates(): SimLockState[];
  inclusionBehaviors(): MockControllerBehavior[];
  /** Calls `removed` when the stick is unplugged (as a real stick's device node going away); returns the stop. */
  watchUnplug(removed: () => void): () => void;
  attach(stick: { controller: MockController; mockPort: MockPort }): void;
  detach(controller: MockController): void;
}

export interface SimulatedZWaveOptions {
  locks: readonly SimulatedLockSpec[];
  /** The locks' own clock (training: the simulation's clock); the host's by default. */
  now?: () => number;
}

export function createSimulatedZWave(options: SimulatedZWaveOptions): SimulatedZWaveWorld {
  return new ZWaveWorld(options.locks, options.now ?? Date.now);
}
