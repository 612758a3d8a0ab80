import { z } from 'zod';
import { Audience, BulkGrantRequest, CredentialKind, GrantRequest, Guidelines, Id, maxBulkUnitIds, Schedule, Timestamp } from '../domain';

/*
 * The payload of each mutation kind (console → cloud), written once for both sides: the
 * console's outbox writer parses every payload with it before a row is queued, and the cloud
 * reads each pushed payload with it. Parsing strips fields it does not name, so what the cloud
 * applies and hands on to other consoles is exactly this.
 */

export const PinCode = z.string().regex(/^\d{4,12}$/, 'must be 4 to 12 digits');
/** 16 random bytes, base64url: what a guest's phone presents to the doors. */
export const BlePass = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'must be 16 bytes in base64url');

export const DoorSlot = z.object({ doorId: Id, slot: z.number().int().min(1) });
const DoorSlots = z
  .array(DoorSlot)
  .min(1)
  .max(200)
  .refine((doors) => new Set(doors.map((d) => d.doorId)).size === doors.length, 'names a door twice');

/** The fields of a written credential; a grant and the change that carries it share them. */
export const credentialFields = {
  credentialId: Id,
  unitId: Id,
  guest: z.object({
    id: Id,
    name: z.string().min(1).max(200),
    phone: z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be E.164, e.g. +13125550142'),
    company: z.string().max(200).nullable(),
  }),
  audience: Audience,
  kind: CredentialKind,
  schedule: Schedule,
  pinCode: PinCode.nullable(),
  /** Absent or null only from consoles made before passes were random. */
  blePass: BlePass.nullable().optional(),
  doors: DoorSlots,
  at: Timestamp,
  /**
   * A vendor's visit: the credentials of one bulk grant, one per unit, sharing one code (or
   * pass), texted once and ended as one. `units`: how many units the visit was granted on, for
   * the one text. Absent on a credential of its own.
   */
  visit: z.object({ id: Id, units: z.number().int().min(1).max(100_000) }).optional(),
  /**
   * A grant made by approving a vendor's request (approval.requested): the cloud refuses it once
   * that request was declined (a decline on another console reached the cloud first).
   */
  approvalId: Id.optional(),
};

type Written = { kind: CredentialKind; pinCode: string | null; blePass?: string | null | undefined };
const oneSecret = <T extends z.ZodType<Written>>(schema: T) =>
  schema
    .refine((g) => (g.kind === 'pin') === (g.pinCode !== null), { message: 'a PIN credential needs a code and only it', path: ['pinCode'] })
    .refine((g) => g.kind === 'ble' || !g.blePass, { message: 'only a Bluetooth credential has a pass', path: ['blePass'] });

const Granted = oneSecret(z.object(credentialFields));
const Reissued = oneSecret(z.object({ ...credentialFields, replaces: Id }));

/**
 * A vendor approval as the asking console stores it: the grant as asked (the grant form's
 * request for one unit, the bulk form's for many, its units named), and the words every
 * console shows. Who asked is the proven actor; the cloud refuses a requester that is not.
 */
const ApprovalRequested = z
  .object({
    approvalId: Id,
    requestId: Id,
    scope: z.enum(['unit', 'units']),
    grant: z.union([GrantRequest, BulkGrantRequest]),
    what: z.string().min(1).max(500),
    unitLabels: z.array(z.string().min(1).max(200)).min(1).max(maxBulkUnitIds),
    scheduleText: z.string().max(500),
    phone: z.string().max(40),
    reason: z.string().min(1).max(300),
    requestedById: Id,
    requestedAt: Timestamp,
    expiresAt: Timestamp,
  })
  .refine((a) => (a.scope === 'units') === 'target' in a.grant, { message: 'the grant must be of the scope asked', path: ['grant'] });

/** An admin's decision on a request: approved (with what the grant made) or declined (with the reason the requester reads). */
const ApprovalDecided = z
  .object({
    approvalId: Id,
    decision: z.enum(['approved', 'declined']),
    declineReason: z.string().min(1).max(300).nullable(),
    outcome: z.string().max(300).nullable(),
    at: Timestamp,
  })
  .refine((d) => (d.decision === 'declined') === (d.declineReason !== null), { message: 'a decline, and only it, gives a reason', path: ['declineReason'] });

export const mutationPayloads = {
  'credential.granted': Granted,
  'credential.reissued': Reissued,
  // visitId: the revoke ends every credential of the credential's visit, as one decision.
  'credential.revoked': z.object({ credentialId: Id, reason: z.string().max(200).nullable().default(null), at: Timestamp, visitId: Id.optional() }),
  'credential.text_requested': z.object({ credentialId: Id, at: Timestamp }),
  'credential.expired': z.object({ credentialId: Id, at: Timestamp }),
  // The door by id: the cloud checks the credential opens it and names it from its own records.
  'credential.used': z.object({ credentialId: Id, at: Timestamp, doorId: Id }),
  'community.guidelines_changed': z.object({ communityId: Id, guidelines: Guidelines, at: Timestamp }),
  // The checksum is the door's credential table's CRC-32, as the console computed it.
  'door.programmed': z.object({ doorId: Id, version: z.number().int().min(0), checksum: z.number().int().min(0).max(0xffff_ffff), at: Timestamp }),
  'door.lock_assigned': z.object({ doorId: Id, serial: z.string().min(1).max(200), at: Timestamp }),
  'door.events_read': z.object({ doorId: Id, after: z.number().int().min(0), records: z.array(z.unknown()).max(100_000) }),
  'approval.requested': ApprovalRequested,
  'approval.decided': ApprovalDecided,
} as const;

export type MutationKind = keyof typeof mutationPayloads;
export const mutationKinds = Object.keys(mutationPayloads) as MutationKind[];
/** A payload as the cloud reads it. */
export type PayloadOf<K extends MutationKind> = z.output<(typeof mutationPayloads)[K]>;
/** A payload as a console's writer may hand it over (defaults not yet filled in). */
export type PayloadInput<K extends MutationKind> = z.input<(typeof mutationPayloads)[K]>;
export type GrantPayload = PayloadOf<'credential.granted'> & { replaces?: string };

export function isMutationKind(kind: string): kind is MutationKind {
  return Object.hasOwn(mutationPayloads, kind);
}

/** Facts no staff member decided (a schedule ran out, a door reported a use): the cloud checks them against its own records. */
export const factKinds: readonly MutationKind[] = ['credential.expired', 'credential.used'];

const variant = <K extends MutationKind>(kind: K) => z.object({ kind: z.literal(kind), payload: mutationPayloads[kind] });

/** A mutation's kind and payload, one variant per kind: what the outbox holds and the cloud applies. */
export const MutationBody = z.discriminatedUnion('kind', [
  variant('credential.granted'),
  variant('credential.reissued'),
  variant('credential.revoked'),
  variant('credential.text_requested'),
  variant('credential.expired'),
  variant('credential.used'),
  variant('community.guidelines_changed'),
  variant('door.programmed'),
  variant('door.lock_assigned'),
  variant('door.events_read'),
  variant('approval.requested'),
  variant('approval.decided'),
]);
export type MutationBody = z.output<typeof MutationBody>;
