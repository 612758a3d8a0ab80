import keytar from 'keytar';
import { keychainService, type SecretStore } from './secret-store';

/** The OS keychain through keytar: Keychain on macOS, Credential Vault on Windows, Secret Service on Linux. */
export function createKeychainSecretStore(service = keychainService): SecretStore {
  return {
    get: (account) => keytar.getPassword(service, account),
    set: (account, secret) => keytar.setPassword(service, account, secret),
    delete: (account) => keytar.deletePassword(service, account),
  };
}
