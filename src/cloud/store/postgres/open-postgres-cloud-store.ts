import type { CloudStore } from '../cloud-store';
import { PostgresCloudStore } from './postgres-cloud-store';
import { createPool, describeDatabase, migrate } from './postgres-database';

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
    throw new DatabaseUnavailable(`Cannot use the PostgreSQL database at ${describeDatabase(url)}: ${reason(error)}.`);
  }
  return new PostgresCloudStore(pool, lockPool);
}

/** pg's message, or the socket's code when the message is empty (a refused connection to several addresses). */
function reason(error: unknown): string {
  const e = error as { message?: string; code?: string; errors?: { code?: string }[] };
  const text = e.message || e.code || e.errors?.[0]?.code || String(error);
  return text.replace(/\.$/, '');
}
