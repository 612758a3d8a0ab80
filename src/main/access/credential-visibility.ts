import type { Credential, Role } from '../../shared/domain';
import type { CredentialScope } from '../store/credential-scope';
import type { CredentialRecord } from '../store/credentials-repo';

/**
 * Least privilege on screen. A kiosk stands in a lobby: it sees (and changes) only what a kiosk
 * granted on this console, never the community's guests and their phones. Maintenance programs
 * doors: it sees who holds a door's slots, not the guests' phone numbers. The office sees all.
 */
export function credentialScope(role: Role): CredentialScope {
  if (role === 'kiosk') return 'kiosk-granted';
  if (role === 'maintenance') return 'no-phones';
  return 'all';
}

/** Granted by a kiosk on this console: the record-level twin of the store's kioskGrantedSql. */
export function kioskGranted(record: Pick<CredentialRecord, 'grantedByRole' | 'grantedElsewhere'>): boolean {
  return record.grantedByRole === 'kiosk' && !record.grantedElsewhere;
}

/** What `scope` may see of `records`, and how many it may not. */
export function visibleRecords(scope: CredentialScope, records: CredentialRecord[]): { shown: CredentialRecord[]; notShown: number } {
  const shown = scope === 'kiosk-granted' ? records.filter(kioskGranted) : records;
  return { shown, notShown: records.length - shown.length };
}

/** A credential as `scope` is shown it: maintenance's copy names no phone. */
export function shownAs(scope: CredentialScope, credential: Credential): Credential {
  return scope === 'no-phones' ? { ...credential, guest: { ...credential.guest, phone: null } } : credential;
}
