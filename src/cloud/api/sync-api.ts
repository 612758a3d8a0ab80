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

/** Who did it on the console; role is null for what the console or a door did on its own. */
export const MutationActor = z.object({ id: z.string().min(1).max(200), name: z.string().min(1).max(200), role: Role.nullable() });

export const PushedMutation = z.object({
  mutationId: z.uuid(),
  /** The console's outbox seq: strictly increasing per console. */
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  kind: z.string().min(1).max(64),
  payload: z.record(z.string(), z.unknown()),
  createdAt: z.iso.datetime({ offset: true }),
  actor: MutationActor,
  audit: z.object({ action: z.string().min(1).max(100), summary: z.string().max(2000) }),
});
export type PushedMutation = z.infer<typeof PushedMutation>;

export const maxMutationsPerPush = 200;

export const PushRequest = z.object({ mutations: z.array(PushedMutation).max(maxMutationsPerPush) });

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
