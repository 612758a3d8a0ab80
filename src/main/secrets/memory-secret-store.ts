import type { SecretStore } from './secret-store';

/**
 * A secret store that answers at once, from memory: a core can be created on it without
 * waiting (createCore is synchronous; the OS keychain needs openCore). For tests and tools
 * run without a keychain; its secrets die with the process.
 */
export interface ImmediateSecretStore extends SecretStore {
  readonly entries: Map<string, string>;
  getNow(account: string): string | null;
  setNow(account: string, secret: string): void;
}

export function memorySecretStore(): ImmediateSecretStore {
  const entries = new Map<string, string>();
  return {
    entries,
    getNow: (account) => entries.get(account) ?? null,
    setNow: (account, secret) => void entries.set(account, secret),
    get: async (account) => entries.get(account) ?? null,
    set: async (account, secret) => void entries.set(account, secret),
    delete: async (account) => entries.delete(account),
  };
}

export function isImmediate(store: SecretStore): store is ImmediateSecretStore {
  return typeof (store as Partial<ImmediateSecretStore>).getNow === 'function';
}

/**
 * Where a core given no secret store keeps its audit key: this process's memory, shared by
 * every core it opens, so a test or tool that closes a data folder and opens it again finds
 * the same key. A host always passes the OS keychain.
 */
export const processSecrets: ImmediateSecretStore = memorySecretStore();
