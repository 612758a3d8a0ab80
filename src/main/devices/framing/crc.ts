import { crc32 } from 'node:zlib';
import { CRC_SIZE } from './constants';

/**
 * The CRC-32 (IEEE 802.3, as zlib's) that closes every message, over CMD || payload.
 * USB already checks each packet, so this guards what USB cannot: packets of two messages
 * spliced together, a lost continuation that a wrapped SEQ would hide, a CMD byte flipped in
 * firmware. CMD is covered so a corrupted command reads as crc_mismatch, not invalid_command.
 */
export function messageCrc(command: number, payload: Uint8Array): number {
  return crc32(payload, crc32(Uint8Array.of(command)));
}

/** The four CRC bytes, little-endian, as they follow the payload on the wire. */
export function crcBytes(command: number, payload: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(CRC_SIZE);
  new DataView(bytes.buffer).setUint32(0, messageCrc(command, payload), true);
  return bytes;
}

/** True when `data` (payload || CRC) carries the right CRC for `command`. */
export function hasValidCrc(command: number, data: Uint8Array): boolean {
  if (data.length < CRC_SIZE) return false;
  const payload = data.subarray(0, data.length - CRC_SIZE);
  const sent = new DataView(data.buffer, data.byteOffset + payload.length, CRC_SIZE).getUint32(0, true);
  return sent === messageCrc(command, payload);
}
