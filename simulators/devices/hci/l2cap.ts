import { readU16, u16 } from './hci-wire';
import { L2CAP_HEADER_OCTETS } from './controller-timing';

/** The fixed channel ATT runs on over LE (Vol 3 Part A 2.1). */
export const ATT_CID = 0x0004;

export interface L2capFrame {
  cid: number;
  payload: Uint8Array;
}

/**
 * Puts one link's L2CAP frames back together from the ACL packets the host fragments them into:
 * a start packet (its first four octets say the frame's length and channel), then continuations.
 */
export class L2capReassembler {
  private partial: number[] | null = null;
  private expected = 0;

  /** Dropped fragments: a continuation with no start, or a start before the last frame ended. */
  dropped = 0;

  push(start: boolean, data: Uint8Array): L2capFrame | null {
    if (start) {
      if (this.partial) this.dropped += 1;
      this.partial = [...data];
      this.expected = L2CAP_HEADER_OCTETS + readU16(data, 0);
    } else if (this.partial) {
      this.partial.push(...data);
    } else {
      this.dropped += 1;
      return null;
    }
    if (this.partial.length < this.expected) return null;
    const frame = Uint8Array.from(this.partial.slice(0, this.expected));
    this.partial = null;
    return { cid: readU16(frame, 2), payload: frame.subarray(L2CAP_HEADER_OCTETS) };
  }
}

/** One frame as the ACL payloads it takes toward the host, each at most `fragmentSize` octets. */
export function fragmentFrame(cid: number, payload: Uint8Array, fragmentSize: number): Uint8Array[] {
  const frame = Uint8Array.of(...u16(payload.length), ...u16(cid), ...payload);
  const fragments: Uint8Array[] = [];
  for (let at = 0; at < frame.length; at += fragmentSize) fragments.push(frame.subarray(at, at + fragmentSize));
  return fragments;
}
