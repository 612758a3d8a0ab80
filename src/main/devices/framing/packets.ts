import {
  CHANNEL_ID_SIZE,
  CONTINUATION_DATA_SIZE,
  CONTINUATION_HEADER_SIZE,
  CRC_SIZE,
  INIT_DATA_SIZE,
  INIT_HEADER_SIZE,
  INIT_PACKET_FLAG,
  MAX_PAYLOAD,
  REPORT_SIZE,
} from './constants';
import { crcBytes } from './crc';

/** The header of one 64-byte report, and the data bytes after it (padding included). */
export type Packet =
  | { kind: 'init'; channelId: number; command: number; byteCount: number; data: Uint8Array }
  | { kind: 'continuation'; channelId: number; sequence: number; data: Uint8Array };

/**
 * Splits a message into reports: an init packet and as many continuations as the payload and
 * its CRC need, zero-padded to 64 bytes. BCNT counts payload + CRC. Throws RangeError for a
 * payload over MAX_PAYLOAD, which is a caller's bug rather than something the wire did.
 */
export function encodeMessage(channelId: number, command: number, payload: Uint8Array): Uint8Array[] {
  if (payload.length > MAX_PAYLOAD) {
    throw new RangeError(`A message carries at most ${MAX_PAYLOAD} payload bytes, not ${payload.length}`);
  }
  if ((command & INIT_PACKET_FLAG) === 0) throw new RangeError(`Command 0x${command.toString(16)} lacks bit 7`);
  const data = new Uint8Array(payload.length + CRC_SIZE);
  data.set(payload);
  data.set(crcBytes(command, payload), payload.length);

  const first = newReport(channelId);
  first[CHANNEL_ID_SIZE] = command;
  first[CHANNEL_ID_SIZE + 1] = data.length >> 8; // BCNTH
  first[CHANNEL_ID_SIZE + 2] = data.length & 0xff; // BCNTL
  first.set(data.subarray(0, INIT_DATA_SIZE), INIT_HEADER_SIZE);
  const reports = [first];

  for (let offset = INIT_DATA_SIZE, sequence = 0; offset < data.length; offset += CONTINUATION_DATA_SIZE, sequence++) {
    const report = newReport(channelId);
    report[CHANNEL_ID_SIZE] = sequence;
    report.set(data.subarray(offset, offset + CONTINUATION_DATA_SIZE), CONTINUATION_HEADER_SIZE);
    reports.push(report);
  }
  return reports;
}

/** How many reports a payload of this length takes. */
export function reportCount(payloadLength: number): number {
  const dataLength = payloadLength + CRC_SIZE;
  return 1 + Math.max(0, Math.ceil((dataLength - INIT_DATA_SIZE) / CONTINUATION_DATA_SIZE));
}

/** Reads the header of a report; null when the report is not 64 bytes long. */
export function parsePacket(report: Uint8Array): Packet | null {
  if (report.length !== REPORT_SIZE) return null;
  const channelId = readChannelId(report);
  const marker = report[CHANNEL_ID_SIZE]!;
  if ((marker & INIT_PACKET_FLAG) !== 0) {
    const byteCount = (report[CHANNEL_ID_SIZE + 1]! << 8) | report[CHANNEL_ID_SIZE + 2]!;
    return { kind: 'init', channelId, command: marker, byteCount, data: report.subarray(INIT_HEADER_SIZE) };
  }
  return { kind: 'continuation', channelId, sequence: marker, data: report.subarray(CONTINUATION_HEADER_SIZE) };
}

/** The channel id (big-endian) in the first four bytes of a report. */
export function readChannelId(report: Uint8Array): number {
  return new DataView(report.buffer, report.byteOffset, CHANNEL_ID_SIZE).getUint32(0, false);
}

function newReport(channelId: number): Uint8Array {
  const report = new Uint8Array(REPORT_SIZE);
  new DataView(report.buffer).setUint32(0, channelId >>> 0, false);
  return report;
}
