import type { LiveLockLinks, LiveStickInfo } from '../live/live-lock-network';
import { listZWaveSticks } from '../links/zwave-sticks';
import { watchSerialPortRemoval } from '../links/serial-port-removal';
import type { SecretStore } from '../../secrets/secret-store';
import { zwaveNetworkKeys } from '../../secrets/zwave-keys';
import { openZWaveStick } from './open-stick';
import { zwaveNetwork } from './zwave-network';

export interface ZWaveLinkOptions {
  secrets: SecretStore;
  /** The data folder's own id: the keys are kept per data folder. */
  storeId: string;
  /** zwave-js's cache of the network's nodes (no keys). */
  cacheDir: string;
  /** A stick's path given by the user (--zwave-stick), listed even when the USB listing does not show it. */
  stickPath?: string;
}

/** The product's Z-Wave sticks: found by the serial port listing, opened with the keys from the keychain. */
export function zwaveLinks(options: ZWaveLinkOptions): LiveLockLinks {
  return {
    listSticks: () => listZWaveSticks(options.stickPath),
    async openNetwork(stick: LiveStickInfo) {
      if (stick.simulated) throw new Error('A simulated stick is opened by training mode, never by the product.');
      // Read (or made) before the stick is opened: unreadable keys leave the stick closed.
      const keys = await zwaveNetworkKeys(options.secrets, options.storeId);
      const driver = await openZWaveStick(stick, keys, options.cacheDir);
      // On Linux an unplugged stick's reads just stop; its device node going away is what tells.
      return zwaveNetwork(driver, stick, { watchRemoval: (removed) => watchSerialPortRemoval(stick.path, removed) });
    },
  };
}
