import { randomUUID } from 'node:crypto';
import type { StaffMember } from '../../shared/domain';
import { PorterError } from '../../shared/errors';
import { maxRequestBytes, MutationBody, OutboxActor, type MutationKind, type PayloadInput, type SystemReason } from '../../shared/sync';
import type { Db } from './database';
import { hasPaired } from './sync-state-repo';

export type { MutationKind };

/** Porter itself, for the facts it reports: a schedule ran out, a door reported a code used. */
export const porterActor = { kind: 'system', name: 'Porter (automatic)' } as const;
export type PorterActor = typeof porterActor;

/** Why Porter reports each fact it may report; any other kind is someone's decision. */
const porterReasons: Partial<Record<MutationKind, SystemReason>> = { 'credential.expired': 'schedule_ended', 'credential.used': 'door_reported_use' };

/** A mutation as an action hands it over: the payload typed by its kind (src/shared/sync), made by a staff member or Porter. */
export type Mutation = { [K in MutationKind]: { kind: K; payload: PayloadInput<K>; actor: StaffMember | PorterActor } }[MutationKind];

export interface OutboxAudit {
  at: string;
  action: string;
  summary: string;
}

function outboxActor(kind: MutationKind, actor: StaffMember | PorterActor): OutboxActor {
  if ('role' in actor) return { kind: 'staff', staffId: actor.id, name: actor.name };
  const reason = porterReasons[kind];
  if (!reason) throw new Error(`Porter makes no ${kind} change on its own.`);
  return { kind: 'system', reason };
}

/**
 * Queues a mutation for the cloud, with the audit line that recorded it. Call inside the
 * action's transaction. The payload is parsed by the protocol's schema first, so a row the
 * cloud could not read is never written (the action fails and rolls back instead). A console
 * never paired keeps no code in it: rows made before pairing are never sent (sync-state-repo).
 */
export function queueMutation<K extends MutationKind>(db: Db, kind: K, payload: PayloadInput<K>, actor: StaffMember | PorterActor, audit: OutboxAudit): string {
  return writeRow(db, MutationBody.parse({ kind, payload }), outboxActor(kind, actor), audit);
}

/** The same, for an action's record (runUserAction) or a mutation handed over whole. */
export function enqueueMutation(db: Db, mutation: Mutation, audit: OutboxAudit): string {
  return writeRow(db, MutationBody.parse({ kind: mutation.kind, payload: mutation.payload }), outboxActor(mutation.kind, mutation.actor), audit);
}

const withoutPin = (payload: object) => Object.fromEntries(Object.entries(payload).filter(([key]) => key !== 'pinCode'));

/** Room a mutation's envelope takes in a push beside its payload (ids, seq, kind, actor, proof): well under 1 kB. */
const envelopeRoom = 4 * 1024;
const kb = (bytes: number): string => Math.ceil(bytes / 1024).toLocaleString('en-US');

function writeRow(db: Db, body: MutationBody, actor: OutboxActor, audit: OutboxAudit): string {
  const mutationId = randomUUID();
  const payload = JSON.stringify(hasPaired(db) ? body.payload : withoutPin(body.payload));
  // A row the cloud could never take would be sent again at every round, holding back every row after it.
  const weight = Buffer.byteLength(payload);
  if (weight + envelopeRoom > maxRequestBytes)
    throw new PorterError('payload_too_large', `This change is too large to reach the cloud (${kb(weight)} KB, at most ${kb(maxRequestBytes - envelopeRoom)} KB): make it for fewer units at a time, a building or a floor.`);
  db.prepare<[string, string, string, string, string, string]>(
    'INSERT INTO outbox (mutation_id, kind, payload_json, created_at, actor_json, audit_json) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(
    mutationId,
    body.kind,
    payload,
    audit.at,
    JSON.stringify(OutboxActor.parse(actor)),
    JSON.stringify({ action: audit.action, summary: audit.summary }),
  );
  return mutationId;
}
