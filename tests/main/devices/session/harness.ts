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
