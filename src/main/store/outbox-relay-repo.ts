import type { Db } from './database';
import { syncFromSeq } from './sync-state-repo';

export interface OutboxRow {
  seq: number;
  mutationId: string;
  kind: string;
  payload: Record<string, unknown>;
  createdAt: string;
  actor: { id: string; name: string; role: string } | null;
  audit: { action: string; summary: string } | null;
}

interface Row {
  seq: number;
  mutation_id: string;
  kind: string;
  payload_json: string;
  created_at: string;
  actor_json: string | null;
  audit_json: string | null;
}

/** The oldest mutations made since pairing that the cloud has not answered yet, in the order they were made. */
export function pendingMutations(db: Db, limit: number): OutboxRow[] {
  return (
    db.prepare<[fromSeq: number, limit: number], Row>("SELECT * FROM outbox WHERE state = 'pending' AND seq > ? ORDER BY seq LIMIT ?").all(syncFromSeq(db), limit)
  ).map((r) => ({
    seq: r.seq,
    mutationId: r.mutation_id,
    kind: r.kind,
    payload: JSON.parse(r.payload_json) as Record<string, unknown>,
    createdAt: r.created_at,
    actor: r.actor_json ? (JSON.parse(r.actor_json) as OutboxRow['actor']) : null,
    audit: r.audit_json ? (JSON.parse(r.audit_json) as OutboxRow['audit']) : null,
  }));
}

export interface MutationAnswer {
  mutationId: string;
  state: 'accepted' | 'rejected';
  result: Record<string, unknown>;
}

/**
 * Records the cloud's answers, all in one transaction: a crash before it means the push is
 * sent again (and deduplicated). An answered row gives up its guest's code: it is never sent
 * again, and a code kept after it is needed is a code that can leak.
 */
export function recordAnswers(db: Db, answers: MutationAnswer[], at: string): void {
  const save = db.prepare(
    "UPDATE outbox SET state = ?, answered_at = ?, result_json = ?, last_error = ?, payload_json = json_remove(payload_json, '$.pinCode') WHERE mutation_id = ?",
  );
  db.transaction(() => {
    for (const a of answers) save.run(a.state, at, JSON.stringify(withoutCode(a.result)), a.state === 'rejected' ? String(a.result.reason ?? '') : null, a.mutationId);
  })();
}

/** An answer without the new code an older cloud put in its fix (the code arrives with the pull). */
export function withoutCode(result: Record<string, unknown>): Record<string, unknown> {
  const fix = result.fix;
  if (typeof fix !== 'object' || fix === null || !('pinCode' in fix)) return result;
  const { pinCode: _dropped, ...rest } = fix as Record<string, unknown>;
  return { ...result, fix: rest };
}

/** A failed try: counted, with why, so the status bar and the sync log can say it. */
export function recordPushFailure(db: Db, mutationIds: string[], error: string): void {
  const save = db.prepare('UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE mutation_id = ?');
  db.transaction(() => {
    for (const id of mutationIds) save.run(error, id);
  })();
}

export function pendingCount(db: Db): number {
  return db.prepare<[fromSeq: number], number>("SELECT count(*) FROM outbox WHERE state = 'pending' AND seq > ?").pluck().get(syncFromSeq(db)) ?? 0;
}

/** One queued mutation's kind and payload, by the id the cloud answered with. */
export function outboxMutation(db: Db, mutationId: string): { kind: string; payload: Record<string, unknown> } | null {
  const row = db.prepare<[mutationId: string], { kind: string; payload_json: string }>('SELECT kind, payload_json FROM outbox WHERE mutation_id = ?').get(mutationId);
  return row ? { kind: row.kind, payload: JSON.parse(row.payload_json) as Record<string, unknown> } : null;
}

/**
 * Who made the changes still waiting, with how many each: the status bar names those whose
 * changes wait for them to sign in while the cloud is reachable. Porter's own doings (role
 * 'system') and rows without an actor are left out.
 */
export function pendingActors(db: Db): { id: string; name: string; changes: number }[] {
  return db
    .prepare<[fromSeq: number], { id: string; name: string; changes: number }>(
      `SELECT json_extract(actor_json, '$.id') AS id, json_extract(actor_json, '$.name') AS name, count(*) AS changes
       FROM outbox WHERE state = 'pending' AND seq > ? AND actor_json IS NOT NULL AND json_extract(actor_json, '$.role') <> 'system'
       GROUP BY json_extract(actor_json, '$.id') ORDER BY min(seq)`,
    )
    .all(syncFromSeq(db));
}
