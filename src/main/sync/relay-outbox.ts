import { maxMutationsPerPush, maxRequestBytes, type MutationActor } from '../../shared/sync';
import type { Db } from '../store/database';
import { pendingMutations, recordAnswers, type MutationAnswer, type OutboxRow } from '../store/outbox-relay-repo';
import type { CloudClient, CloudMutation, MutationResult } from './cloud-client';
import type { Proving } from './prove-mutation';

/**
 * The wire form (src/shared/sync/push.ts): a staff member by id only (the cloud names people
 * from its own records), the kiosk on a kiosk console (its token is its proof), Porter with
 * its reason; no audit sentence (the cloud writes its own for other consoles).
 */
function toCloud(row: OutboxRow, console: { kiosk: boolean }, proof: { keyId: string; signature: string } | null): CloudMutation {
  const actor: MutationActor = row.actor.kind === 'system' ? row.actor : console.kiosk ? { kind: 'kiosk' } : { kind: 'staff', id: row.actor.staffId };
  return {
    mutationId: row.mutationId,
    seq: row.seq,
    kind: row.kind,
    payload: row.payload,
    createdAt: row.createdAt,
    actor,
    ...(proof ? { proof } : {}),
  };
}

function answerOf(result: MutationResult): MutationAnswer {
  const outcome = result.status === 'duplicate' ? result.original : result.status;
  return { mutationId: result.mutationId, state: outcome === 'rejected' ? 'rejected' : 'accepted', result };
}

/** What a push's body weighs around its mutations: `{"mutations":[...]}`. */
const envelopeBytes = Buffer.byteLength('{"mutations":[]}');

/**
 * Sends the outbox to the cloud in order, a batch at a time (as many rows as the cloud takes in
 * one request, by count and by weight; a row heavier than that alone goes alone), each row with
 * its actor's proof, and records each answer. The answers are written in one transaction after
 * the cloud applied them; if the console dies in between, the batch goes again and the cloud
 * answers 'duplicate' without applying anything twice. Stops at the first row whose actor must
 * sign in online first (`waiting`). Throws CloudFailure when the cloud cannot be reached; what
 * was answered stays answered. Answers the rejections, for staff to see.
 */
export async function relayOutbox(
  db: Db,
  client: CloudClient,
  console: { kiosk: boolean },
  now: () => Date,
  prove: (row: OutboxRow) => Promise<Proving>,
  signal?: AbortSignal,
): Promise<{ sent: number; rejected: MutationResult[]; waiting: boolean }> {
  let sent = 0;
  const rejected: MutationResult[] = [];
  for (;;) {
    const rows = pendingMutations(db, maxMutationsPerPush);
    const batch: CloudMutation[] = [];
    let bytes = envelopeBytes;
    let waiting = false;
    for (const row of rows) {
      const proving = await prove(row);
      if ('waitsFor' in proving) {
        waiting = true;
        break;
      }
      const mutation = toCloud(row, console, proving.proof);
      // Its JSON and the comma before it.
      const weight = Buffer.byteLength(JSON.stringify(mutation)) + 1;
      if (batch.length > 0 && bytes + weight > maxRequestBytes) break;
      batch.push(mutation);
      bytes += weight;
    }
    if (batch.length === 0) return { sent, rejected, waiting };
    const results = await client.push(batch, signal);
    const known = new Set(batch.map((m) => m.mutationId));
    const answers = results.filter((r) => known.has(r.mutationId)).map(answerOf);
    recordAnswers(db, answers, now().toISOString());
    sent += answers.length;
    rejected.push(...results.filter((r) => r.status === 'rejected'));
    // An answer missing for a row would loop forever on it: stop, the next round tries again.
    if (waiting || answers.length < batch.length) return { sent, rejected, waiting };
  }
}
