import path from 'node:path';
import Database from 'better-sqlite3';
import { migrations } from './migrations';
import { ownerOnlyFile, ownerOnlyFolder } from './owner-only';

export type Db = Database.Database;

export interface OpenOptions {
  /** Folder holding porter.sqlite; created if missing. ':memory:' for a throwaway store. */
  dataDir: string;
  /** Path to an Electron-ABI build of better-sqlite3, when running inside Electron. */
  nativeBinding?: string;
}

export const databaseFileName = 'porter.sqlite';

export function openDatabase({ dataDir, nativeBinding }: OpenOptions): Db {
  const file = dataDir === ':memory:' ? ':memory:' : path.join(dataDir, databaseFileName);
  if (file !== ':memory:') {
    ownerOnlyFolder(dataDir);
    // SQLite makes the -wal and -shm files with the database file's mode: make that one first.
    ownerOnlyFile(file, { create: true });
  }
  const db = new Database(file, nativeBinding ? { nativeBinding } : {});
  db.pragma('journal_mode = WAL');
  // A -wal or -shm an older version left readable by others is tightened too.
  if (file !== ':memory:') for (const suffix of ['-wal', '-shm']) ownerOnlyFile(file + suffix);
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // A first pull writes a hundred thousand changes, a few thousand a transaction: SQLite's
  // default 2 MB page cache is smaller than one batch's pages. And each statement that fires a
  // trigger (or may write several rows) keeps a statement journal, which SQLite spills to a
  // temporary file past 64 KB: a received grant's insert took three times as long.
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  // Keep the query planner's statistics fresh, as SQLite advises for long-lived connections.
  db.pragma('optimize = 0x10002');
  migrate(db);
  return db;
}

/** Applies every migration not yet recorded, each in its own transaction. */
export function migrate(db: Db): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  const applied = new Set(
    db.prepare<[], number>('SELECT version FROM schema_migrations').pluck().all(),
  );
  const ran: number[] = [];
  for (const m of migrations) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      m.after?.(db);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
    })();
    ran.push(m.version);
  }
  return ran;
}
