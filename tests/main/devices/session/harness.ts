import { afterEach, beforeEach, vi } from 'vitest';
import { HidSessionError, type HidSessionErrorCode } from '../../../../src/main/devices/session/hid-session-error';
import { openHidSession, type HidSession, type HidSessionOptions } from '../../../../src/main/devices/session/hid-session';
import { SimHidBus } from '../../../../simulators/devices/sim-hid-bus';
import { SimHidDevice, type SimHidDeviceOptions } from '../../../../simulators/devices/sim-hid-device';
import type { SimHidLink } from '../../../../simulators/devices/sim-hid-link';

export const never = () => new AbortController().signal;

/** A bus with one simulated programmer on it. */
export function programmerOnBus(options: SimHidDeviceOptions = {}) {
  const bus = new SimHidBus();
  const device = bus.attach(new SimHidDevice(options));
  return { bus, device };
}

/** Opens a session on a fresh link to `device`, as one window or process would. */
export async function sessionOn(
  bus: SimHidBus,
  device: SimHidDevice,
  options: Partial<HidSessionOptions> = {},
): Promise<{ session: HidSession; link: SimHidLink }> {
  const link = await bus.open(device.info.path);
  const session = await openHidSession(link, { signal: never(), ...options });
  return { session, link };
}

/** The HidSessionError a promise rejects with; fails the test if it resolves or throws something else. */
export async function failure(promise: Promise<unknown>): Promise<HidSessionError> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) throw new Error(`Expected a HidSessionError, got ${JSON.stringify(outcome.value)}`);
  if (!(outcome.error instanceof HidSessionError)) throw outcome.error;
  return outcome.error;
}

export function expectCode(error: HidSessionError, code: HidSessionErrorCode): void {
  if (error.code !== code) throw new Error(`Expected ${code}, got ${error.code}: ${error.message}`);
}

export const bytes = (length: number, seed = 1) => Uint8Array.from({ length }, (_, i) => (i * 7 + seed) & 0xff);

export const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Simulated time after which `settled` gives up: a programmer's keep-alives would otherwise tick for ever. */
const SIMULATED_HOUR_MS = 3_600_000;

/**
 * Runs fake time on, one timer at a time, until `promise` settles. The simulated cable, the
 * programmer's keep-alives and the session's deadlines all run on timers, so a test on fake
 * timers waits no real millisecond and no slow machine can make it pass or fail.
 */
export async function settled<T>(promise: Promise<T>): Promise<T> {
  let done = false;
  const mark = () => void (done = true);
  promise.then(mark, mark);
  const giveUpAt = Date.now() + SIMULATED_HOUR_MS;
  await vi.advanceTimersByTimeAsync(0);
  while (!done) {
    if (vi.getTimerCount() === 0) throw new Error('Nothing is left to wait on, and the promise has not settled');
    if (Date.now() > giveUpAt) throw new Error('The promise had not settled after a simulated hour');
    await vi.advanceTimersToNextTimerAsync();
  }
  return promise;
}

/**
 * For a test file whose cable, programmer and session deadlines run on fake time: turns fake
 * timers on before each test and, after it, closes the sessions handed to the returned
 * `closeAfterTest` and turns them off.
 */
export function sessionsOnFakeTime(): (...sessions: HidSession[]) => void {
  const open: HidSession[] = [];
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(async () => {
    await settled(Promise.all(open.splice(0).map((s) => s.close())));
    vi.useRealTimers();
  });
  return (...sessions) => void open.push(...sessions);
}
