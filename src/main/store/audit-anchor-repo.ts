import type { AuditHead } from '../../shared/domain';
import type { Db } from './database';

/*
 * The head of this console's audit log the cloud took last (settings 'audit.anchored'): the
 * next one is sent chained to it. Only a record of what was sent: what the cloud holds is
 * asked of the cloud when the log is verified, since this file may be the thing tampered with.
 */

export function readAnchored(db: Db): AuditHead | null {
  const value = db.prepare<[], string>("SELECT value FROM settings WHERE key = 'audit.anchored'").pluck().get();
  return value ? (JSON.parse(value) as AuditHead) : null;
}

export function writeAnchored(db: Db, head: AuditHead): void {
  db.prepare("INSERT INTO settings (key, value) VALUES ('audit.anchored', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(
    JSON.stringify({ seq: head.seq, hash: head.hash }),
  );
}

/** The hash of the entry with this seq, if the log holds it. */
export function auditHashAt(db: Db, seq: number): string | null {
  return db.prepare<[seq: number], string>('SELECT hash FROM audit_log WHERE seq = ?').pluck().get(seq) ?? null;
}
