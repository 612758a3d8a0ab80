import type { AuditRow } from '../../src/main/store/audit-log';
import { entryHash, genesisHash } from '../../src/main/store/audit-seal';
import type { Db } from '../../src/main/store/database';

/*
 * What someone who can write the console's SQLite file does to its audit log. The
 * append-only triggers are dropped first: they stop mistakes, not a person with the file.
 */

function unguard(db: Db): void {
  db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete');
}

export const lastSeq = (db: Db): number => db.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number;
export const hashAt = (db: Db, seq: number): string => db.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck().get(seq) as string;

/** Changes one entry's summary and leaves every hash as it was. */
export function editEntry(db: Db, seq: number, summary = 'Nothing happened here'): void {
  unguard(db);
  db.prepare('UPDATE audit_log SET summary = ? WHERE seq = ?').run(summary, seq);
}

/**
 * Changes an entry (if `edit` is given) and recomputes every hash from `fromSeq` on, chained,
 * under `key`, or as plain SHA-256 (null: what anyone without the key can do).
 */
export function rewriteChain(db: Db, key: Buffer | null, fromSeq = 1, edit?: { seq: number; summary: string }): void {
  unguard(db);
  if (edit) db.prepare('UPDATE audit_log SET summary = ? WHERE seq = ?').run(edit.summary, edit.seq);
  let prev = fromSeq === 1 ? genesisHash : hashAt(db, fromSeq - 1);
  const save = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?');
  for (const r of db.prepare('SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq').all(fromSeq) as AuditRow[]) {
    const hash = entryHash(prev, r, key);
    save.run(prev, hash, r.seq);
    prev = hash;
  }
}

/** Deletes the newest `count` entries. */
export function cutShort(db: Db, count: number): void {
  unguard(db);
  db.prepare('DELETE FROM audit_log WHERE seq > ?').run(lastSeq(db) - count);
}

export function removeEntry(db: Db, seq: number): void {
  unguard(db);
  db.prepare('DELETE FROM audit_log WHERE seq = ?').run(seq);
}

/** Adds entries at the end by hand, chained as plain SHA-256 (the key is in the keychain, not the file). */
export function appendByHand(db: Db, count: number): void {
  const insert = db.prepare('INSERT INTO audit_log (at, actor, action, subject_id, summary, details_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  for (let i = 0; i < count; i++) {
    const prev = hashAt(db, lastSeq(db));
    const row = { at: new Date().toISOString(), actor: 'Avery Brooks', action: 'access.revoked', subject_id: null, summary: `Revoked access nobody revoked (${i})`, details_json: '{}' };
    insert.run(row.at, row.actor, row.action, row.subject_id, row.summary, row.details_json, prev, entryHash(prev, row, null));
  }
}
