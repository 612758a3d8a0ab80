import { z } from 'zod';
import { Guidelines, Id, Role, Timestamp } from '../domain';
import { credentialFields, mutationPayloads, PinCode, BlePass } from './mutation-payloads';

/*
 * Pull (GET /v1/changes, docs/sync-api.md): the cloud's change log as a console reads it. The
 * page and each change's envelope are checked when they arrive (a page that does not parse is
 * a sync error, nothing of it applied); each payload by its kind when applied (ChangeBody: a
 * change that does not parse is skipped, never half-applied).
 */

/** Under the consoles' 30 s request timeout and common proxies' 60 s idle limit. */
export const maxPullWaitSeconds = 25;
/** The most changes a page may hold, and the page a console asks for. */
export const maxPullLimit = 1000;
export const pullPageSize = 500;

export const PullQuery = z.object({
  after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  limit: z.coerce.number().int().min(1).max(maxPullLimit).default(pullPageSize),
  /** Seconds to hold the request when nothing is new yet (a long-poll); 0 answers at once. */
  wait: z.coerce.number().int().min(0).max(maxPullWaitSeconds).default(0),
});

/** Who acted, as the cloud names them from its own records; role null for facts (Porter, a door). */
export const ChangeActor = z.object({ id: z.string(), name: z.string(), role: Role.nullable() });
export type ChangeActor = z.infer<typeof ChangeActor>;

export const Change = z.object({
  cursor: z.number().int().min(1),
  kind: z.string().min(1).max(64),
  payload: z.record(z.string(), z.unknown()),
  /** The console whose mutation it was, or 'cloud'. */
  origin: z.string(),
  mutationId: z.string().nullable(),
  at: Timestamp,
  appliedAt: Timestamp,
  actor: ChangeActor.nullable(),
  /** The cloud's own sentence, never a console's. */
  audit: z.object({ action: z.string(), summary: z.string() }),
});
export type Change = z.infer<typeof Change>;

export const ChangePage = z.object({
  changes: z.array(Change).max(maxPullLimit),
  next: z.number().int().min(0),
  more: z.boolean(),
  /** The cloud held the request for news (a long-poll); absent from clouds before long-polls. */
  held: z.boolean().optional(),
});
export type ChangePage = z.infer<typeof ChangePage>;

/**
 * A credential as the cloud applied it. A kiosk is sent null for another console's code or
 * pass (docs/sync-api.md), so a PIN credential's code may be null here.
 */
const CredentialWritten = z.object({ ...credentialFields, pinCode: PinCode.nullable(), blePass: BlePass.nullable().optional() });

const change = <K extends string, P extends z.ZodType>(kind: K, payload: P) => z.object({ kind: z.literal(kind), payload });

/** Each change's payload by its kind: the mutation's payload as the cloud applied it, or the cloud's own. */
export const ChangeBody = z.discriminatedUnion('kind', [
  change('credential.granted', CredentialWritten),
  change('credential.reissued', CredentialWritten.extend({ replaces: Id })),
  change('credential.revoked', mutationPayloads['credential.revoked']),
  change('credential.text_requested', mutationPayloads['credential.text_requested']),
  change('credential.expired', mutationPayloads['credential.expired']),
  change('credential.used', mutationPayloads['credential.used']),
  change('community.guidelines_changed', z.object({ communityId: Id, guidelines: Guidelines, at: Timestamp })),
  // A kiosk is sent no checksum: it is a digest of the door's codes.
  change('door.programmed', mutationPayloads['door.programmed'].extend({ checksum: z.number().int().min(0).max(0xffff_ffff).nullable() })),
  change('door.lock_assigned', mutationPayloads['door.lock_assigned']),
  change('door.events_read', mutationPayloads['door.events_read']),
  // Never sent to a kiosk (scope-changes.ts): a request holds the vendor's phone.
  change('approval.requested', mutationPayloads['approval.requested']),
  change('approval.decided', mutationPayloads['approval.decided']),
  /** Earlier clouds' new code after a pin_taken; null where withheld. */
  change('credential.pin_changed', z.object({ credentialId: Id, pinCode: PinCode.nullable(), at: Timestamp })),
  change(
    'credential.text_status',
    z.object({
      credentialId: Id,
      status: z.enum(['sent', 'failed']),
      error: z.string().nullable(),
      reason: z.enum(['granted', 'pin_changed', 'resent']),
      at: Timestamp,
    }),
  ),
]);
export type ChangeBody = z.infer<typeof ChangeBody>;
export type CredentialWritten = z.infer<typeof CredentialWritten> & { replaces?: string };
export const changeKinds = ChangeBody.options.map((o) => o.shape.kind.value);
