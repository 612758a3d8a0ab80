import { z } from 'zod';
import { Id, Timestamp } from './primitives';

/**
 * Revocation exposure (issue 16): a credential that ended (revoked, expired, used, reissued)
 * keeps opening a door until that door's lock has been told. Desired state already says the
 * door should not hold it; reported state says it still does. Never a code: names and dates only.
 */
export const EndReason = z.enum(['revoked', 'expired', 'used', 'reissued']);
export type EndReason = z.infer<typeof EndReason>;

/** How the door is reached: a technician's round (key-programmer or Bluetooth) or live over Z-Wave. */
export const DoorLink = z.enum(['round', 'live']);
export type DoorLink = z.infer<typeof DoorLink>;

/** One door that still holds one ended credential, since the credential ended. */
export const ExposedDoor = z.object({
  doorId: Id,
  doorName: z.string(),
  link: DoorLink,
  since: Timestamp,
});
export type ExposedDoor = z.infer<typeof ExposedDoor>;

/** An ended credential and every door that still holds it, oldest exposure first. */
export const CredentialExposure = z.object({
  credentialId: Id,
  unitId: Id,
  unitLabel: z.string(),
  guestName: z.string(),
  kind: z.enum(['pin', 'ble']),
  endReason: EndReason,
  endedAt: Timestamp,
  doors: z.array(ExposedDoor).min(1),
});
export type CredentialExposure = z.infer<typeof CredentialExposure>;

/** The Units page's one figure and the list behind it. */
export const RevocationExposure = z.object({
  /** Every ended credential some door still holds. */
  credentialCount: z.number().int().min(0),
  /** The longest exposed first: for the community the first 100 of them, for one unit all. */
  credentials: z.array(CredentialExposure),
  /** Distinct doors that hold at least one ended credential. */
  doorCount: z.number().int().min(0),
  /** The oldest exposure's start, or null when no ended credential opens any door. */
  oldestSince: Timestamp.nullable(),
});
export type RevocationExposure = z.infer<typeof RevocationExposure>;

export const ExposureQuery = z.object({ unitId: Id.optional() }).strict();
export type ExposureQuery = z.infer<typeof ExposureQuery>;

// The words of exposure (the Units page's figure, a credential's line, the log's): free of zod, for the renderer's first paint.
export * from './exposure-words';
