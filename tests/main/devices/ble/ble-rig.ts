import { DoorFailure } from '../../../../src/main/devices/drivers/door-failure';
import { keyProgrammerDriver } from '../../../../src/main/devices/drivers/key-programmer-driver';
import { transportFailure } from '../../../../src/main/devices/drivers/send-command';
import type { TableEntry } from '../../../../src/main/devices/keyprog/credential-table';
import { lockServiceUuid } from '../../../../src/main/devices/ble/protocol/lock-service';
import { BleSessionError } from '../../../../src/main/devices/ble/session/ble-session-error';
import { openBleLockSession, type BleLockSessionOptions } from '../../../../src/main/devices/ble/session/ble-lock-session';
import { loopbackCentral } from '../../../../simulators/devices/ble-lock/loopback-central';
import { SimBleLock } from '../../../../simulators/devices/ble-lock/sim-ble-lock';
import { SimDoor } from '../../../../simulators/devices/sim-door';
import { model } from '../sim-door/rig';

export const lockKey = Uint8Array.from({ length: 32 }, (_, i) => i + 1);
export const otherKey = Uint8Array.from({ length: 32 }, (_, i) => 0xff - i);
export const setupCode = '24681357';
export const never = () => new AbortController().signal;

export interface LockRigOptions {
  modelId?: Parameters<typeof model>[0];
  mtu?: number;
  commissioned?: boolean;
  table?: readonly TableEntry[];
  writeMsPerEntry?: number;
}

/** A Bluetooth lock around a simulated door, a loopback central, and the console's ways in. */
export function lockRig({ modelId = 'kestrel-kb500', mtu = 247, commissioned = true, table, writeMsPerEntry = 0 }: LockRigOptions = {}) {
  let nowMs = Date.parse('2026-01-15T12:00:00Z');
  const now = () => nowMs;
  const door = new SimDoor({ model: model(modelId), serial: 'KB5-004217', now, table });
  const lock = new SimBleLock({ door, setupCode, lockKey: commissioned ? lockKey : undefined, writeMsPerEntry, now });
  const central = loopbackCentral([lock], { mtu });
  const connect = (signal = never()) => central.connect(lock.address, lockServiceUuid, signal);
  const session = async (key: Uint8Array = lockKey, options: BleLockSessionOptions = {}) => openBleLockSession(await connect(), key, never(), options);
  const driver = async (key: Uint8Array = lockKey) => keyProgrammerDriver(await session(key));
  return { door, lock, central, connect, session, driver, advanceBy: (ms: number) => void (nowMs += ms) };
}

/** Resolves once the lock has heard the link end (a turn or two after the console gave up on it). */
export async function untilHungUp(lock: SimBleLock): Promise<void> {
  while (lock.hasCentral) await new Promise((resolve) => setImmediate(resolve));
}

/** What a promise rejected with; fails the test if it resolved. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) throw new Error(`Expected a rejection, got ${JSON.stringify(outcome.value)}`);
  return outcome.error;
}

export async function sessionError(promise: Promise<unknown>): Promise<BleSessionError> {
  const error = await rejection(promise);
  if (!(error instanceof BleSessionError)) throw error;
  return error;
}

/** The DoorFailure a driver call (or a connect, through transportFailure) ends in. */
export async function doorFailure(promise: Promise<unknown>): Promise<DoorFailure> {
  const error = transportFailure(await rejection(promise));
  return error;
}

/** The job runner's rule (hardware/job-runner.ts): these reasons end a job interrupted, to resume; the rest failed. */
export const interruptedReasons = ['disconnected', 'timeout', 'transport', 'aborted'];

export const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
