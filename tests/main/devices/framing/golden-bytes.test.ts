import { describe, expect, it } from 'vitest';
import { transportCommands } from '../../../../src/main/devices/framing/commands';
import { BROADCAST_CHANNEL } from '../../../../src/main/devices/framing/constants';
import { messageCrc } from '../../../../src/main/devices/framing/crc';
import { encodeMessage, parsePacket } from '../../../../src/main/devices/framing/packets';

/** Hex of a report, trailing zero padding cut, for golden comparisons. */
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex').replace(/(00)+$/, '');

describe('the wire format, byte for byte', () => {
  it('uses the IEEE CRC-32 that zlib computes', () => {
    // The check value of CRC-32/ISO-HDLC: crc32("123456789") = 0xcbf43926.
    const digits = new TextEncoder().encode('23456789');
    expect(messageCrc('1'.charCodeAt(0), digits)).toBe(0xcbf43926);
  });

  it('frames an INIT request on the broadcast channel as one init packet', () => {
    const nonce = Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8);
    const reports = encodeMessage(BROADCAST_CHANNEL, transportCommands.init, nonce);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toHaveLength(64);
    expect(hex(reports[0]!)).toBe(
      'ffffffff' + // CID: the broadcast channel, big-endian
        '86' + // CMD: INIT (0x06 with bit 7 set, which makes this an init packet)
        '000c' + // BCNTH BCNTL: 12 = 8 nonce bytes + 4 CRC bytes
        '0102030405060708' + // DATA: the nonce
        'c73aaea9', // DATA: CRC-32 over 86 || nonce, little-endian; zero padding follows
    );
  });

  it('frames a 60-byte MSG as an init packet and one continuation packet', () => {
    const payload = Uint8Array.from({ length: 60 }, (_, i) => 0x10 + i);
    const [init, continuation, ...rest] = encodeMessage(0x01020304, transportCommands.msg, payload);
    expect(rest).toHaveLength(0);
    // Init packet: CID | CMD | BCNT | the first 57 data bytes.
    expect(Buffer.from(init!.subarray(0, 7)).toString('hex')).toBe(
      '01020304' + // CID 0x01020304, big-endian
        '83' + // CMD: MSG
        '0040', // BCNT: 64 = 60 payload bytes + 4 CRC bytes
    );
    expect([...init!.subarray(7)]).toEqual([...payload.subarray(0, 57)]);
    // Continuation packet: CID | SEQ | the remaining 3 payload bytes, the CRC, zero padding.
    expect(hex(continuation!)).toBe(
      '01020304' + // CID again
        '00' + // SEQ 0: the first continuation (bit 7 clear)
        '494a4b' + // payload bytes 57..59 (0x10 + 57 = 0x49)
        'f47f90c2', // CRC-32 over 83 || payload, little-endian
    );
    expect(continuation!.subarray(5 + 3 + 4).every((b) => b === 0)).toBe(true);
  });

  it('frames an empty PING as the CRC alone', () => {
    const [report] = encodeMessage(0x00000001, transportCommands.ping, new Uint8Array(0));
    expect(hex(report!)).toBe(
      '00000001' + // CID 1
        '81' + // CMD: PING
        '0004' + // BCNT: only the CRC
        '3b5cbd48', // CRC-32 over 81 alone, little-endian
    );
  });

  it('frames an ERROR invalid_sequence', () => {
    const [report] = encodeMessage(0xcafef00d, transportCommands.error, Uint8Array.of(0x04));
    expect(hex(report!)).toBe(
      'cafef00d' + // CID
        'bf' + // CMD: ERROR
        '0005' + // BCNT: error code + CRC
        '04' + // invalid_sequence
        '9164e925', // CRC, little-endian
    );
  });

  it('reads headers back', () => {
    const [init, continuation] = encodeMessage(0x01020304, transportCommands.msg, new Uint8Array(100));
    expect(parsePacket(init!)).toMatchObject({ kind: 'init', channelId: 0x01020304, command: 0x83, byteCount: 104 });
    expect(parsePacket(continuation!)).toMatchObject({ kind: 'continuation', channelId: 0x01020304, sequence: 0 });
    expect(parsePacket(new Uint8Array(63))).toBeNull();
  });
});
