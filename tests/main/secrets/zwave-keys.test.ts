import { describe, expect, it } from 'vitest';
import { memorySecretStore } from '../../../src/main/secrets/memory-secret-store';
import { UnreadableZWaveKeysError, zwaveKeysAccount, zwaveNetworkKeys } from '../../../src/main/secrets/zwave-keys';

describe('the Z-Wave network keys', () => {
  it('are made on first use, four different 16-byte keys, and found again at the next open', async () => {
    const store = memorySecretStore();
    const first = await zwaveNetworkKeys(store, 'store-a');
    const keys = [first.S2_AccessControl, first.S2_Authenticated, first.S2_Unauthenticated, first.S0_Legacy];
    expect(keys.every((k) => k.length === 16)).toBe(true);
    expect(new Set(keys.map((k) => k.toString('hex'))).size).toBe(4);
    expect(store.entries.has(zwaveKeysAccount('store-a'))).toBe(true);

    const again = await zwaveNetworkKeys(store, 'store-a');
    expect(again.S2_AccessControl.equals(first.S2_AccessControl)).toBe(true);
    expect(again.S0_Legacy.equals(first.S0_Legacy)).toBe(true);
  });

  it('are kept per data folder: another store id gets keys of its own', async () => {
    const store = memorySecretStore();
    const a = await zwaveNetworkKeys(store, 'store-a');
    const b = await zwaveNetworkKeys(store, 'store-b');
    expect(a.S2_AccessControl.equals(b.S2_AccessControl)).toBe(false);
  });

  it.each([
    ['not JSON', 'garbage'],
    ['another format', JSON.stringify({ v: 2, key: 'x' })],
    ['a key too short', JSON.stringify({ v: 1, S2_AccessControl: 'AAAA', S2_Authenticated: 'AAAA', S2_Unauthenticated: 'AAAA', S0_Legacy: 'AAAA' })],
    ['two classes sharing a key', JSON.stringify({ v: 1, S2_AccessControl: 'A'.repeat(22), S2_Authenticated: 'A'.repeat(22), S2_Unauthenticated: 'B'.repeat(22), S0_Legacy: 'C'.repeat(22) })],
  ])('refuse a secret that is %s, and never replace it with new keys', async (_what, secret) => {
    const store = memorySecretStore();
    store.setNow(zwaveKeysAccount('store-a'), secret);
    const opening = zwaveNetworkKeys(store, 'store-a');
    await expect(opening).rejects.toBeInstanceOf(UnreadableZWaveKeysError);
    await expect(opening).rejects.toThrow(/cannot be read, so the locks on the network cannot be reached/);
    expect(store.getNow(zwaveKeysAccount('store-a'))).toBe(secret);
  });
});
