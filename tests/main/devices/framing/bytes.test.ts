import { describe, expect, it } from 'vitest';
import { ByteReader, ByteWriter } from '../../../../src/main/devices/framing/bytes';
import { hex } from '../keyprog/hex';

describe('little-endian bytes', () => {
  it('writes integers least significant byte first', () => {
    const bytes = new ByteWriter().u8(0xab).u16(0x1234).i16(-2).u32(0xdeadbeef).text('Hi').finish();
    expect(bytes).toEqual(hex('ab', '34 12', 'fe ff', 'ef be ad de', '02 48 69'));
  });

  it('reads them back, signed where signed', () => {
    const r = new ByteReader(hex('ab 34 12 fe ff ef be ad de 02 48 69'));
    expect([r.u8('a'), r.u16('b'), r.i16('c'), r.u32('d'), r.text('e')]).toEqual([0xab, 0x1234, -2, 0xdeadbeef, 'Hi']);
    expect(r.finish()).toBeUndefined();
  });

  it("throws on a value its field cannot hold: that is the caller's bug", () => {
    expect(() => new ByteWriter().u8(256, 'battery')).toThrow('battery must be an integer in 0..255, got 256');
    expect(() => new ByteWriter().u16(-1)).toThrow(RangeError);
    expect(() => new ByteWriter().i16(40_000)).toThrow(RangeError);
    expect(() => new ByteWriter().u32(2 ** 32)).toThrow(RangeError);
    expect(() => new ByteWriter().u8(1.5)).toThrow(RangeError);
    expect(() => new ByteWriter().text('café')).toThrow(RangeError);
  });

  it('keeps the first problem when a message is short, and reads zeros after it', () => {
    const r = new ByteReader(hex('01 02'));
    expect(r.u32('checksum')).toBe(0);
    expect(r.u8('next')).toBe(0);
    expect(r.finish()).toBe('ends before checksum (needs 4 bytes at offset 0, has 2)');
  });
});
