import { z } from 'zod';
import { AccessType, CredentialKind, Id, Timestamp } from './primitives';

export const Guest = z.object({
  id: Id,
  name: z.string(),
  /** E.164, e.g. +13125550142 */
  phone: z.string(),
  company: z.string().nullable(),
});
export type Guest = z.infer<typeof Guest>;

export const CredentialStatus = z.enum(['active', 'revoked']);
export type CredentialStatus = z.infer<typeof CredentialStatus>;

export const NotificationStatus = z.enum(['queued', 'sent', 'failed']);

export const DoorRef = z.object({
  id: Id,
  name: z.string(),
  kind: z.enum(['unit', 'entrance', 'perimeter', 'amenity', 'package_room']),
});
export type DoorRef = z.infer<typeof DoorRef>;

/**
 * What a guest holds for a unit: a PIN code or a Bluetooth pass, and every door it opens.
 * The PIN itself never leaves the main process through this shape.
 */
export const Credential = z.object({
  id: Id,
  unitId: Id,
  unitNumber: z.string(),
  guest: Guest,
  kind: CredentialKind,
  accessType: AccessType,
  status: CredentialStatus,
  doors: z.array(DoorRef),
  notification: NotificationStatus,
  createdAt: Timestamp,
  createdBy: z.string(),
  revokedAt: Timestamp.nullable(),
  revokedBy: z.string().nullable(),
});
export type Credential = z.infer<typeof Credential>;

export const GuestInput = z
  .object({
    name: z.string().trim().min(1, 'Guest name is required').max(100),
    phone: z.string().trim().min(1, 'Phone number is required').max(32),
    company: z.string().trim().max(100).optional(),
  })
  .strict();

export const GrantRequest = z
  .object({
    unitId: Id,
    kind: CredentialKind,
    accessType: z.literal('permanent'),
    guest: GuestInput,
  })
  .strict();
export type GrantRequest = z.input<typeof GrantRequest>;

export const RevokeRequest = z
  .object({ credentialId: Id, reason: z.string().trim().max(200).optional() })
  .strict();
export type RevokeRequest = z.input<typeof RevokeRequest>;
