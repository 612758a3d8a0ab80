import { createHash, createHmac, hkdfSync, pbkdf2, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { handshakeModeByte, type HandshakeMode } from './messages';

/*
 * From a handshake to session keys (docs/protocols/ble-lock.md, "Key schedule"):
 *   TH   = SHA-256("porter-ble-lock/1" || mode || serial (u8 length + ASCII) || console point || lock point)
 *   OKM  = HKDF-SHA256(IKM = ECDH secret, salt = the lock key or setup key, info = "porter-ble-lock/1 keys" || TH, 64 bytes)
 *        = console→lock key (16) || lock→console key (16) || console confirm key (16) || lock confirm key (16)
 *   console confirmation = HMAC-SHA256(console confirm key, "console" || TH)[0..16], the lock's with "lock"
 * Salting HKDF with the per-lock secret is what authenticates: without it both ends would agree
 * on keys with anyone. TH binds the keys to this lock, this mode and these two points.
 */

export const lockKeyBytes = 32;

/** A fresh lock key, made by the console at commissioning and kept in the OS keychain. */
export function newLockKey(): Uint8Array {
  return Uint8Array.from(randomBytes(lockKeyBytes));
}
const label = 'porter-ble-lock/1';

export interface SessionKeys {
  consoleToLock: Uint8Array;
  lockToConsole: Uint8Array;
}

export interface HandshakeSecrets {
  keys: SessionKeys;
  consoleConfirmation: Uint8Array;
  lockConfirmation: Uint8Array;
}

export interface Transcript {
  mode: HandshakeMode;
  serial: string;
  consolePublicKey: Uint8Array;
  lockPublicKey: Uint8Array;
}

export function transcriptHash(t: Transcript): Uint8Array {
  const serial = Buffer.from(t.serial, 'ascii');
  const hash = createHash('sha256').update(label, 'ascii').update(Uint8Array.of(handshakeModeByte[t.mode], serial.length)).update(serial);
  return Uint8Array.from(hash.update(t.consolePublicKey).update(t.lockPublicKey).digest());
}

export function deriveHandshakeSecrets(secret: Uint8Array, sharedSecret: Uint8Array, transcript: Uint8Array): HandshakeSecrets {
  const info = Buffer.concat([Buffer.from(`${label} keys`, 'ascii'), transcript]);
  const okm = new Uint8Array(hkdfSync('sha256', sharedSecret, secret, info, 64));
  const confirm = (key: Uint8Array, side: string) => Uint8Array.from(createHmac('sha256', key).update(side, 'ascii').update(transcript).digest().subarray(0, 16));
  return {
    keys: { consoleToLock: okm.slice(0, 16), lockToConsole: okm.slice(16, 32) },
    consoleConfirmation: confirm(okm.subarray(32, 48), 'console'),
    lockConfirmation: confirm(okm.subarray(48, 64), 'lock'),
  };
}

/** Compares in constant time, so a guess learns nothing from how long a refusal took. */
export function confirmationMatches(expected: Uint8Array, received: Uint8Array): boolean {
  return expected.length === received.length && timingSafeEqual(expected, received);
}

/*
 * The setup key: PBKDF2-HMAC-SHA256 of the label's 8-digit setup code, salted with the serial,
 * 100 000 rounds. The factory stores only this in the lock, never the code. The rounds make each
 * guess of a code cost something to whoever records a commissioning (see the spec's limits).
 */
export const setupCodePattern = /^[0-9]{8}$/;
const setupRounds = 100_000;
const setupSalt = (serial: string) => Buffer.from(`porter-ble-setup/1${serial}`, 'ascii');

export async function setupKeyOf(setupCode: string, serial: string): Promise<Uint8Array> {
  checkSetupCode(setupCode);
  return Uint8Array.from(await promisify(pbkdf2)(setupCode, setupSalt(serial), setupRounds, 32, 'sha256'));
}

/** The factory's side (the simulated lock), where blocking for a moment does not matter. */
export function setupKeyOfSync(setupCode: string, serial: string): Uint8Array {
  checkSetupCode(setupCode);
  return Uint8Array.from(pbkdf2Sync(setupCode, setupSalt(serial), setupRounds, 32, 'sha256'));
}

function checkSetupCode(setupCode: string): void {
  if (!setupCodePattern.test(setupCode)) throw new RangeError('A setup code is the 8 digits on the lock’s label');
}
