import type { AuditAction, AuditEntry } from '../../shared/domain';
import { entryHash, genesisHash, logWasSealed, sealOf, type HashedFields } from './audit-seal';
import type { Db } from './database';
import { containing, searchText } from './like';
import { scalar, statement } from './statement';

export interface AuditRecord {
  at: string;
  actor: string;
  action: AuditAction;
  subjectId: string | null;
  summary: string;
  /** Structured facts for investigators. Never a PIN code. */
  details: Record<string, unknown>;
}

export interface AuditRow extends HashedFields {
  seq: number;
  prev_hash: string;
  hash: string;
}

/**
 * The log is kept for years and can never be edited, so a code that reached it could never be
 * taken out: whatever a caller passes, a `pinCode` anywhere in the details is left out.
 */
function withoutCodes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutCodes);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'pinCode').map(([k, v]) => [k, withoutCodes(v)]));
}

// Every user action appends an entry (ten thousand in a bulk grant): prepared once per database.
const lastHash = scalar<[], string>('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1');
const insertEntry = statement<HashedFields & { prev_hash: string; hash: string }>(
  `INSERT INTO audit_log (at, actor, action, subject_id, summary, details_json, prev_hash, hash)
   VALUES (@at, @actor, @action, @subject_id, @summary, @details_json, @prev_hash, @hash)`,
);

/**
 * Appends one entry chained to the last, keyed with the store's seal (audit-seal.ts). Call
 * inside the action's transaction. A store without a seal (a bare store in a test) chains with
 * plain SHA-256, until its log was sealed once: then an append without the key is refused.
 */
export function appendAudit(db: Db, record: AuditRecord): number {
  return appendAudits(db, [record]);
}

/**
 * Appends entries in order, each chained to the one before: the log's end and its seal read
 * once (a first pull appends a hundred thousand). Answers the last one's seq (0 for none).
 */
export function appendAudits(db: Db, records: readonly AuditRecord[]): number {
  if (records.length === 0) return 0;
  let prevHash = lastHash(db).get() ?? genesisHash;
  const seal = sealOf(db);
  if (!seal && logWasSealed(db)) throw new Error('This activity log is sealed with a key, and this connection to the store does not hold it.');
  let seq = 0;
  for (const record of records) {
    const row = {
      at: record.at,
      actor: record.actor,
      action: record.action,
      subject_id: record.subjectId,
      summary: record.summary,
      details_json: JSON.stringify(withoutCodes(record.details)),
    };
    const hash = entryHash(prevHash, row, seal?.key ?? null);
    seq = Number(insertEntry(db).run({ ...row, prev_hash: prevHash, hash }).lastInsertRowid);
    prevHash = hash;
  }
  return seq;
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
    .prepare<Record<string, unknown>, AuditRow>(`SELECT * FROM audit_log WHERE seq < @before ${where} ORDER BY seq DESC LIMIT @limit`)
    .all({ ...params, before: beforeSeq ?? Number.MAX_SAFE_INTEGER, limit });
  return rows.map(toEntry);
}

/** Every entry matching the filter, oldest first, for export. */
export function allAudit(db: Db, filter: AuditFilter): AuditEntry[] {
  const { where, params } = filterSql(filter);
  return db.prepare<Record<string, unknown>, AuditRow>(`SELECT * FROM audit_log WHERE 1 = 1 ${where} ORDER BY seq`).all(params).map(toEntry);
}

/** The newest entry: what the cloud is told at each sync round and what an export closes with. */
export function auditHead(db: Db): { seq: number; hash: string } | null {
  return db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() ?? null;
}
