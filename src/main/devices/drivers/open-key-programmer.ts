import type { HidLink } from '../link';
import { claimDevice } from '../session/device-claims';
import { openHidSession } from '../session/hid-session';
import { keyProgrammerDriver, type KeyProgrammerDriver } from './key-programmer-driver';

/**
 * Opens a key-programmer for this console: claims it (no other window or core in this process
 * interleaves with it), opens a transport session, and answers the driver. Closing the driver
 * closes the session and the link, and gives the claim back.
 */
export async function openKeyProgrammer(link: HidLink, owner = 'the Porter hardware service'): Promise<KeyProgrammerDriver> {
  const lease = claimDevice(link.info.path, owner);
  try {
    const session = await openHidSession(link, { signal: AbortSignal.timeout(5_000) });
    const driver = keyProgrammerDriver(session);
    return {
      ...driver,
      async close() {
        try {
          await driver.close();
        } finally {
          lease.release();
        }
      },
    };
  } catch (error) {
    lease.release();
    await link.close().catch(() => undefined);
    throw error;
  }
}
