import type { KeypadMode } from 'zwave-js';

/**
 * A simulated Z-Wave lock as the bench, the tests and training describe it: what it can hold
 * and how it is secured. Its state (codes, schedules, bolt, battery) lives in `SimLockState`.
 */
export interface SimulatedLockSpec {
  /** The node id it has on the network; the next free one when omitted. */
  nodeId?: number;
  /** Training: the door it is fitted to. */
  doorId?: string;
  manufacturer: string;
  /** What the lock's label says, e.g. "Simulated keypad deadbolt". */
  product: string;
  /** Tells the device models apart (Manufacturer Specific CC's product id). */
  productId: number;
  userCode: { version: 1 | 2; slots: number; pinLength: { min: number; max: number } };
  /** Schedules the lock keeps per user; all zero: no Schedule Entry Lock CC. */
  schedules: { weekDay: number; yearDay: number; dailyRepeating: number };
  security: 's2' | 's0' | 'none';
  batteryPercent: number;
  /** User Code CC v2 keypad modes it supports; v1 locks have none. */
  keypadModes: KeypadMode[];
}

/** A Yale/Schlage-like keypad deadbolt with User Code v2, schedules and S2, the usual unit-door lock. */
export function keypadDeadbolt(overrides: Partial<SimulatedLockSpec> = {}): SimulatedLockSpec {
  return {
    manufacturer: 'Simulated',
    product: 'Simulated keypad deadbolt',
    productId: 0x0001,
    userCode: { version: 2, slots: 250, pinLength: { min: 4, max: 10 } },
    schedules: { weekDay: 2, yearDay: 1, dailyRepeating: 1 },
    security: 's2',
    batteryPercent: 90,
    keypadModes: [0, 1, 2, 3],
    ...overrides,
  };
}

/** An older deadbolt: User Code v1, 30 slots, no schedules, S0 only. */
export function basicDeadbolt(overrides: Partial<SimulatedLockSpec> = {}): SimulatedLockSpec {
  return {
    manufacturer: 'Simulated',
    product: 'Simulated basic deadbolt',
    productId: 0x0002,
    userCode: { version: 1, slots: 30, pinLength: { min: 4, max: 8 } },
    schedules: { weekDay: 0, yearDay: 0, dailyRepeating: 0 },
    security: 's0',
    batteryPercent: 80,
    keypadModes: [],
    ...overrides,
  };
}
