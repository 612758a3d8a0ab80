import { createHash } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { databaseFileName } from '../../../../src/main/store/database';

/**
 * A hash of everything the store holds: the schema and every row of every table (the FTS
 * indexes' own tables included), read through a read-only connection while the host runs.
 * Two equal fingerprints mean the same data, whatever the file's pages or WAL hold.
 */
export function storeFingerprint(dataDir: string): string {
  const db = new Database(path.join(dataDir, databaseFileName), { readonly: true });
  try {
    const hash = createHash('sha256');
    const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string; sql: string }[];
    // One read transaction, so every table is read as of the same moment.
    db.transaction(() => {
      for (const { name, sql } of tables) {
        hash.update(`${sql}\n`);
        if (sql.startsWith('CREATE VIRTUAL TABLE')) continue; // its rows live in its shadow tables, hashed as tables
        const rows = db.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`).raw().all();
        const lines = rows.map((row) => JSON.stringify(row)).sort();
        hash.update(`${name}: ${lines.length}\n${lines.join('\n')}\n`);
      }
    })();
    return hash.digest('hex');
  } finally {
    db.close();
  }
}
