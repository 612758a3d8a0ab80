import { randomUUID } from 'node:crypto';
import type { Role } from '../../shared/domain';
import type { Db } from './database';
import { hasPaired } from './sync-state-repo';

export type MutationKind = 'credential.granted' | 'credential.revoked' | 'credential.reissued' | 'credential.text_requested' | 'credential.expired' | 'credential.used' | 'community.guidelines_changed' | 'door.programmed' | 'door.lock_assigned' | 'door.events_read';

/** Who made a change: a staff member, or Porter itself (a schedule ending, a door reporting a use). */
export interface MutationActor {
  id: string;
  name: string;
  role: Role | 'system';
}

export const porterActor: MutationActor = { id: 'porter', name: 'Porter (automatic)', role: 'system' };

export interface Mutation {
  kind: MutationKind;
  payload: Record<string, unknown>;
  /** The cloud checks the actor's role again on its side. */
  actor: MutationActor;
}

/**
 * Queues a mutation for the cloud, with the audit line that recorded it, so other consoles
 * can add the same line to their logs. Call inside the action's transaction. A console never
 * paired keeps no code in it: rows made before pairing are never sent (sync-state-repo).
 */
export function enqueueMutation(db: Db, mutation: Mutation, audit: { at: string; action: string; summary: string }): string {
  const mutationId = randomUUID();
  const { pinCode: _neverSent, ...unpaired } = mutation.payload;
  const payload = hasPaired(db) ? mutation.payload : unpaired;
  db.prepare(
    'INSERT INTO outbox (mutation_id, kind, payload_json, created_at, actor_json, audit_json) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(
    mutationId,
    mutation.kind,
    JSON.stringify(payload),
    audit.at,
    JSON.stringify({ id: mutation.actor.id, name: mutation.actor.name, role: mutation.actor.role }),
    JSON.stringify({ action: audit.action, summary: audit.summary }),
  );
  return mutationId;
}
