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

const endWords: Record<EndReason, string> = { revoked: 'revoked', expired: 'expired', used: 'used', reissued: 'replaced with new dates' };

/** "it was revoked", "it expired": how a credential ended, in words. */
export function endedWords(reason: EndReason): string {
  return reason === 'revoked' || reason === 'reissued' ? `it was ${endWords[reason]}` : reason === 'used' ? 'it was used' : 'it expired';
}

/** A span in plain words: "under a minute", "12 min", "3 h", "2 days". */
export function spanWords(fromIso: string, toIso: string): string {
  const ms = Math.max(0, Date.parse(toIso) - Date.parse(fromIso));
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'under a minute';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  const days = Math.floor(hours / 24);
  return `${days} days`;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** The Units page's figure: "3 ended codes still open 7 doors; the oldest for 2 days". */
export function exposureFigure(e: RevocationExposure, nowIso: string): string {
  if (e.credentialCount === 0 || e.oldestSince === null) return 'No ended code still opens a door';
  const codes = e.credentialCount === 1 ? '1 ended code still opens' : `${e.credentialCount.toLocaleString('en-US')} ended codes still open`;
  return `${codes} ${plural(e.doorCount, 'door', 'doors')}; the oldest for ${spanWords(e.oldestSince, nowIso)}`;
}

/** On the credential: "Still opens 2 doors: Unit 101 door since 3 h, North entrance since 3 h". */
export function credentialExposureWords(c: CredentialExposure, nowIso: string): string {
  const doors = c.doors.map((d) => `${d.doorName} since ${spanWords(d.since, nowIso)}`).join(', ');
  return `Still opens ${plural(c.doors.length, 'door', 'doors')}: ${doors}`;
}

/** The activity log's line when a door's lock finally let go of an ended credential. */
export function droppedWords(doorName: string, guestName: string, kind: 'pin' | 'ble', reason: EndReason, endedAt: string, droppedAt: string): string {
  const what = kind === 'pin' ? 'code' : 'Bluetooth pass';
  return `${doorName} dropped ${guestName}’s ${what}, ${spanWords(endedAt, droppedAt)} after ${endedWords(reason)}`;
}
