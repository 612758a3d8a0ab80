import { createHash } from 'node:crypto';
import type { AuditAction, AuditEntry } from '../../shared/domain';
import type { Db } from './database';
import { containing, searchText } from './like';

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

export interface AuditFilter {
  action?: AuditAction;
  actor?: string;
  unitId?: string;
  search?: string;
}


function filterSql(f: AuditFilter): { where: string; params: Record<string, unknown> } {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  if (f.action) {
    parts.push('action = @action');
    params.action = f.action;
  }
  if (f.actor) {
    parts.push("actor LIKE @actor ESCAPE '\\'");
    params.actor = containing(f.actor);
  }
  if (f.unitId) {
    parts.push("json_extract(details_json, '$.unitId') = @unitId");
    params.unitId = f.unitId;
  }
  const search = searchText(f.search);
  if (search) {
    parts.push("summary LIKE @search ESCAPE '\\'");
    params.search = containing(search);
  }
  return { where: parts.length ? `AND ${parts.join(' AND ')}` : '', params };
}

function toEntry(r: AuditRow): AuditEntry {
  const details = JSON.parse(r.details_json) as { unitId?: unknown; doorIds?: unknown };
  return {
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    action: r.action as AuditAction,
    subjectId: r.subject_id,
    unitId: typeof details.unitId === 'string' ? details.unitId : null,
    doorIds: Array.isArray(details.doorIds) ? (details.doorIds as string[]) : [],
    summary: r.summary,
  };
}

/** Newest first, filtered, a page at a time (pass the last seq seen as beforeSeq). */
export function listAudit(db: Db, filter: AuditFilter, limit: number, beforeSeq?: number): AuditEntry[] {
  const { where, params } = filterSql(filter);
  const rows = db
    .prepare(`SELECT * FROM audit_log WHERE seq < @before ${where} ORDER BY seq DESC LIMIT @limit`)
    .all({ ...params, before: beforeSeq ?? Number.MAX_SAFE_INTEGER, limit }) as AuditRow[];
  return rows.map(toEntry);
}

/** Every entry matching the filter, oldest first, for export. */
export function allAudit(db: Db, filter: AuditFilter): AuditEntry[] {
  const { where, params } = filterSql(filter);
  return (db.prepare(`SELECT * FROM audit_log WHERE 1 = 1 ${where} ORDER BY seq`).all(params) as AuditRow[]).map(toEntry);
}

/** Walks the whole chain: the first entry altered, removed or reordered, if any. */
export function verifyAuditChain(db: Db): { intact: boolean; entries: number; firstBrokenSeq: number | null } {
  let prev = genesis;
  let entries = 0;
  for (const r of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as Iterable<AuditRow>) {
    entries++;
    if (r.prev_hash !== prev || entryHash(prev, r) !== r.hash) return { intact: false, entries, firstBrokenSeq: r.seq };
    prev = r.hash;
  }
  return { intact: true, entries, firstBrokenSeq: null };
}
