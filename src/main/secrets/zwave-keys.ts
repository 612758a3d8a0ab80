import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { SecretStore } from './secret-store';

/**
 * The Z-Wave network's keys as the keychain keeps them: one 16-byte key per security class
 * (S2 Access Control for locks, S2 Authenticated and Unauthenticated for other devices, S0
 * for locks that only do the legacy scheme). Whoever holds them can open the community's
 * doors, so they live only in the SecretStore: never in the store, the driver's cache or a log.
 */
export interface ZWaveNetworkKeys {
  S2_AccessControl: Buffer;
  S2_Authenticated: Buffer;
  S2_Unauthenticated: Buffer;
  S0_Legacy: Buffer;
}

const key = z.base64url().length(22);
const Stored = z.object({
  v: z.literal(1),
  S2_AccessControl: key,
  S2_Authenticated: key,
  S2_Unauthenticated: key,
  S0_Legacy: key,
});

/** Named after the store's own id, like the audit key, so two data folders never share a network's keys. */
export const zwaveKeysAccount = (storeId: string): string => `zwave-keys:${storeId}`;

export function newZWaveKeys(): ZWaveNetworkKeys {
  return { S2_AccessControl: randomBytes(16), S2_Authenticated: randomBytes(16), S2_Unauthenticated: randomBytes(16), S0_Legacy: randomBytes(16) };
}

/** Thrown when the keychain holds something under the keys' name that is not our keys. */
export class UnreadableZWaveKeysError extends Error {
  constructor() {
    super(
      "The Z-Wave network keys in this computer's keychain cannot be read, so the locks on the network cannot be reached. " +
        'Restore the keychain entry, or exclude and include the locks again on a new network; Porter does not make new keys over an existing network.',
    );
    this.name = 'UnreadableZWaveKeysError';
  }
}

function parse(secret: string): ZWaveNetworkKeys | null {
  try {
    const s = Stored.safeParse(JSON.parse(secret));
    if (!s.success) return null;
    const b = (k: string): Buffer => Buffer.from(k, 'base64url');
    const keys = { S2_AccessControl: b(s.data.S2_AccessControl), S2_Authenticated: b(s.data.S2_Authenticated), S2_Unauthenticated: b(s.data.S2_Unauthenticated), S0_Legacy: b(s.data.S0_Legacy) };
    // zwave-js refuses two classes sharing a key; a secret that has them is not ours.
    return new Set(Object.values(keys).map((k) => k.toString('hex'))).size === 4 ? keys : null;
  } catch {
    return null;
  }
}

function format(keys: ZWaveNetworkKeys): string {
  const s = (k: Buffer): string => k.toString('base64url');
  return JSON.stringify({ v: 1, S2_AccessControl: s(keys.S2_AccessControl), S2_Authenticated: s(keys.S2_Authenticated), S2_Unauthenticated: s(keys.S2_Unauthenticated), S0_Legacy: s(keys.S0_Legacy) });
}

/**
 * The network keys for this data folder: read from the SecretStore, or made there on first
 * use. A secret that is there but unreadable is never replaced: new keys would lock the
 * console out of every lock already included with the old ones.
 */
export async function zwaveNetworkKeys(store: SecretStore, storeId: string): Promise<ZWaveNetworkKeys> {
  const account = zwaveKeysAccount(storeId);
  const secret = await store.get(account);
  if (secret !== null) {
    const keys = parse(secret);
    if (!keys) throw new UnreadableZWaveKeysError();
    return keys;
  }
  const keys = newZWaveKeys();
  await store.set(account, format(keys));
  return keys;
}
