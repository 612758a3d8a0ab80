import type { CredentialKind } from '../../shared/domain';
import type { TextReason } from '../store/cloud-store';

/** Where the guest's link points: the code's page, or the Porter Keys app for a pass. */
export interface GuestLinks {
  baseUrl: string;
}

/**
 * The address texts carry until the operator names the real one (`--link-base`). It leads
 * nowhere (RFC 2606), so texts written to the file say so plainly, and the cloud refuses to
 * send real texts with it.
 */
export const defaultGuestLinks: GuestLinks = { baseUrl: 'https://porter.example' };

/** True for an address no guest could open: the .example, .invalid, .test and localhost names. */
export function isPlaceholderLinkBase(baseUrl: string): boolean {
  const host = new URL(baseUrl).hostname.toLowerCase();
  return /(^|\.)(example|invalid|test|localhost)$/.test(host) || /^example\.(com|net|org)$/.test(host);
}

export interface GuestTextSubject {
  kind: CredentialKind;
  communityName: string;
  /** "North Tower 702" */
  unitLabel: string;
  /** A code's text links to its page by this token (guest-link.ts); a pass's text links to the app. */
  linkToken: string | null;
}

/**
 * The text a guest gets. Never the PIN itself: a text can be read off a lock screen or a
 * shared phone, so it carries a link to a page that shows the code (guest-page.ts).
 */
export function guestTextBody(reason: TextReason, s: GuestTextSubject, links: GuestLinks): string {
  if (s.kind === 'ble') {
    // The pass appears in the app once the guest signs up with the number this text came to:
    // the link names no credential (guest-page.ts serves it).
    const link = `${links.baseUrl}/app`;
    return `${s.communityName}: your Bluetooth pass for ${s.unitLabel} is ready. Get the Porter Keys app and sign up with this phone number: ${link}`;
  }
  const link = `${links.baseUrl}/c/${s.linkToken}`;
  if (reason === 'pin_changed') return `${s.communityName}: your access code for ${s.unitLabel} has changed, see the new one here: ${link}`;
  return `${s.communityName}: your access code for ${s.unitLabel} is ready: ${link}`;
}
