import { Driver } from 'zwave-js';
import type { LiveStickInfo } from '../live/live-lock-network';
import type { ZWaveNetworkKeys } from '../../secrets/zwave-keys';
import { zwaveDriverOptions } from './zwave-driver-options';

/**
 * Starts zwave-js on a real stick and resolves once the driver is ready (the stick
 * identified, its network's nodes known; their interviews go on in the background). A stick
 * that cannot be opened rejects with the driver's reason, and the driver is destroyed.
 */
export async function openZWaveStick(stick: LiveStickInfo, keys: ZWaveNetworkKeys, cacheDir: string): Promise<Driver> {
  const driver = new Driver(stick.path, zwaveDriverOptions(keys, cacheDir));
  return startDriver(driver, stick.path);
}

/** Starts a constructed driver and waits for it to be ready, or for the error that stopped it. */
export async function startDriver(driver: Driver, path: string): Promise<Driver> {
  let onError: (error: Error) => void = () => {};
  const failed = new Promise<never>((_, reject) => {
    onError = (error) => reject(error);
  });
  // Without a listener, an 'error' event would throw out of the driver's own code.
  driver.on('error', onError);
  const ready = new Promise<void>((resolve) => driver.once('driver ready', resolve));
  try {
    await Promise.race([driver.start().then(() => ready), failed]);
    return driver;
  } catch (error) {
    await driver.destroy().catch(() => {});
    throw new Error(`The Z-Wave stick on ${path} could not be started: ${(error as Error).message}`, { cause: error });
  } finally {
    driver.off('error', onError);
  }
}
