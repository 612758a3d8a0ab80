import path from 'node:path';
import Database from 'better-sqlite3';
import { ownerOnlyFile, ownerOnlyFolder } from '../owner-only';
import { migrations } from './migrations';

export type Db = Database.Database;

export const cloudDatabaseFileName = 'cloud.sqlite';

/** Opens (creating if needed) `<dataDir>/cloud.sqlite` and brings its schema up to date. */
export function openCloudDatabase(dataDir: string): Db {
  ownerOnlyFolder(dataDir);
  const file = path.join(dataDir, cloudDatabaseFileName);
  // SQLite makes the -wal and -shm files with the database file's mode: make that one first.
  ownerOnlyFile(file, { create: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  for (const suffix of ['-wal', '-shm']) ownerOnlyFile(file + suffix);
  // FULL, not NORMAL: once the cloud answers 'accepted' the console forgets the mutation,
  // so a commit must survive a power cut, not only a crash of the process.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // The operator's `--pair` runs in a second process against the same file.
  db.pragma('busy_timeout = 5000');
  // Each mutation of a push runs in a savepoint, so each of its statements keeps a statement
  // journal, which SQLite spills to a temporary file past 64 KB: a grant's inserts took three
  // times as long (push of 1,000 grants: 1.0–1.2 s, against 0.6 s in memory).
  db.pragma('temp_store = MEMORY');
  migrate(db);
  return db;
}

/** Applies every migration not yet recorded, each in its own transaction. */
function migrate(db: Db): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT');
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  for (const m of migrations) {
    if (applied.has(m.version)) continue;
    // SQLite's way to rebuild tables: foreign keys off outside the transaction, checked before commit.
    if (m.rebuildsTables) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        db.exec(m.sql);
        if (m.rebuildsTables && (db.pragma('foreign_key_check') as unknown[]).length > 0) throw new Error(`Migration ${m.version} (${m.name}) would break a foreign key; nothing was changed.`);
        db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
      }).immediate();
    } finally {
      if (m.rebuildsTables) db.pragma('foreign_keys = ON');
    }
  }
}

/** Prepared once per SQL text: the same few statements run for every mutation. */
export function statementCache(db: Db): (sql: string) => Database.Statement {
  const cache = new Map<string, Database.Statement>();
  return (sql) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
}
