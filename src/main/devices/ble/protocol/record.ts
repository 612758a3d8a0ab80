import { createCipheriv, createDecipheriv } from 'node:crypto';
import { recordHeaderBytes, tagBytes } from './limits';
import { messageType } from './messages';

/*
 * The record layer: after the handshake every message but ERROR is
 *   [0x10][counter u32 LE] [AES-128-CCM ciphertext] [tag, 16 bytes]
 * with the 5 header bytes as associated data, so a changed counter fails the tag like a changed
 * ciphertext. Each direction has its own key and counter, starting at 1. The 13-byte nonce is
 * [direction: 01 console→lock, 02 lock→console][counter u32 LE][8 zero bytes]: a counter never
 * repeats under one key, and keys are new every session, so no nonce is ever used twice.
 */

export type RecordDirection = 'console_to_lock' | 'lock_to_console';
const directionByte: Record<RecordDirection, number> = { console_to_lock: 0x01, lock_to_console: 0x02 };
const maxCounter = 0xffff_ffff;

export function recordNonce(direction: RecordDirection, counter: number): Uint8Array {
  const nonce = Buffer.alloc(13);
  nonce[0] = directionByte[direction];
  nonce.writeUInt32LE(counter, 1);
  return nonce;
}

export class RecordSealer {
  private counter = 0;

  constructor(
    private readonly key: Uint8Array,
    private readonly direction: RecordDirection,
  ) {}

  /** Seals the next record; the counter it carries is returned so an answer can name it. */
  seal(plaintext: Uint8Array): { record: Uint8Array; counter: number } {
    if (this.counter >= maxCounter) throw new RangeError('The session has used every counter: open a new one');
    const counter = ++this.counter;
    const header = Buffer.alloc(recordHeaderBytes);
    header[0] = messageType.sealed;
    header.writeUInt32LE(counter, 1);
    const cipher = createCipheriv('aes-128-ccm', this.key, recordNonce(this.direction, counter), { authTagLength: tagBytes });
    cipher.setAAD(header, { plaintextLength: plaintext.length });
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return { record: Uint8Array.from(Buffer.concat([header, body, cipher.getAuthTag()])), counter };
  }
}

export type RecordRefusal = 'malformed' | 'tampered' | 'replayed';
export type OpenedRecord = { ok: true; counter: number; plaintext: Uint8Array } | { ok: false; refusal: RecordRefusal };

export class RecordOpener {
  private last = 0;

  constructor(
    private readonly key: Uint8Array,
    private readonly direction: RecordDirection,
  ) {}

  /**
   * Authenticates first, then checks the counter: a replayed record is a genuine one seen
   * before (its tag verifies), a tampered one is anything else. A refusal changes nothing.
   */
  open(record: Uint8Array): OpenedRecord {
    if (record.length < recordHeaderBytes + tagBytes || record[0] !== messageType.sealed) return { ok: false, refusal: 'malformed' };
    const bytes = Buffer.from(record.buffer, record.byteOffset, record.length);
    const counter = bytes.readUInt32LE(1);
    const ciphertext = bytes.subarray(recordHeaderBytes, bytes.length - tagBytes);
    const decipher = createDecipheriv('aes-128-ccm', this.key, recordNonce(this.direction, counter), { authTagLength: tagBytes });
    decipher.setAuthTag(bytes.subarray(bytes.length - tagBytes));
    decipher.setAAD(bytes.subarray(0, recordHeaderBytes), { plaintextLength: ciphertext.length });
    let plaintext: Buffer;
    try {
      plaintext = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
    } catch {
      return { ok: false, refusal: 'tampered' };
    }
    if (counter <= this.last) return { ok: false, refusal: 'replayed' };
    this.last = counter;
    return { ok: true, counter, plaintext: Uint8Array.from(plaintext) };
  }
}
