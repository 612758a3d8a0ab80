import type { VirtualPeripheral } from '../../../src/main/devices/ble/gatt';

const completeLocalName = 0x09;
const shortenedLocalName = 0x08;

/** The name a peripheral advertises (scan response first, then advertising data), or ''. */
export function localNameOf(peripheral: VirtualPeripheral): string {
  return nameIn(peripheral.scanResponseData()) ?? nameIn(peripheral.advertisingData()) ?? '';
}

/** Walks AD structures (length, type, data) for a local name. */
function nameIn(data: Uint8Array): string | null {
  for (let at = 0; at + 1 < data.length; ) {
    const length = data[at]!;
    if (length === 0) break;
    const type = data[at + 1];
    if (type === completeLocalName || type === shortenedLocalName) {
      return new TextDecoder().decode(data.subarray(at + 2, at + 1 + length));
    }
    at += length + 1;
  }
  return null;
}
