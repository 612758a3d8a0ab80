import { maxAttMtu, maxMessageBytes, minAttMtu, segmentRoom } from './limits';

/*
 * Segments: a message split to fit one ATT write or notification each (mtu - 3 bytes), each
 * behind one header byte: bit 7 first, bit 6 last, bits 5..0 a sequence number from 0 at the
 * first segment, wrapping after 63. An empty message is one segment, first and last, no data.
 */

const first = 0x80;
const last = 0x40;
const sequenceMask = 0x3f;

export function segmentMessage(message: Uint8Array, mtu: number): Uint8Array[] {
  if (!Number.isInteger(mtu) || mtu < minAttMtu || mtu > maxAttMtu) throw new RangeError(`An ATT MTU is ${minAttMtu}..${maxAttMtu}, not ${mtu}`);
  if (message.length > maxMessageBytes) throw new RangeError(`A message is at most ${maxMessageBytes} bytes, not ${message.length}`);
  const room = segmentRoom(mtu);
  const count = Math.max(1, Math.ceil(message.length / room));
  return Array.from({ length: count }, (_, i) => {
    const data = message.subarray(i * room, (i + 1) * room);
    const segment = new Uint8Array(1 + data.length);
    segment[0] = (i === 0 ? first : 0) | (i === count - 1 ? last : 0) | (i & sequenceMask);
    segment.set(data, 1);
    return segment;
  });
}

export type SegmentProblem = 'empty_segment' | 'segment_too_long' | 'bad_sequence' | 'message_too_long';

export type AssemblyStep =
  | { kind: 'partial' }
  | { kind: 'message'; message: Uint8Array }
  /** The message in progress is dropped; the endpoint ends the session (the spec's "protocol"). */
  | { kind: 'refused'; problem: SegmentProblem; detail: string };

/**
 * Puts one direction's messages back together. ATT delivers in order and never loses a
 * segment on a live link, so any gap, repeat or stray segment means a broken or hostile peer:
 * it is refused as data, never skipped over.
 */
export class SegmentAssembler {
  private parts: Uint8Array[] | null = null;
  private length = 0;
  private nextSequence = 0;

  constructor(
    private readonly mtu: number,
    private readonly maxMessage = maxMessageBytes,
  ) {}

  push(segment: Uint8Array): AssemblyStep {
    const header = segment[0];
    if (header === undefined) return this.refuse('empty_segment', 'a write with no header byte');
    if (segment.length > this.mtu - 3) return this.refuse('segment_too_long', `${segment.length} bytes at MTU ${this.mtu}`);
    const isFirst = (header & first) !== 0;
    const sequence = header & sequenceMask;
    if (isFirst && this.parts) return this.refuse('bad_sequence', 'a first segment in the middle of a message');
    if (!isFirst && !this.parts) return this.refuse('bad_sequence', 'a segment with no message begun');
    if (isFirst) [this.parts, this.length, this.nextSequence] = [[], 0, 0];
    if (sequence !== this.nextSequence) return this.refuse('bad_sequence', `sequence ${sequence}, expected ${this.nextSequence}`);
    this.length += segment.length - 1;
    if (this.length > this.maxMessage) return this.refuse('message_too_long', `over ${this.maxMessage} bytes`);
    this.parts!.push(segment.subarray(1));
    this.nextSequence = (sequence + 1) & sequenceMask;
    if ((header & last) === 0) return { kind: 'partial' };
    const message = concat(this.parts!, this.length);
    this.parts = null;
    return { kind: 'message', message };
  }

  private refuse(problem: SegmentProblem, detail: string): AssemblyStep {
    this.parts = null;
    return { kind: 'refused', problem, detail };
  }
}

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  const message = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    message.set(part, offset);
    offset += part.length;
  }
  return message;
}
