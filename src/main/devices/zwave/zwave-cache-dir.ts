import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Where zwave-js keeps what it learnt of the network's nodes (their interviews, security
 * classes; never the keys): beside the store, or, for a store in memory, in a temporary
 * folder of its own.
 */
export function zwaveCacheDir(dataDir: string, storeId: string): string {
  return dataDir === ':memory:' ? join(tmpdir(), `porter-zwave-${storeId}`) : join(dataDir, 'zwave');
}
