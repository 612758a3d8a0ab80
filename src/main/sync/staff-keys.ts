import { createHmac } from 'node:crypto';
import { proofMessage, type ProofFields } from '../../shared/mutation-proof';
import type { SecretStore } from '../secrets/secret-store';

/**
 * The signing keys the cloud gave this console, one per staff member, at online sign-ins
 * (docs/sync-api.md, "Staff sign-in and proofs"). They live in the OS keychain through the
 * SecretStore, never in the store or a file: with one, the changes that staff member made
 * here can be proven to the cloud.
 */
export interface StaffKey {
  id: string;
  secret: string;
}

const account = (consoleId: string, staffId: string) => `staff-key:${consoleId}:${staffId}`;

export async function saveStaffKey(secrets: SecretStore, consoleId: string, staffId: string, key: StaffKey): Promise<void> {
  await secrets.set(account(consoleId, staffId), JSON.stringify({ id: key.id, secret: key.secret }));
}

export async function readStaffKey(secrets: SecretStore, consoleId: string, staffId: string): Promise<StaffKey | null> {
  const stored = await secrets.get(account(consoleId, staffId));
  if (!stored) return null;
  try {
    const key = JSON.parse(stored) as Partial<StaffKey>;
    return typeof key.id === 'string' && typeof key.secret === 'string' ? { id: key.id, secret: key.secret } : null;
  } catch {
    return null;
  }
}

/** A console paired again is a new console to the cloud: the keys of the old one are worth nothing. */
export async function forgetStaffKeys(secrets: SecretStore, consoleId: string, staffIds: readonly string[]): Promise<void> {
  for (const id of staffIds) await secrets.delete(account(consoleId, id));
}

/** HMAC-SHA256 over the mutation's canonical form; throws for a mutation that has none. */
export function signMutation(key: StaffKey, fields: ProofFields): { keyId: string; signature: string } {
  return { keyId: key.id, signature: createHmac('sha256', Buffer.from(key.secret, 'base64url')).update(proofMessage(fields)).digest('base64url') };
}
