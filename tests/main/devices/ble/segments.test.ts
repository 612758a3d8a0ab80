import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxMessageBytes } from '../../../../src/main/devices/ble/protocol/limits';
import { SegmentAssembler, segmentMessage } from '../../../../src/main/devices/ble/protocol/segments';

const message = (length: number) => Uint8Array.from({ length }, (_, i) => (i * 31 + 7) & 0xff);

/** Feeds segments to a fresh assembler; the whole message, or the first refusal. */
function reassemble(segments: readonly Uint8Array[], mtu: number) {
  const assembler = new SegmentAssembler(mtu);
  for (const [i, segment] of segments.entries()) {
    const step = assembler.push(segment);
    if (step.kind === 'refused') return step;
    if (step.kind === 'message') return i === segments.length - 1 ? step : { kind: 'early', at: i };
  }
  return { kind: 'unfinished' };
}

describe('segments', () => {
  it('carries the largest message: the key-programmer payload plus the record overhead', () => {
    expect(maxMessageBytes).toBe(7605 + 26);
  });

  it.each([23, 185, 247])('round-trips every message length from 0 to the largest at MTU %i', (mtu) => {
    const largest = message(maxMessageBytes);
    for (let length = 0; length <= maxMessageBytes; length++) {
      const original = largest.subarray(0, length);
      const segments = segmentMessage(original, mtu);
      expect(segments.every((s) => s.length <= mtu - 3)).toBe(true);
      const step = reassemble(segments, mtu);
      if (step.kind !== 'message' || !('message' in step) || Buffer.compare(step.message, original) !== 0) throw new Error(`length ${length} at MTU ${mtu}: ${JSON.stringify(step)}`);
    }
  });

  it('round-trips back-to-back messages through one assembler, at any MTU', () => {
    fc.assert(
      fc.property(fc.integer({ min: 23, max: 517 }), fc.array(fc.uint8Array({ maxLength: 3000 }), { maxLength: 5 }), (mtu, messages) => {
        const assembler = new SegmentAssembler(mtu);
        const heard = messages.flatMap((m) => segmentMessage(m, mtu)).flatMap((s) => {
          const step = assembler.push(s);
          return step.kind === 'message' ? [step.message] : [];
        });
        expect(heard.map((m) => Buffer.from(m).toString('hex'))).toEqual(messages.map((m) => Buffer.from(m).toString('hex')));
      }),
    );
  });

  it('refuses a message over the limit as soon as it grows past it', () => {
    const assembler = new SegmentAssembler(247);
    const segments = segmentMessage(message(maxMessageBytes), 247);
    segments.slice(0, -1).forEach((s) => expect(assembler.push(s).kind).toBe('partial'));
    const overLast = Uint8Array.from([...segments.at(-1)!, 0xaa]);
    expect(assembler.push(overLast)).toMatchObject({ kind: 'refused', problem: 'message_too_long' });
    expect(() => segmentMessage(message(maxMessageBytes + 1), 247)).toThrow(RangeError);
  });

  it('refuses a gap, a repeat, a stray continuation and a first segment mid-message', () => {
    const segments = segmentMessage(message(100), 23); // 6 segments
    expect(reassemble([segments[0]!, segments[2]!], 23)).toMatchObject({ kind: 'refused', problem: 'bad_sequence', detail: 'sequence 2, expected 1' });
    expect(reassemble([segments[0]!, segments[1]!, segments[1]!], 23)).toMatchObject({ kind: 'refused', problem: 'bad_sequence' });
    expect(reassemble([segments[1]!], 23)).toMatchObject({ kind: 'refused', problem: 'bad_sequence', detail: 'a segment with no message begun' });
    expect(reassemble([segments[0]!, segments[0]!], 23)).toMatchObject({ kind: 'refused', problem: 'bad_sequence', detail: 'a first segment in the middle of a message' });
  });

  it('refuses an empty write and a segment longer than the MTU allows', () => {
    expect(new SegmentAssembler(23).push(new Uint8Array(0))).toMatchObject({ kind: 'refused', problem: 'empty_segment' });
    expect(new SegmentAssembler(23).push(new Uint8Array(21).fill(0xc0))).toMatchObject({ kind: 'refused', problem: 'segment_too_long' });
  });

  it('starts over cleanly after a refusal', () => {
    const assembler = new SegmentAssembler(23);
    const [first, second] = segmentMessage(message(40), 23);
    expect(assembler.push(second!).kind).toBe('refused');
    expect(assembler.push(first!).kind).toBe('partial');
    expect(assembler.push(second!).kind).toBe('partial');
  });
});
