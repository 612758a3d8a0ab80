import type { Role } from './domain/primitives';

/**
 * Least privilege on screen: whose credentials each role is shown. A kiosk stands in a lobby:
 * it sees (and changes) only what a kiosk granted on its console, never the community's guests
 * and their phones. Maintenance programs doors: it sees who holds a door's slots, not the
 * guests' phone numbers, and finds units by number only. The office sees all. The core scopes
 * its answers by it; the renderer words its search by it.
 */
export type CredentialScope = 'all' | 'kiosk-granted' | 'no-phones';

export function credentialScope(role: Role): CredentialScope {
  if (role === 'kiosk') return 'kiosk-granted';
  if (role === 'maintenance') return 'no-phones';
  return 'all';
}
