import { z } from 'zod';
import { Role } from '../../shared/domain';

/*
 * The wire shapes of the sync API (docs/sync-api.md). Requests are parsed here; a request
 * that does not parse is a 400 for the whole request. A mutation's payload is read later,
 * per kind (rules/mutation-payloads.ts), so one unreadable payload is rejected on its own.
 */

export const PairRequest = z.object({
  pairingCode: z.string().min(1).max(64),
  /** What the console calls itself, e.g. "Front desk". */
  name: z.string().trim().min(1).max(100),
  kiosk: z.boolean(),
});

/**
 * Who did it on the console: the staff member whose key made the proof. Only the id is
 * read; the name and role a console may still send are ignored (the cloud takes both from
 * its own records), as is the actor of a kiosk console or of a fact no one decided.
 */
export const MutationActor = z.object({ id: z.string().min(1).max(200), name: z.string().max(200).optional(), role: Role.nullable().optional() });

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
  actor: MutationActor,
  /** Absent for a kiosk console (its token is its proof) and for facts no staff member decided. */
  proof: MutationProof.optional(),
  /** Ignored: what other consoles read is the cloud's own sentence (rules/sentences.ts). Accepted from older consoles. */
  audit: z.object({ action: z.string().max(100), summary: z.string().max(2000) }).optional(),
});
export type PushedMutation = z.infer<typeof PushedMutation>;

export const maxMutationsPerPush = 200;

export const PushRequest = z.object({ mutations: z.array(PushedMutation).max(maxMutationsPerPush) });

/** An online sign-in (POST /v1/staff-sessions): the console asks the cloud to check a passcode. */
export const StaffSessionRequest = z.object({ staffId: z.string().min(1).max(200), passcode: z.string().min(1).max(64) });

/** Under the consoles' 30 s request timeout and common proxies' 60 s idle limit. */
export const maxPullWaitSeconds = 25;

export const PullQuery = z.object({
  after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
  /** Seconds to hold the request when nothing is new yet (a long-poll); 0 answers at once. */
  wait: z.coerce.number().int().min(0).max(maxPullWaitSeconds).default(0),
});

/** The codes of its lease a console still holds; a lease of 2,000 codes a length is far below the cap. */
export const LeaseRequest = z.object({ held: z.array(z.string().regex(/^\d{4,12}$/, 'must be 4 to 12 digits')).max(20_000) });

export type MutationResult =
  | {
      mutationId: string;
      status: 'accepted' | 'rejected';
      reason?: string;
      code?: string;
      fix?: Record<string, unknown>;
      cursor?: number;
    }
  | {
      mutationId: string;
      status: 'duplicate';
      original: 'accepted' | 'rejected';
      reason?: string;
      code?: string;
      fix?: Record<string, unknown>;
      cursor?: number;
    };
