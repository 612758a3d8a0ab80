/**
 * Where the console keeps secrets (its cloud token, lock keys): the OS keychain, never
 * SQLite, a file or a log line. Everything else depends on this interface, not on keytar.
 */
export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** True if there was a secret to delete. */
  delete(account: string): Promise<boolean>;
}

export const keychainService = 'Porter';
