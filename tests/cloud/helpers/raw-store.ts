import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { TestCloud } from './test-cloud';

/*
 * The store underneath a test cloud, reached around the cloud as another program (an
 * operator's psql, a second process) would: SQLite's file or the PostgreSQL database.
 */

/** Where a store is: SQLite in the data folder, or the PostgreSQL database (a TestCloud is one). */
export type StoreLocation = Pick<TestCloud, 'dataDir' | 'databaseUrl'>;

/** Runs one statement straight on the store; rejects with the database's error. */
export async function rawExec(cloud: StoreLocation, sql: string): Promise<void> {
  if (cloud.databaseUrl) {
    const client = new pg.Client({ connectionString: cloud.databaseUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
    return;
  }
  const db = new Database(path.join(cloud.dataDir, 'cloud.sqlite'));
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}

/** Everything the store holds at rest: SQLite's file and its WAL, or every row of every table as PostgreSQL prints it. */
export async function storeAtRest(cloud: StoreLocation): Promise<Buffer> {
  if (!cloud.databaseUrl) {
    const file = path.join(cloud.dataDir, 'cloud.sqlite');
    const wal = `${file}-wal`;
    return Buffer.concat([fs.readFileSync(file), fs.existsSync(wal) ? fs.readFileSync(wal) : Buffer.alloc(0)]);
  }
  const client = new pg.Client({ connectionString: cloud.databaseUrl });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>("SELECT quote_ident(table_name) AS name FROM information_schema.tables WHERE table_schema = 'public'");
    const text: string[] = [];
    for (const { name } of tables.rows) for (const r of (await client.query<{ t: string }>(`SELECT t::text AS t FROM ${name} t`)).rows) text.push(r.t);
    return Buffer.from(text.join('\n'));
  } finally {
    await client.end();
  }
}

/**
 * Another program holds the store's write lock (SQLite's BEGIN IMMEDIATE; on PostgreSQL an
 * exclusive lock on the change log) until the answer is called.
 */
export async function holdWriteLock(cloud: StoreLocation): Promise<() => Promise<void>> {
  if (cloud.databaseUrl) {
    const client = new pg.Client({ connectionString: cloud.databaseUrl });
    await client.connect();
    await client.query('BEGIN');
    await client.query('LOCK TABLE changes IN EXCLUSIVE MODE');
    return async () => {
      await client.query('ROLLBACK');
      await client.end();
    };
  }
  const other = new Database(path.join(cloud.dataDir, 'cloud.sqlite'));
  other.exec('BEGIN IMMEDIATE');
  return async () => {
    other.exec('ROLLBACK');
    other.close();
  };
}

/** Counts a table's rows from outside the cloud, on a connection of its own each time (what has committed, and nothing else). */
export async function countRows(where: StoreLocation, table: 'mutation_results' | 'changes'): Promise<number> {
  if (where.databaseUrl) {
    const client = new pg.Client({ connectionString: where.databaseUrl });
    await client.connect();
    try {
      return (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
    } finally {
      await client.end();
    }
  }
  const db = new Database(path.join(where.dataDir, 'cloud.sqlite'));
  try {
    return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  } finally {
    db.close();
  }
}

/**
 * Whether a writer holds the store's write lock in a transaction not yet committed, seen
 * from outside: on PostgreSQL a community's write lock (advisory, class 2) granted to some
 * session; on SQLite a BEGIN IMMEDIATE of our own that finds the lock taken (let go at once
 * when it gets it).
 */
export async function writerInTransaction(where: StoreLocation): Promise<boolean> {
  if (where.databaseUrl) {
    const client = new pg.Client({ connectionString: where.databaseUrl });
    await client.connect();
    try {
      const sql = "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND classid = 2 AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())) AS held";
      return (await client.query<{ held: boolean }>(sql)).rows[0]!.held;
    } finally {
      await client.end();
    }
  }
  const db = new Database(path.join(where.dataDir, 'cloud.sqlite'), { timeout: 0 });
  try {
    db.exec('BEGIN IMMEDIATE');
    db.exec('ROLLBACK');
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return true;
    throw error;
  } finally {
    db.close();
  }
}
