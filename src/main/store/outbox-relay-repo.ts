import { z } from 'zod';
import { OutboxActor, type MutationResult } from '../../shared/sync';
import type { Db } from './database';
import { syncFromSeq } from './sync-state-repo';

export interface OutboxRow {
  seq: number;
  mutationId: string;
  kind: string;
  payload: Record<string, unknown>;
  createdAt: string;
  actor: OutboxActor;
}

interface Row {
  seq: number;
  mutation_id: string;
  kind: string;
  payload_json: string;
  created_at: string;
  actor_json: string;
}

const Payload = z.record(z.string(), z.unknown());

/** The oldest mutations made since pairing that the cloud has not answered yet, in the order they were made. */
export function pendingMutations(db: Db, limit: number): OutboxRow[] {
  return db
    .prepare<[number, number], Row>(
      "SELECT seq, mutation_id, kind, payload_json, created_at, actor_json FROM outbox WHERE state = 'pending' AND seq > ? ORDER BY seq LIMIT ?",
    )
    .all(syncFromSeq(db), limit)
    .map((r) => ({
      seq: r.seq,
      mutationId: r.mutation_id,
      kind: r.kind,
      payload: Payload.parse(JSON.parse(r.payload_json)),
      createdAt: r.created_at,
      actor: OutboxActor.parse(JSON.parse(r.actor_json)),
    }));
}

export interface MutationAnswer {
  mutationId: string;
  state: 'accepted' | 'rejected';
  result: MutationResult;
}

/**
 * Records the cloud's answers, all in one transaction: a crash before it means the push is
 * sent again (and deduplicated). An answered row gives up its guest's code: it is never sent
 * again, and a code kept after it is needed is a code that can leak.
 */
export function recordAnswers(db: Db, answers: MutationAnswer[], at: string): void {
  const save = db.prepare<[string, string, string, string | null, string]>(
    "UPDATE outbox SET state = ?, answered_at = ?, result_json = ?, last_error = ?, payload_json = json_remove(payload_json, '$.pinCode') WHERE mutation_id = ?",
  );
  db.transaction(() => {
    for (const a of answers) save.run(a.state, at, JSON.stringify(a.result), a.state === 'rejected' ? (a.result.reason ?? '') : null, a.mutationId);
  })();
}

/** A failed try: counted, with why, so the status bar and the sync log can say it. */
export function recordPushFailure(db: Db, mutationIds: string[], error: string): void {
  const save = db.prepare<[string, string]>('UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE mutation_id = ?');
  db.transaction(() => {
    for (const id of mutationIds) save.run(error, id);
  })();
}

export function pendingCount(db: Db): number {
  return db.prepare<[number], { n: number }>("SELECT count(*) AS n FROM outbox WHERE state = 'pending' AND seq > ?").get(syncFromSeq(db))?.n ?? 0;
}

/** One queued mutation's kind and payload, by the id the cloud answered with. */
export function outboxMutation(db: Db, mutationId: string): { kind: string; payload: Record<string, unknown> } | null {
  const row = db.prepare<[string], { kind: string; payload_json: string }>('SELECT kind, payload_json FROM outbox WHERE mutation_id = ?').get(mutationId);
  return row ? { kind: row.kind, payload: Payload.parse(JSON.parse(row.payload_json)) } : null;
}

/**
 * Who made the changes still waiting, with how many each: the status bar names those whose
 * changes wait for them to sign in while the cloud is reachable. Porter's own doings are left out.
 */
export function pendingActors(db: Db): { id: string; name: string; changes: number }[] {
  return db
    .prepare<[number], { id: string; name: string; changes: number }>(
      `SELECT json_extract(actor_json, '$.staffId') AS id, json_extract(actor_json, '$.name') AS name, count(*) AS changes
       FROM outbox WHERE state = 'pending' AND seq > ? AND json_extract(actor_json, '$.kind') = 'staff'
       GROUP BY json_extract(actor_json, '$.staffId') ORDER BY min(seq)`,
    )
    .all(syncFromSeq(db));
}
