import { randomUUID } from 'node:crypto';
import type { Db } from './database';

export type MutationKind = 'credential.granted' | 'credential.revoked' | 'credential.reissued' | 'credential.text_requested' | 'credential.expired' | 'credential.used' | 'community.guidelines_changed' | 'door.programmed' | 'door.lock_assigned' | 'door.events_read';

export interface Mutation {
  kind: MutationKind;
  payload: Record<string, unknown>;
}

/** Queues a mutation for the cloud. Call inside the action's transaction. */
export function enqueueMutation(db: Db, mutation: Mutation, at: string): string {
  const mutationId = randomUUID();
  db.prepare(
    'INSERT INTO outbox (mutation_id, kind, payload_json, created_at) VALUES (?, ?, ?, ?)',
  ).run(mutationId, mutation.kind, JSON.stringify(mutation.payload), at);
  return mutationId;
}
