import { describe, expect, it } from 'vitest';
import { RecordOpener, RecordSealer } from '../../../../src/main/devices/ble/protocol/record';

const key = Uint8Array.from({ length: 16 }, (_, i) => 0xa0 + i);
const plaintext = Uint8Array.from([0x01, 0x06, 0x01, 0x02, 0x00]);

describe('the record layer', () => {
  it('opens what the other end sealed, counters rising from 1', () => {
    const sealer = new RecordSealer(key, 'console_to_lock');
    const opener = new RecordOpener(key, 'console_to_lock');
    for (const counter of [1, 2, 3]) {
      const { record } = sealer.seal(plaintext);
      expect(opener.open(record)).toEqual({ ok: true, counter, plaintext });
    }
  });

  it('refuses a record with any one bit flipped, header, ciphertext or tag, and stays usable', () => {
    const sealer = new RecordSealer(key, 'console_to_lock');
    const opener = new RecordOpener(key, 'console_to_lock');
    const { record } = sealer.seal(plaintext);
    for (let i = 1; i < record.length; i++) {
      const tampered = Uint8Array.from(record);
      tampered[i] = (tampered[i] ?? 0) ^ 0x80;
      expect(opener.open(tampered)).toEqual({ ok: false, refusal: 'tampered' });
    }
    expect(opener.open(record)).toMatchObject({ ok: true, counter: 1 });
  });

  it('refuses a record seen before, and one older than the last accepted', () => {
    const sealer = new RecordSealer(key, 'console_to_lock');
    const opener = new RecordOpener(key, 'console_to_lock');
    const first = sealer.seal(plaintext).record;
    const second = sealer.seal(plaintext).record;
    const third = sealer.seal(plaintext).record;
    expect(opener.open(first).ok).toBe(true);
    expect(opener.open(first)).toEqual({ ok: false, refusal: 'replayed' });
    expect(opener.open(third).ok).toBe(true); // a gap is allowed: the counter only has to rise
    expect(opener.open(second)).toEqual({ ok: false, refusal: 'replayed' });
  });

  it('does not open a record sealed for the other direction (the nonce differs)', () => {
    const { record } = new RecordSealer(key, 'lock_to_console').seal(plaintext);
    expect(new RecordOpener(key, 'console_to_lock').open(record)).toEqual({ ok: false, refusal: 'tampered' });
  });

  it('calls a record too short to hold a header and a tag malformed', () => {
    expect(new RecordOpener(key, 'console_to_lock').open(Uint8Array.of(0x10, 1, 0, 0, 0))).toEqual({ ok: false, refusal: 'malformed' });
  });
});
