import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createKeychainSecretStore } from '../../../src/main/secrets/keychain-secret-store';
import { zwaveKeysAccount, zwaveNetworkKeys } from '../../../src/main/secrets/zwave-keys';

// Runs against the real OS keychain (a Secret Service session that `npm test` unlocks).
const keychain = createKeychainSecretStore(`Porter tests ${randomUUID()}`);
const storeId = randomUUID();
afterAll(() => keychain.delete(zwaveKeysAccount(storeId)));

describe('the Z-Wave network keys in the OS keychain', () => {
  it('are made there once and read back the same, as base64url text', async () => {
    const made = await zwaveNetworkKeys(keychain, storeId);
    const secret = JSON.parse((await keychain.get(zwaveKeysAccount(storeId)))!) as Record<string, string>;
    expect(secret).toMatchObject({ v: 1, S2_AccessControl: made.S2_AccessControl.toString('base64url') });
    const read = await zwaveNetworkKeys(keychain, storeId);
    expect(read.S2_AccessControl.equals(made.S2_AccessControl)).toBe(true);
    expect(read.S2_Unauthenticated.equals(made.S2_Unauthenticated)).toBe(true);
  });
});
