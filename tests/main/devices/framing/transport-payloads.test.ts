import { describe, expect, it } from 'vitest';
import { keepAliveStatusOf, transportCommandOf, transportErrorOf } from '../../../../src/main/devices/framing/commands';
import { decodeInitResponse, encodeInitResponse } from '../../../../src/main/devices/framing/transport-payloads';

describe('transport payloads', () => {
  it('lays out the INIT answer: nonce, channel, protocol version, firmware version, capabilities', () => {
    const payload = encodeInitResponse({
      nonce: Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8),
      channelId: 0x00000102,
      version: { protocolVersion: 2, major: 1, minor: 4, build: 12, capabilities: 0x03 },
    });
    expect(Buffer.from(payload).toString('hex')).toBe(
      '0102030405060708' + // the host's nonce, echoed
        '00000102' + // the channel handed out, big-endian
        '02' + // transport protocol version
        '01040c' + // firmware 1.4.12
        '03', // capabilities: LOCK | KEEPALIVE
    );
    expect(decodeInitResponse(payload)).toMatchObject({ channelId: 0x102, version: { major: 1, minor: 4, build: 12 } });
  });

  it('refuses an INIT answer that is short or hands out a channel nobody may use', () => {
    expect(decodeInitResponse(new Uint8Array(16))).toBeNull();
    const broadcast = new Uint8Array(17);
    broadcast.set([0xff, 0xff, 0xff, 0xff], 8);
    expect(decodeInitResponse(broadcast)).toBeNull();
    expect(decodeInitResponse(new Uint8Array(17))).toBeNull(); // channel 0 is reserved
  });

  it('names bytes, folding unknown ones safely', () => {
    expect(transportCommandOf(0x83)).toBe('msg');
    expect(transportCommandOf(0x99)).toBeNull();
    expect(transportErrorOf(0x10)).toBe('crc_mismatch');
    expect(transportErrorOf(0x42)).toBe('other');
    expect(keepAliveStatusOf(0x02)).toBe('waiting_for_door');
    expect(keepAliveStatusOf(0x09)).toBe('processing');
  });
});
