import type { PartialZWaveOptions } from 'zwave-js';
import type { ZWaveNetworkKeys } from '../../secrets/zwave-keys';

/**
 * The driver's options for a Porter network: the keys from the keychain, zwave-js's cache
 * (what each node's interview found, per home id; no keys) in the console's data folder, and
 * no log files: zwave-js logs whole frames, and a User Code frame holds a guest's code.
 * zwave-js sends no usage statistics unless `enableStatistics` is called, which Porter never does.
 */
export function zwaveDriverOptions(keys: ZWaveNetworkKeys, cacheDir: string, logging = false): PartialZWaveOptions {
  return {
    securityKeys: {
      S2_AccessControl: bytes(keys.S2_AccessControl),
      S2_Authenticated: bytes(keys.S2_Authenticated),
      S2_Unauthenticated: bytes(keys.S2_Unauthenticated),
      S0_Legacy: bytes(keys.S0_Legacy),
    },
    storage: { cacheDir, lockDir: cacheDir },
    logConfig: { enabled: logging, logToFile: false },
    interview: {
      // The interview reads a lock's capabilities; its codes are read when the service asks.
      queryAllUserCodes: false,
    },
  };
}

/** A copy on a buffer of its own: the driver's typing wants an ArrayBuffer-backed view, and keeps it. */
const bytes = (key: Buffer): Uint8Array<ArrayBuffer> => new Uint8Array(key);
