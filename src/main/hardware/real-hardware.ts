import type { BleCentral, BleDongleInfo } from '../devices/ble/gatt';
import { listBleDongles } from '../devices/links/ble-dongles';
import { openRemoteCentral, type BleHostEntry } from '../devices/links/ble-host/remote-central';
import { openNobleCentral } from '../devices/links/noble-central';
import { createNodeHidBus } from '../devices/links/node-hid-bus';
import { zwaveLinks } from '../devices/zwave/zwave-links';
import { zwaveCacheDir } from '../devices/zwave/zwave-cache-dir';
import { storeIdOf } from '../store/audit-seal';
import type { HardwareProvider } from './hardware-provider';

/** The product's hardware: key-programmers on USB, BLE dongles and Z-Wave sticks, as they are plugged in, and nothing else. */
export const realHardware: HardwareProvider = {
  kind: 'real',
  open: ({ bleHost, db, secrets, dataDir, zwaveStick }) => ({
    buses: [createNodeHidBus()],
    bluetooth: {
      // A dongle listing that fails (no USB access) is an empty listing; the next one tries again.
      listDongles: () => listBleDongles().catch(() => []),
      openCentral: (dongle) => openBleCentral(dongle, bleHost),
    },
    live: zwaveLinks({ secrets, storeId: storeIdOf(db), cacheDir: zwaveCacheDir(dataDir, storeIdOf(db)), stickPath: zwaveStick }),
    simulators: null,
    close: async () => {},
  }),
};

/** Opens a dongle with the real BLE stack, in the BLE host process when there is one. */
export function openBleCentral(dongle: BleDongleInfo, bleHost: BleHostEntry | undefined): Promise<BleCentral> {
  return bleHost ? openRemoteCentral(dongle, bleHost) : openNobleCentral(dongle);
}
