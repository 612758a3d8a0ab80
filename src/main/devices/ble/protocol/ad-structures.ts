/*
 * Advertising data as the Core Specification lays it out (Vol 3, Part C, §11): a run of AD
 * structures, each [length u8][AD type u8][data: length - 1 bytes], 31 bytes at most in
 * ADV_IND and again in SCAN_RSP. Pure, for both ends: the simulated lock writes them, the
 * loopback central reads them back the way a BLE stack does.
 */

export const adType = {
  flags: 0x01,
  incompleteUuids128: 0x06,
  completeUuids128: 0x07,
  shortenedLocalName: 0x08,
  completeLocalName: 0x09,
  manufacturerData: 0xff,
} as const;

/** LE General Discoverable Mode, BR/EDR Not Supported. */
export const leGeneralDiscoverable = 0x06;

export const maxAdvertisingBytes = 31;

export interface AdStructure {
  type: number;
  data: Uint8Array;
}

export function encodeAdStructures(structures: readonly AdStructure[]): Uint8Array {
  const length = structures.reduce((sum, s) => sum + 2 + s.data.length, 0);
  if (length > maxAdvertisingBytes) throw new RangeError(`Advertising data is at most ${maxAdvertisingBytes} bytes, not ${length}`);
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const { type, data } of structures) {
    bytes.set([data.length + 1, type], offset);
    bytes.set(data, offset + 2);
    offset += 2 + data.length;
  }
  return bytes;
}

/** The structures, or null when a length runs past the end. A zero length ends the data early, as the spec allows. */
export function parseAdStructures(bytes: Uint8Array): AdStructure[] | null {
  const structures: AdStructure[] = [];
  for (let offset = 0; offset < bytes.length; ) {
    const length = bytes[offset] ?? 0;
    if (length === 0) break;
    if (offset + 1 + length > bytes.length) return null;
    structures.push({ type: bytes[offset + 1] ?? 0, data: bytes.slice(offset + 2, offset + 1 + length) });
    offset += 1 + length;
  }
  return structures;
}

/** A 128-bit UUID as it goes in advertising data: little-endian, the reverse of how it is written. */
export function uuid128ToAd(uuid: string): Uint8Array {
  if (!/^[0-9a-f]{32}$/.test(uuid)) throw new RangeError(`Not a 128-bit UUID in noble's spelling: ${uuid}`);
  return Uint8Array.from(Buffer.from(uuid, 'hex')).reverse();
}

export function uuid128FromAd(bytes: Uint8Array): string {
  return Buffer.from(Uint8Array.from(bytes).reverse()).toString('hex');
}
