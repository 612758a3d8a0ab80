import { z } from 'zod';
import { Id } from '../domain';

/*
 * Who made a change on a console. A staff member is named by id (the cloud takes their name
 * and role from its own records, and only with a proof); a kiosk console acts as the kiosk
 * (its token is its proof); Porter itself only reports facts, each with its reason.
 */

/** Why Porter made a change no one decided; 'unrecorded' is a row older consoles queued without an actor. */
export const SystemReason = z.enum(['schedule_ended', 'door_reported_use', 'unrecorded']);
export type SystemReason = z.infer<typeof SystemReason>;

const SystemActor = z.object({ kind: z.literal('system'), reason: SystemReason });

/** The actor an outbox row keeps: the staff member's name too, for the status bar's "waiting for". */
export const OutboxActor = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('staff'), staffId: Id, name: z.string().max(200) }),
  SystemActor,
]);
export type OutboxActor = z.infer<typeof OutboxActor>;

/** The actor a mutation carries to the cloud. */
export const MutationActor = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('staff'), id: z.string().min(1).max(200) }),
  z.object({ kind: z.literal('kiosk') }),
  SystemActor,
]);
export type MutationActor = z.infer<typeof MutationActor>;

/**
 * The actor consoles sent before actors had kinds: `{ id }` (older ones added a name and a
 * role, which were never read). The id is a staff member's, or 'porter' on a fact, which the
 * cloud tells by the mutation's kind; on a kiosk console it is ignored.
 */
export const LegacyMutationActor = z
  .strictObject({ id: z.string().min(1).max(200), name: z.string().max(200).optional(), role: z.string().max(20).nullable().optional() })
  .transform(({ id }): MutationActor => ({ kind: 'staff', id }));

/** Either form, read as the current one. */
export const PushedActor = z.union([MutationActor, LegacyMutationActor]);
