import { createHash } from 'node:crypto';
import type { BleAdvertisement } from '../gatt';
import { adType, encodeAdStructures, leGeneralDiscoverable, uuid128ToAd } from './ad-structures';
import { bleLockProtocolVersion, lockLocalName, lockServiceUuid, testCompanyId } from './lock-service';

/**
 * What a lock tells everyone around it, so the console can show which doors are pending
 * without connecting: a lock is pending when its checksum is not the table it should hold.
 */
export interface LockBeacon {
  /** lockIdOf(serial): the advertisement has no room for a serial, whose length is free. */
  lockId: string;
  batteryPercent: number;
  commissioned: boolean;
  /** Under 15 %: the lock refuses table changes until its batteries are replaced. */
  batteryLow: boolean;
  tableChecksum: number;
}

/** A beacon as heard: with the stack's id to connect to and the signal strength. */
export interface HeardLock extends LockBeacon {
  peripheralId: string;
  address: string;
  rssi: number;
}

export type BeaconDecoding = { ok: true; lock: HeardLock } | { ok: false; reason: string };

/** Company id (2) + format (1) + lock id (8) + battery (1) + flags (1) + checksum (4). */
const manufacturerDataBytes = 17;
const lockIdBytes = 8;
const flagCommissioned = 0x01;
const flagBatteryLow = 0x02;

/** The first 8 bytes of SHA-256 over the serial's ASCII, in hex: how a beacon names its lock. */
export function lockIdOf(serial: string): string {
  return createHash('sha256').update(serial, 'ascii').digest().subarray(0, lockIdBytes).toString('hex');
}

/** Manufacturer-specific data, company id first (little-endian), as noble hands it over. */
export function encodeLockManufacturerData(beacon: LockBeacon): Uint8Array {
  const bytes = Buffer.alloc(manufacturerDataBytes);
  bytes.writeUInt16LE(testCompanyId, 0);
  bytes[2] = bleLockProtocolVersion;
  Buffer.from(beacon.lockId, 'hex').copy(bytes, 3);
  bytes[11] = beacon.batteryPercent;
  bytes[12] = (beacon.commissioned ? flagCommissioned : 0) | (beacon.batteryLow ? flagBatteryLow : 0);
  bytes.writeUInt32LE(beacon.tableChecksum >>> 0, 13);
  return Uint8Array.from(bytes);
}

/** ADV_IND: flags, then the manufacturer data. 22 of the 31 bytes. */
export function lockAdvertisingData(beacon: LockBeacon): Uint8Array {
  return encodeAdStructures([
    { type: adType.flags, data: Uint8Array.of(leGeneralDiscoverable) },
    { type: adType.manufacturerData, data: encodeLockManufacturerData(beacon) },
  ]);
}

/** SCAN_RSP: the service UUID and the local name, exactly 31 bytes. */
export function lockScanResponseData(): Uint8Array {
  return encodeAdStructures([
    { type: adType.completeUuids128, data: uuid128ToAd(lockServiceUuid) },
    { type: adType.completeLocalName, data: new TextEncoder().encode(lockLocalName) },
  ]);
}

/**
 * Reads a heard advertisement as a Porter lock's beacon, or says why it is not one. Company id
 * 0xFFFF is anyone's test id, so the format byte, the exact length and the reserved bits must
 * all fit too. The service UUID is not required: it comes in SCAN_RSP, which may not be in yet.
 */
export function decodeLockAdvertisement(advertisement: BleAdvertisement): BeaconDecoding {
  const data = advertisement.manufacturerData;
  if (!data) return { ok: false, reason: 'no manufacturer data' };
  if (data.length < 2) return { ok: false, reason: 'manufacturer data shorter than a company id' };
  const bytes = Buffer.from(data);
  const companyId = bytes.readUInt16LE(0);
  if (companyId !== testCompanyId) return { ok: false, reason: `company id 0x${companyId.toString(16).padStart(4, '0')} is not Porter’s` };
  if (bytes[2] !== bleLockProtocolVersion) return { ok: false, reason: `format ${bytes[2] ?? 'missing'} is not a Porter lock beacon v${bleLockProtocolVersion}` };
  if (bytes.length !== manufacturerDataBytes) return { ok: false, reason: `${bytes.length} bytes of manufacturer data, not ${manufacturerDataBytes}` };
  const battery = bytes[11]!;
  const flags = bytes[12]!;
  if (battery > 100) return { ok: false, reason: `battery ${battery} % is over 100` };
  if ((flags & ~(flagCommissioned | flagBatteryLow)) !== 0) return { ok: false, reason: `unknown flag bits 0x${flags.toString(16)}` };
  return {
    ok: true,
    lock: {
      lockId: bytes.subarray(3, 3 + lockIdBytes).toString('hex'),
      batteryPercent: battery,
      commissioned: (flags & flagCommissioned) !== 0,
      batteryLow: (flags & flagBatteryLow) !== 0,
      tableChecksum: bytes.readUInt32LE(13),
      peripheralId: advertisement.peripheralId,
      address: advertisement.address,
      rssi: advertisement.rssi,
    },
  };
}
