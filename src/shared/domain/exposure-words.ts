/**
 * Revocation exposure in words: the Units page's figure, a credential's line, the activity
 * log's. Free of zod (types only from exposure.ts), so the renderer's first paint, which shows
 * the figure, loads no schema library.
 */
import type { CredentialExposure, EndReason, RevocationExposure } from './exposure';

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
