import { z } from 'zod';
import { Audience, CredentialKind, Guidelines, Schedule } from '../../../shared/domain';

/*
 * The payloads of the cloud's changes (docs/sync-api.md), as this console reads them. A
 * change that does not parse is skipped (and counted by the pull), never half-applied.
 */

const Timestamp = z.string().min(1).max(40);

export const CredentialWritten = z.object({
  credentialId: z.string().min(1),
  unitId: z.string().min(1),
  guest: z.object({ name: z.string(), phone: z.string(), company: z.string().nullable() }),
  audience: Audience,
  kind: CredentialKind,
  schedule: Schedule,
  /** Null for a Bluetooth pass, and for a PIN code the cloud withholds from this console (a kiosk: another console's grant). */
  pinCode: z.string().regex(/^\d{4,12}$/).nullable(),
  /** A Bluetooth pass (16 bytes, base64url); null or absent where withheld, or from a console before passes were random. */
  blePass: z.string().regex(/^[A-Za-z0-9_-]{22}$/).nullable().optional(),
  doors: z.array(z.object({ doorId: z.string(), slot: z.number().int().min(1) })),
  at: Timestamp,
  replaces: z.string().optional(),
});
export type CredentialWritten = z.infer<typeof CredentialWritten>;

export const CredentialEnded = z.object({ credentialId: z.string().min(1), at: Timestamp });
/** pinCode is null when the cloud withholds it from this console. */
export const PinChanged = z.object({ credentialId: z.string().min(1), pinCode: z.string().regex(/^\d{4,12}$/).nullable(), at: Timestamp });
export const TextStatus = z.object({
  credentialId: z.string().min(1),
  status: z.enum(['sent', 'failed']),
  error: z.string().nullable().optional(),
  at: Timestamp,
});
export const GuidelinesChanged = z.object({ guidelines: Guidelines, at: Timestamp });
export const LockAssigned = z.object({ doorId: z.string().min(1), serial: z.string().min(1), at: Timestamp });
