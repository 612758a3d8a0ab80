import { createHash } from 'node:crypto';
import pg from 'pg';
import { migrations } from './migrations';

/*
 * The connection pool of the PostgreSQL store, its schema migrations, and the one way its
 * statements run: named (prepared once per connection) and parameterised, never spliced.
 */

export type Queryable = pg.Pool | pg.PoolClient;

/** Advisory lock classes (the first key of pg_advisory_lock(int, int)). */
export const lockClass = { migrations: 1, communityWrites: 2, consolePush: 3 } as const;

/**
 * bigint (cursors, seqs) as numbers: they stay far below 2^53. timestamptz as the ISO
 * strings the rest of the cloud compares and answers, as the SQLite store keeps them.
 */
const parseTimestamp = pg.types.getTypeParser(pg.types.builtins.TIMESTAMPTZ);
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.INT8) return (v: string) => Number(v);
    if (oid === pg.types.builtins.TIMESTAMPTZ) return (v: string) => (parseTimestamp(v) as Date).toISOString();
    return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid);
  },
} as pg.CustomTypesConfig;

/** Where the database is, for an operator's message: never its password. */
export function describeDatabase(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname || 'localhost'}${u.port ? `:${u.port}` : ''}${u.pathname || '/'}`;
  } catch {
    return 'the database';
  }
}

/**
 * `lockTimeoutMs`: how long a statement waits for a lock another program holds before it
 * fails as passing (55P03: the request answers 5xx and the console retries), as SQLite's
 * busy timeout; 0 waits as long as it takes (the push locks, held for a whole batch).
 */
export function createPool(url: string, max: number, lockTimeoutMs: number): pg.Pool {
  // Pipeline mode: a statement goes out without waiting for the answer to the one before it
  // (a transaction's owed statements ride along with the next: postgres-tx-statements.ts).
  // A database that does not answer within 10 s fails the request as passing (5xx, the console retries), rather than holding it for TCP's minutes.
  const pool = new pg.Pool({ connectionString: url, max, types, pipeline: true, application_name: 'porter-cloud', options: `-c lock_timeout=${lockTimeoutMs}`, connectionTimeoutMillis: 10_000 });
  // An idle connection the server dropped: the pool replaces it; it must not end the process.
  pool.on('error', () => undefined);
  return pool;
}

/** A connection of its own, outside the pools: the one that LISTENs. */
export function createClient(url: string): pg.Client {
  return new pg.Client({ connectionString: url, types, application_name: 'porter-cloud-listen' });
}

/** A value for a json column: pg would send a JS array as a PostgreSQL array, so everything goes as JSON text. */
export const json = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));

const names = new Map<string, string>();
/** A statement's name: the same text is prepared once per connection and reused. */
function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `porter_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}

export async function query<R extends pg.QueryResultRow>(db: Queryable, text: string, values: unknown[] = []): Promise<pg.QueryResult<R>> {
  return db.query<R>({ name: statementName(text), text, values });
}

export async function rows<R extends pg.QueryResultRow>(db: Queryable, text: string, values: unknown[] = []): Promise<R[]> {
  return (await query<R>(db, text, values)).rows;
}

export async function row<R extends pg.QueryResultRow>(db: Queryable, text: string, values: unknown[] = []): Promise<R | null> {
  return (await query<R>(db, text, values)).rows[0] ?? null;
}

/** What opens and closes a transaction, when it does more than BEGIN and COMMIT in the same round trip. */
export interface TransactionEnds {
  begin(client: pg.PoolClient): string;
  /**
   * BEGIN is sent without waiting for its answer: it rides in the round trip of the body's
   * first statement (pipeline mode, createPool). Only for a body whose statements need the
   * transaction (a BEGIN fails only with its connection, and then so does all that follows).
   */
  beginRidesAlong?: boolean;
  commit(client: pg.PoolClient): string;
  /** Called before ROLLBACK when the body or COMMIT failed (the body's statements still unanswered are waited for). */
  failed?(): Promise<void> | undefined;
}

const plainEnds: TransactionEnds = { begin: () => 'BEGIN', commit: () => 'COMMIT' };

/** Runs `body` in one transaction on one connection of the pool; a broken connection is dropped, not reused. */
export async function inTransaction<T>(pool: pg.Pool, body: (client: pg.PoolClient) => Promise<T>, ends: TransactionEnds = plainEnds): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    const begun = client.query(ends.begin(client));
    if (ends.beginRidesAlong) begun.catch(() => undefined);
    else await begun;
    const result = await body(client);
    await begun;
    await client.query(ends.commit(client));
    return result;
  } catch (error) {
    await ends.failed?.();
    await client.query('ROLLBACK').catch((e: Error) => (broken = e));
    throw error;
  } finally {
    client.release(broken);
  }
}

/**
 * Applies every migration not yet recorded, all in one transaction. Instances starting
 * together take turns (an advisory lock), so each migration runs once.
 */
export async function migrate(pool: pg.Pool): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1, 0)', [lockClass.migrations]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)');
    const applied = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    for (const m of migrations) {
      if (applied.has(m.version)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, now())', [m.version, m.name]);
    }
  });
}
