import { createHash } from 'node:crypto';
import type { AuditAction, AuditEntry } from '../../shared/domain';
import type { Db } from './database';

const genesis = '0'.repeat(64);

export interface AuditRecord {
  at: string;
  actor: string;
  action: AuditAction;
  subjectId: string | null;
  summary: string;
  /** Structured facts for investigators. Never a PIN code. */
  details: Record<string, unknown>;
}

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject_id: string | null;
  summary: string;
  details_json: string;
  prev_hash: string;
  hash: string;
}

function entryHash(prevHash: string, r: Omit<AuditRow, 'seq' | 'prev_hash' | 'hash'>): string {
  const material = JSON.stringify([prevHash, r.at, r.actor, r.action, r.subject_id, r.summary, r.details_json]);
  return createHash('sha256').update(material).digest('hex');
}

/** Appends one entry chained to the last. Call inside the action's transaction. */
export function appendAudit(db: Db, record: AuditRecord): number {
  const last = db.prepare('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').pluck().get() as
    | string
    | undefined;
  const prevHash = last ?? genesis;
  const row = {
    at: record.at,
    actor: record.actor,
    action: record.action,
    subject_id: record.subjectId,
    summary: record.summary,
    details_json: JSON.stringify(record.details),
  };
  const hash = entryHash(prevHash, row);
  const info = db
    .prepare(
      `INSERT INTO audit_log (at, actor, action, subject_id, summary, details_json, prev_hash, hash)
       VALUES (@at, @actor, @action, @subject_id, @summary, @details_json, @prev_hash, @hash)`,
    )
    .run({ ...row, prev_hash: prevHash, hash });
  return Number(info.lastInsertRowid);
}

export function listAudit(db: Db, limit: number, beforeSeq?: number): AuditEntry[] {
  const rows = db
    .prepare(
      `SELECT seq, at, actor, action, subject_id, summary FROM audit_log
       WHERE seq < ? ORDER BY seq DESC LIMIT ?`,
    )
    .all(beforeSeq ?? Number.MAX_SAFE_INTEGER, limit) as AuditRow[];
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    action: r.action as AuditAction,
    subjectId: r.subject_id,
    summary: r.summary,
  }));
}

/** Walks the whole chain; false if any entry was altered, removed or reordered. */
export function verifyAuditChain(db: Db): boolean {
  let prev = genesis;
  for (const r of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as Iterable<AuditRow>) {
    if (r.prev_hash !== prev || entryHash(prev, r) !== r.hash) return false;
    prev = r.hash;
  }
  return true;
}
