import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createKeychainSecretStore } from '../../../src/main/secrets/keychain-secret-store';

// Runs against the real OS keychain (a Secret Service session that `npm test` unlocks).
describe('the keychain secret store', () => {
  const store = createKeychainSecretStore(`Porter tests ${randomUUID()}`);

  it('keeps a secret, gives it back, replaces it and deletes it', async () => {
    expect(await store.get('cloud-token')).toBeNull();
    await store.set('cloud-token', 'tok_first');
    expect(await store.get('cloud-token')).toBe('tok_first');
    await store.set('cloud-token', 'tok_second');
    expect(await store.get('cloud-token')).toBe('tok_second');
    expect(await store.delete('cloud-token')).toBe(true);
    expect(await store.get('cloud-token')).toBeNull();
    expect(await store.delete('cloud-token')).toBe(false);
  });

  it('keeps accounts apart', async () => {
    await store.set('console-a', 'alpha');
    await store.set('console-b', 'beta');
    expect(await store.get('console-a')).toBe('alpha');
    expect(await store.get('console-b')).toBe('beta');
    await store.delete('console-a');
    await store.delete('console-b');
  });
});
