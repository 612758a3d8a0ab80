import { z } from 'zod';
import { Audience, CredentialKind, Guidelines, Id, Schedule, Timestamp } from '../../shared/domain';

/*
 * The payload of each mutation kind, as the console's writers produce them (src/main/access,
 * src/main/community, src/main/hardware). Parsing strips fields the cloud does not know, so
 * the change every console pulls is the payload as the cloud read and applied it.
 */

const DoorSlots = z
  .array(z.object({ doorId: Id, slot: z.number().int().min(1) }))
  .min(1)
  .max(200)
  .refine((doors) => new Set(doors.map((d) => d.doorId)).size === doors.length, 'names a door twice');

const Granted = z
  .object({
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
    pinCode: z.string().regex(/^\d{4,12}$/, 'must be 4 to 12 digits').nullable(),
    /** 16 random bytes, base64url: what the guest's phone presents. Absent from consoles before passes were random. */
    blePass: z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'must be 16 bytes in base64url').nullable().optional(),
    doors: DoorSlots,
    at: Timestamp,
  })
  .refine((g) => (g.kind === 'pin') === (g.pinCode !== null), { message: 'a PIN credential needs a code and only it', path: ['pinCode'] })
  .refine((g) => g.kind === 'ble' || !g.blePass, { message: 'only a Bluetooth credential has a pass', path: ['blePass'] });

export const mutationPayloads = {
  'credential.granted': Granted,
  'credential.reissued': Granted.and(z.object({ replaces: Id })),
  'credential.revoked': z.object({ credentialId: Id, reason: z.string().max(200).nullable().default(null), at: Timestamp }),
  'credential.text_requested': z.object({ credentialId: Id, at: Timestamp }),
  'credential.expired': z.object({ credentialId: Id, at: Timestamp }),
  // The door by id: the cloud checks the credential opens it and names it from its own records.
  'credential.used': z.object({ credentialId: Id, at: Timestamp, doorId: Id }),
  'community.guidelines_changed': z.object({ communityId: Id, guidelines: Guidelines, at: Timestamp }),
  'door.programmed': z.object({ doorId: Id, version: z.number().int().min(0), checksum: z.string().max(200), at: Timestamp }),
  'door.lock_assigned': z.object({ doorId: Id, serial: z.string().min(1).max(200), at: Timestamp }),
  'door.events_read': z.object({ doorId: Id, after: z.number().int().min(0), records: z.array(z.unknown()).max(100_000) }),
} as const;

export type MutationKind = keyof typeof mutationPayloads;
export const mutationKinds = Object.keys(mutationPayloads) as MutationKind[];
export type PayloadOf<K extends MutationKind> = z.output<(typeof mutationPayloads)[K]>;
export type GrantPayload = PayloadOf<'credential.granted'> & { replaces?: string };

export function isMutationKind(kind: string): kind is MutationKind {
  return Object.hasOwn(mutationPayloads, kind);
}
