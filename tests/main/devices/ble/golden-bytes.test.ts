import { describe, expect, it } from 'vitest';
import { ephemeralFromPrivateKey } from '../../../../src/main/devices/ble/protocol/ephemeral-key';
import { deriveHandshakeSecrets, setupKeyOf, transcriptHash } from '../../../../src/main/devices/ble/protocol/key-schedule';
import { lockAdvertisingData, lockIdOf, lockScanResponseData } from '../../../../src/main/devices/ble/protocol/lock-advertisement';
import { encodeLockInfo } from '../../../../src/main/devices/ble/protocol/lock-info';
import { encodeConsoleConfirm, encodeConsoleHello, encodeLockConfirm, encodeLockError, encodeLockHello } from '../../../../src/main/devices/ble/protocol/messages';
import { RecordSealer } from '../../../../src/main/devices/ble/protocol/record';
import { encodeAnswer, encodeRequest } from '../../../../src/main/devices/ble/protocol/record-content';
import { segmentMessage } from '../../../../src/main/devices/ble/protocol/segments';
import { hex, lockKey } from './ble-rig';

/*
 * The wire format, pinned. The handshake uses fixed private scalars (0x11.. for the console,
 * 0x22.. for the lock), the lock key 01 02 .. 20 and serial KB5-004217; every value below was
 * also computed with Python's `cryptography` (OpenSSL) from the spec alone.
 */
const consoleKey = ephemeralFromPrivateKey(new Uint8Array(32).fill(0x11));
const lockEphemeral = ephemeralFromPrivateKey(new Uint8Array(32).fill(0x22));
const serial = 'KB5-004217';

describe('the advertisement, byte for byte', () => {
  it('names a lock by the first 8 bytes of SHA-256 over its serial', () => {
    expect(lockIdOf(serial)).toBe('d2f9d7821211af5e');
  });

  it('lays out ADV_IND as flags and manufacturer data, 22 of 31 bytes', () => {
    const adv = lockAdvertisingData({ lockId: lockIdOf(serial), batteryPercent: 78, commissioned: true, batteryLow: false, tableChecksum: 0xdeadbeef });
    expect(hex(adv)).toBe(
      '02' + '01' + '06' + // AD: length 2, Flags, LE General Discoverable | BR/EDR not supported
        '12' + 'ff' + // AD: length 18, Manufacturer Specific Data
        'ffff' + // company id 0xFFFF (testing), little-endian
        '01' + // format: Porter lock beacon v1
        'd2f9d7821211af5e' + // lock id: SHA-256("KB5-004217")[0..8]
        '4e' + // battery 78 %
        '01' + // flags: commissioned, battery not low
        'efbeadde', // table checksum 0xdeadbeef, little-endian
    );
    expect(adv).toHaveLength(22);
  });

  it('lays out SCAN_RSP as the service UUID and the local name, exactly 31 bytes', () => {
    const scan = lockScanResponseData();
    expect(hex(scan)).toBe(
      '11' + '07' + // AD: length 17, Complete List of 128-bit Service UUIDs
        '8ae12fed19212ead7143403901000d27' + // 270d0001-3940-4371-ad2e-2119ed2fe18a, little-endian
        '0c' + '09' + // AD: length 12, Complete Local Name
        '506f72746572204c6f636b', // "Porter Lock"
    );
    expect(scan).toHaveLength(31);
  });

  it('lays out Lock Info', () => {
    const info = encodeLockInfo({ protocolVersion: 1, commissioned: true, serial, modelId: 'kestrel-kb500', firmware: '2.1.0' });
    expect(hex(info)).toBe(
      '01' + // protocol version 1
        '01' + // state: bit 0 commissioned
        '0a' + '4b42352d303034323137' + // serial: length 10, "KB5-004217"
        '0d' + '6b65737472656c2d6b62353030' + // model id: length 13, "kestrel-kb500"
        '05' + '322e312e30', // firmware: length 5, "2.1.0"
    );
  });
});

describe('the handshake, byte for byte', () => {
  const shared = consoleKey.sharedSecret(lockEphemeral.publicKey)!;
  const transcript = transcriptHash({ mode: 'session', serial, consolePublicKey: consoleKey.publicKey, lockPublicKey: lockEphemeral.publicKey });
  const secrets = deriveHandshakeSecrets(lockKey, shared, transcript);

  it('opens with CONSOLE_HELLO and LOCK_HELLO, each an uncompressed P-256 point', () => {
    expect(hex(encodeConsoleHello('session', consoleKey.publicKey))).toBe(
      '01' + // CONSOLE_HELLO
        '01' + // mode: session (02 would be commissioning)
        '04' + // uncompressed point
        '0217e617f0b6443928278f96999e69a23a4f2c152bdf6d6cdf66e5b80282d4ed' + // x
        '194a7debcb97712d2dda3ca85aa8765a56f45fc758599652f2897c65306e5794', // y
    );
    expect(hex(encodeLockHello(lockEphemeral.publicKey))).toBe(
      '02' + // LOCK_HELLO
        '04' +
        'd65a93977caa3d1b081852ff57a79e465f1660577304baead505dd3a48589cf3' + // x
        '50185e895372df6221ea3a137557e473fddb6755f05bd507c3c533fce9c91285', // y
    );
  });

  it('derives the same secret on both sides, and keys bound to the transcript', () => {
    expect(hex(shared)).toBe('ccfc261f58193c98ca4ad4a53bbac6f0ee29bc4d48438090446908622ca79af6');
    expect(hex(lockEphemeral.sharedSecret(consoleKey.publicKey)!)).toBe(hex(shared));
    // SHA-256("porter-ble-lock/1" || 01 || 0a "KB5-004217" || console point || lock point)
    expect(hex(transcript)).toBe('a69f246310f40309208a83c9145450b5399d602e6709ec8aac995a873ef41d1e');
    expect(hex(secrets.keys.consoleToLock)).toBe('5b358265e30009df57b2ce243a5458d1'); // OKM[0..16]
    expect(hex(secrets.keys.lockToConsole)).toBe('701c42915066bdee19551cff60c04b60'); // OKM[16..32]
  });

  it('confirms with 16 bytes of HMAC each way', () => {
    expect(hex(encodeConsoleConfirm(secrets.consoleConfirmation))).toBe(
      '03' + // CONSOLE_CONFIRM
        '2f243b2388c32fa3938ffd2859c99f15', // HMAC-SHA256(OKM[32..48], "console" || TH)[0..16]
    );
    expect(hex(encodeLockConfirm(secrets.lockConfirmation))).toBe(
      '04' + // LOCK_CONFIRM
        '6da0100708d5e782ff11e786b481435c', // HMAC-SHA256(OKM[48..64], "lock" || TH)[0..16]
    );
  });

  it('seals a READ_CHECKSUM request and its answer', () => {
    const request = new RecordSealer(secrets.keys.consoleToLock, 'console_to_lock').seal(encodeRequest(Uint8Array.of(0x04)));
    expect(request.counter).toBe(1);
    expect(hex(request.record)).toBe(
      '10' + // SEALED
        '01000000' + // counter 1, little-endian (also in the nonce: 01 | 01000000 | 00 x 8)
        '7fa9' + // ciphertext of 01 (REQUEST) 04 (READ_CHECKSUM)
        '889af16f9d3030448ff7755924468de1', // CCM tag over header + plaintext
    );
    const answer = new RecordSealer(secrets.keys.lockToConsole, 'lock_to_console').seal(
      encodeAnswer(1, Uint8Array.of(0x00, 0x03, 0, 0, 0, 0xef, 0xbe, 0xad, 0xde, 0x0c, 0x00)), // ok, version 3, checksum, 12 used
    );
    expect(hex(answer.record)).toBe(
      '10' + // SEALED
        '01000000' + // the lock's own counter 1 (nonce 02 | 01000000 | 00 x 8)
        '16177c26894ab2ea5b1b5fe4586add8c' + // ciphertext of 02 (ANSWER) 01000000 (answers request 1) + 11 answer bytes
        'b425a8b3ea83d5f24bceb5b1e19d2ea3', // CCM tag
    );
  });

  it('ends a session with a two-byte ERROR in the clear', () => {
    expect(hex(encodeLockError('tampered'))).toBe('7f' + '04'); // ERROR, tampered
  });

  it('derives the setup key from the label code with PBKDF2', async () => {
    // PBKDF2-HMAC-SHA256("24681357", "porter-ble-setup/1KB5-004217", 100 000 rounds, 32 bytes)
    expect(hex(await setupKeyOf('24681357', serial))).toBe('99fc0449da774f677dde14057f9131cc6717d845ed24e7455cb54b916cf3e7e2');
  });
});

describe('segments, byte for byte', () => {
  it('splits the sealed READ_CHECKSUM request in two at the default MTU of 23', () => {
    const record = Buffer.from('10' + '01000000' + '7fa9' + '889af16f9d3030448ff7755924468de1', 'hex'); // from the handshake above
    expect(segmentMessage(record, 23).map(hex)).toEqual([
      '80' + // first, not last, sequence 0
        '10010000007fa9889af16f9d3030448ff77559', // 23 - 3 (ATT) - 1 (header) = 19 bytes of the message
      '41' + // last, sequence 1
        '24468de1', // the remaining 4
    ]);
  });

  it('sends an empty message as one header byte, first and last', () => {
    expect(segmentMessage(new Uint8Array(0), 23).map(hex)).toEqual(['c0']);
  });

  it('wraps the sequence after 63', () => {
    const headers = segmentMessage(new Uint8Array(19 * 66), 23).map((s) => s[0]);
    expect(headers.slice(0, 2)).toEqual([0x80, 0x01]);
    expect(headers.slice(62, 66)).toEqual([0x3e, 0x3f, 0x00, 0x41]); // 62, 63, back to 0, then 1 with the last bit
  });
});
