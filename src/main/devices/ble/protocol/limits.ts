import { MAX_PAYLOAD } from '../../framing/constants';

/** ATT's default MTU, which every link starts with, and the largest ATT allows. */
export const minAttMtu = 23;
export const maxAttMtu = 517;

/** ATT takes 3 bytes of every write and notification (opcode, handle); the segment header takes 1. */
export const attHeaderBytes = 3;
export const segmentHeaderBytes = 1;

/** A sealed record: type + counter, then the content's kind and answered counter, then the CCM tag. */
export const recordHeaderBytes = 5;
export const contentHeaderMaxBytes = 5;
export const tagBytes = 16;

/**
 * The largest message either way: an ANSWER carrying the key-programmer's largest payload
 * (7605 bytes), sealed. Handshake messages are far smaller.
 */
export const maxMessageBytes = MAX_PAYLOAD + recordHeaderBytes + contentHeaderMaxBytes + tagBytes;

/** Message data one segment carries at a given ATT MTU. */
export function segmentRoom(mtu: number): number {
  return mtu - attHeaderBytes - segmentHeaderBytes;
}
