import type { CloudStore } from '../cloud-store';
import { PostgresCloudStore } from './postgres-cloud-store';
import { ChangeWatch } from './postgres-change-watch';
import { createClient, createPool, describeDatabase, migrate } from './postgres-database';

/** The operator's database could not be used: a sentence to print, not a stack trace. */
export class DatabaseUnavailable extends Error {}

/**
 * Connects to the database at `url` (postgres://user:password@host:port/database) and brings
 * its schema up to date. `poolSize`: connections for the cloud's queries; the push locks get
 * as many again of their own.
 */
export async function openPostgresCloudStore(url: string, options: { poolSize?: number } = {}): Promise<CloudStore> {
  const size = options.poolSize ?? 10;
  const pool = createPool(url, size, 5_000);
  const lockPool = createPool(url, size, 0);
  try {
    await migrate(pool);
  } catch (error) {
    await Promise.all([pool.end(), lockPool.end()]);
    throw new DatabaseUnavailable(`Cannot use the PostgreSQL database at ${describeDatabase(url)}: ${reason(error)}`);
  }
  return new PostgresCloudStore(pool, lockPool, new ChangeWatch(() => createClient(url)));
}

/** Socket troubles in the operator's words; the server's own errors (no such database, a wrong password) as it says them. */
const socketTroubles: Record<string, string> = {
  ECONNREFUSED: 'nothing answers there (connection refused); is PostgreSQL running, on that port?',
  ENOTFOUND: 'no such host.',
  EAI_AGAIN: 'the host name could not be looked up.',
  ETIMEDOUT: 'the connection timed out.',
  EHOSTUNREACH: 'the host cannot be reached.',
};

function reason(error: unknown): string {
  const e = error as { message?: string; code?: string; errors?: { code?: string }[] };
  const code = e.code ?? e.errors?.[0]?.code;
  if (code && socketTroubles[code]) return socketTroubles[code];
  return `${(e.message || code || String(error)).replace(/\.$/, '')}.`;
}
