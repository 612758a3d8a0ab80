import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { ImmediateSecretStore } from './memory-secret-store';
import type { SecretStore } from './secret-store';

/**
 * The audit log's key as the keychain keeps it: 32 random bytes, and the seq of the entry
 * where it began. Keeping the start here, out of the store file's reach, is what shows a log
 * rewritten as if it had never been keyed, or cut back to before the key.
 */
export interface AuditKeyRecord {
  key: Buffer;
  since: number;
}

const Stored = z.object({ v: z.literal(1), key: z.base64url().length(43), since: z.number().int().min(1) });

/** Named after the store's own id, so two data folders on one machine never share a key. */
export const auditKeyAccount = (storeId: string): string => `audit-key:${storeId}`;

export function newAuditKey(since: number): AuditKeyRecord {
  return { key: randomBytes(32), since };
}

/** A secret that is not a key of ours (garbage, another format) counts as no key. */
function parse(secret: string | null): AuditKeyRecord | null {
  if (secret === null) return null;
  try {
    const s = Stored.safeParse(JSON.parse(secret));
    return s.success ? { key: Buffer.from(s.data.key, 'base64url'), since: s.data.since } : null;
  } catch {
    return null;
  }
}

const format = (r: AuditKeyRecord): string => JSON.stringify({ v: 1, key: r.key.toString('base64url'), since: r.since });

export async function readAuditKey(store: SecretStore, storeId: string): Promise<AuditKeyRecord | null> {
  return parse(await store.get(auditKeyAccount(storeId)));
}

export function saveAuditKey(store: SecretStore, storeId: string, record: AuditKeyRecord): Promise<void> {
  return store.set(auditKeyAccount(storeId), format(record));
}

export function readAuditKeyNow(store: ImmediateSecretStore, storeId: string): AuditKeyRecord | null {
  return parse(store.getNow(auditKeyAccount(storeId)));
}

export function saveAuditKeyNow(store: ImmediateSecretStore, storeId: string, record: AuditKeyRecord): void {
  store.setNow(auditKeyAccount(storeId), format(record));
}
