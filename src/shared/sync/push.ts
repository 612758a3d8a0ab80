import { z } from 'zod';
import { PushedActor } from './actor';
import { DoorSlot } from './mutation-payloads';

/*
 * Push (POST /v1/mutations, docs/sync-api.md): the request a console sends and the answer it
 * reads. The envelope is read first, a request that does not parse is refused whole; each
 * payload is read later by its kind (MutationBody), so one unreadable payload is refused alone.
 */

/** The cloud takes at most this many mutations a request; a console sends its outbox in batches of it. */
export const maxMutationsPerPush = 200;
/**
 * The most a request to the cloud may weigh (its JSON body). A console fills a push up to it too:
 * two hundred vendor requests each naming a whole building weigh several MiB, and a batch the
 * cloud refuses for its size would be sent again at every round, holding back all that follows.
 */
export const maxRequestBytes = 1024 * 1024;

/** HMAC-SHA256 with the staff member's key over the mutation's canonical form (src/shared/mutation-proof.ts). */
export const MutationProof = z.object({ keyId: z.string().min(1).max(100), signature: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be 32 bytes, base64url') });
export type MutationProof = z.infer<typeof MutationProof>;

export const PushedMutation = z.object({
  mutationId: z.uuid(),
  /** The console's outbox seq: strictly increasing per console. */
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  kind: z.string().min(1).max(64),
  payload: z.record(z.string(), z.unknown()),
  createdAt: z.iso.datetime({ offset: true }),
  actor: PushedActor,
  /** Absent for a kiosk console (its token is its proof) and for facts no staff member decided. */
  proof: MutationProof.optional(),
  /** Ignored: what other consoles read is the cloud's own sentence. Accepted from older consoles. */
  audit: z.object({ action: z.string().max(100), summary: z.string().max(2000) }).optional(),
});
/** A mutation as the cloud read it (the actor in its current form). */
export type PushedMutation = z.output<typeof PushedMutation>;
/** A mutation as a console sends it. */
export type WireMutation = z.input<typeof PushedMutation>;

export const PushRequest = z.object({ mutations: z.array(PushedMutation).max(maxMutationsPerPush) });

/** Codes a rejected mutation carries (earlier clouds also answered 'pin_taken', which a duplicate repeats). */
export const refusalCodes = [
  'forbidden',
  'not_allowed',
  'not_found',
  'conflict',
  'slots_full',
  'invalid_payload',
  'unknown_kind',
  // No proof that the staff member named made this change, or a proof that does not hold.
  'proof_missing',
  'proof_invalid',
  // The change fails the same way every time the cloud applies it (a bug, or input no rule foresaw).
  'unprocessable',
  // A grant whose credential the cloud already holds: another console approved the same vendor
  // request first (its grant names the same credential); the console takes the cloud's from its pull.
  'already_granted',
] as const;
export type RefusalCode = (typeof refusalCodes)[number];
export const RejectionCode = z.enum([...refusalCodes, 'pin_taken']);

/**
 * What the cloud changed in a console's grant: never a PIN code (answers are kept for good);
 * the settled code comes in the grant's change. pin_reissued comes only from earlier clouds.
 */
export const Fix = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pin_assigned'), credentialId: z.string(), doors: z.array(DoorSlot) }),
  z.object({ kind: z.literal('pin_reissued'), credentialId: z.string(), doors: z.array(DoorSlot) }),
  z.object({ kind: z.literal('slots_moved'), credentialId: z.string(), doors: z.array(DoorSlot) }),
]);
export type Fix = z.infer<typeof Fix>;

const settled = {
  mutationId: z.uuid(),
  code: RejectionCode.optional(),
  /** A sentence staff can read. */
  reason: z.string().optional(),
  fix: Fix.optional(),
  /** The last change the mutation produced; absent for a no-op or a rejection. */
  cursor: z.number().int().optional(),
};

/** One result per mutation, in request order; a duplicate repeats the first delivery's answer. */
export const MutationResult = z.discriminatedUnion('status', [
  z.object({ status: z.enum(['accepted', 'rejected']), ...settled }),
  z.object({ status: z.literal('duplicate'), original: z.enum(['accepted', 'rejected']), ...settled }),
]);
export type MutationResult = z.infer<typeof MutationResult>;

export const PushAnswer = z.object({ results: z.array(MutationResult).max(maxMutationsPerPush) });
