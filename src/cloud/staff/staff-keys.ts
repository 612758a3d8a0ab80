import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { proofMessage, type ProofFields } from '../../shared/mutation-proof';
import type { StaffKeyRecord } from '../store/cloud-store';

/** A new signing key for a staff member at a console: 32 random bytes, and an id to find it by. */
export function newStaffKey(consoleId: string, staffId: string, at: string): StaffKeyRecord {
  return { keyId: `key_${randomUUID()}`, consoleId, staffId, secret: randomBytes(32).toString('base64url'), issuedAt: at };
}

/** HMAC-SHA256 of the mutation's canonical form, base64url: what the console sends as `proof.signature`. */
export function proofSignature(secret: string, fields: ProofFields): string {
  return createHmac('sha256', Buffer.from(secret, 'base64url')).update(proofMessage(fields)).digest('base64url');
}

/** Compared in constant time; a mutation that has no canonical form cannot be proven. */
export function proofHolds(secret: string, fields: ProofFields, signature: string): boolean {
  let expected: Buffer;
  try {
    expected = Buffer.from(proofSignature(secret, fields), 'base64url');
  } catch {
    return false;
  }
  const given = Buffer.from(signature, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
