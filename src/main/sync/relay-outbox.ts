import type { Db } from '../store/database';
import { pendingMutations, recordAnswers, type MutationAnswer, type OutboxRow } from '../store/outbox-relay-repo';
import type { CloudClient, CloudMutation, MutationResult } from './cloud-client';

/** The cloud takes at most this many mutations a request. */
const batchSize = 200;

function toCloud(row: OutboxRow, console: { id: string; name: string }): CloudMutation {
  const actor = row.actor ?? { id: console.id, name: console.name, role: 'system' };
  return {
    mutationId: row.mutationId,
    seq: row.seq,
    kind: row.kind,
    payload: row.payload,
    createdAt: row.createdAt,
    // Porter's own doings (a schedule ending, a door reporting a use) have no staff role.
    actor: { id: actor.id, name: actor.name, role: actor.role === 'system' ? null : actor.role },
    audit: row.audit ?? { action: row.kind, summary: row.kind },
  };
}

function answerOf(result: MutationResult): MutationAnswer {
  const outcome = result.status === 'duplicate' ? result.original : result.status;
  return { mutationId: result.mutationId, state: outcome === 'rejected' ? 'rejected' : 'accepted', result: { ...result } };
}

/**
 * Sends the outbox to the cloud in order, a batch at a time, and records each answer. The
 * answers are written in one transaction after the cloud applied them; if the console dies in
 * between, the batch goes again and the cloud answers 'duplicate' without applying anything
 * twice. Throws CloudFailure when the cloud cannot be reached; what was answered stays answered.
 * Answers the rejections, for staff to see.
 */
export async function relayOutbox(
  db: Db,
  client: CloudClient,
  console: { id: string; name: string },
  now: () => Date,
  signal?: AbortSignal,
): Promise<{ sent: number; rejected: MutationResult[] }> {
  let sent = 0;
  const rejected: MutationResult[] = [];
  for (;;) {
    const rows = pendingMutations(db, batchSize);
    if (rows.length === 0) return { sent, rejected };
    const results = await client.push(rows.map((r) => toCloud(r, console)), signal);
    const known = new Set(rows.map((r) => r.mutationId));
    const answers = results.filter((r) => known.has(r.mutationId)).map(answerOf);
    recordAnswers(db, answers, now().toISOString());
    sent += answers.length;
    rejected.push(...results.filter((r) => r.status === 'rejected'));
    // An answer missing for a row would loop forever on it: stop, the next round tries again.
    if (answers.length < rows.length) return { sent, rejected };
  }
}
