import type { CredentialKind } from '../../shared/domain';
import type { TextReason } from '../store/cloud-store';

/** Where the guest's link points: the code's page, or the Porter Keys app for a pass. */
export interface GuestLinks {
  baseUrl: string;
}

export const defaultGuestLinks: GuestLinks = { baseUrl: 'https://porter.example' };

export interface GuestTextSubject {
  credentialId: string;
  kind: CredentialKind;
  communityName: string;
  /** "North Tower 702" */
  unitLabel: string;
}

/**
 * The text a guest gets. Never the PIN itself: a text can be read off a lock screen or a
 * shared phone, so it carries a link to a page that shows the code.
 */
export function guestTextBody(reason: TextReason, s: GuestTextSubject, links: GuestLinks): string {
  if (s.kind === 'ble') {
    const link = `${links.baseUrl}/app/${encodeURIComponent(s.credentialId)}`;
    return `${s.communityName}: your Bluetooth pass for ${s.unitLabel} is ready, open the Porter Keys app: ${link}`;
  }
  const link = `${links.baseUrl}/c/${encodeURIComponent(s.credentialId)}`;
  if (reason === 'pin_changed') return `${s.communityName}: your access code for ${s.unitLabel} has changed, see the new one here: ${link}`;
  return `${s.communityName}: your access code for ${s.unitLabel} is ready: ${link}`;
}
